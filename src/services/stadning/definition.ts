/**
 * Städning — ansök utan behovsprövning (förenklad biståndsbedömning, seed 001 Nämndmål 1:6):
 * cleaning of the home as often and for as long as the municipality's rule set says. Texts: ./texts
 * (namespace "stadning") and the shared parts' texts (namespace "shared").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { closingPages, eligibilityPages, feePages, forenkladCommon, forenkladStart, onBehalfPages, personPage, whoAppliesPage } from '../shared/parts.ts';

const T = 'stadning:';

export default defineService({
  ...forenkladCommon,
  id: 'stadning',
  version: 1,
  forenkladInsats: 'stadning',
  title: `${T}title`,
  summary: `${T}summary`,
  start: forenkladStart('stadning'),
  pages: [
    whoAppliesPage(),
    ...onBehalfPages(),
    ...eligibilityPages('hemmet'),
    {
      kind: 'question',
      id: 'hemmet',
      title: `${T}pages.hemmet.title`,
      intro: `${T}pages.hemmet.intro`,
      fields: [
        {
          type: 'radios',
          name: 'bostadsstorlek',
          label: `${T}fields.bostadsstorlek.label`,
          options: [
            { value: 'ett-rum', label: `${T}fields.bostadsstorlek.options.ettRum` },
            { value: 'tva-rum', label: `${T}fields.bostadsstorlek.options.tvaRum` },
            { value: 'tre-rum', label: `${T}fields.bostadsstorlek.options.treRum` },
            { value: 'fyra-rum', label: `${T}fields.bostadsstorlek.options.fyraRum` },
          ],
        },
        { type: 'yesNo', name: 'husdjur', label: `${T}fields.husdjur.label`, hint: `${T}fields.husdjur.hint` },
        { type: 'textarea', name: 'stadOnskemal', label: `${T}fields.stadOnskemal.label`, hint: `${T}fields.stadOnskemal.hint`, optional: true, maxLength: 1000 },
      ],
    },
    personPage(),
    ...feePages('kontrollera'),
    ...closingPages('stadning'),
  ],
});
