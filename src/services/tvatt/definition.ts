/**
 * Tvätt — ansök utan behovsprövning (förenklad biståndsbedömning, seed 001 Nämndmål 1:6): help with
 * the laundry as often as the municipality's rule set says. Texts: ./texts (namespace "tvatt") and
 * the shared parts' texts (namespace "shared").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { closingPages, eligibilityPages, feePages, forenkladCommon, forenkladStart, onBehalfPages, personPage, whoAppliesPage } from '../shared/parts.ts';

const T = 'tvatt:';

export default defineService({
  ...forenkladCommon,
  id: 'tvatt',
  version: 1,
  forenkladInsats: 'tvatt',
  title: `${T}title`,
  summary: `${T}summary`,
  start: forenkladStart('tvatt'),
  pages: [
    whoAppliesPage(),
    ...onBehalfPages(),
    ...eligibilityPages('tvatten'),
    {
      kind: 'question',
      id: 'tvatten',
      title: `${T}pages.tvatten.title`,
      intro: `${T}pages.tvatten.intro`,
      fields: [
        {
          type: 'radios',
          name: 'tvattmojlighet',
          label: `${T}fields.tvattmojlighet.label`,
          options: [
            { value: 'egen-maskin', label: `${T}fields.tvattmojlighet.options.egenMaskin` },
            { value: 'tvattstuga', label: `${T}fields.tvattmojlighet.options.tvattstuga`, hint: `${T}fields.tvattmojlighet.options.tvattstugaHint` },
            { value: 'ingen', label: `${T}fields.tvattmojlighet.options.ingen`, hint: `${T}fields.tvattmojlighet.options.ingenHint` },
          ],
        },
        { type: 'textarea', name: 'tvattOnskemal', label: `${T}fields.tvattOnskemal.label`, hint: `${T}fields.tvattOnskemal.hint`, optional: true, maxLength: 1000 },
      ],
    },
    personPage(),
    ...feePages('kontrollera'),
    ...closingPages('tvatt'),
  ],
});
