/**
 * Trygghetslarm — ansök utan behovsprövning (förenklad biståndsbedömning, seed 001 Nämndmål 1:6).
 * Version 2: for yourself or for someone else, the shared eligibility and applicant steps, the fee
 * step, and the choice between a mobile (GPS) and a fixed alarm (seed 001 Nämndmål 1:5 puts
 * välfärdsteknik such as mobilt trygghetslarm first). Texts: ./texts (namespace "trygghetslarm")
 * and the shared parts' texts (namespace "shared").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { closingPages, eligibilityPages, feePages, forenkladCommon, forenkladStart, onBehalfPages, personPage, whoAppliesPage } from '../shared/parts.ts';

const T = 'trygghetslarm:';

export default defineService({
  ...forenkladCommon,
  id: 'trygghetslarm',
  version: 2,
  forenkladInsats: 'trygghetslarm',
  title: `${T}title`,
  summary: `${T}summary`,
  start: forenkladStart('trygghetslarm'),
  pages: [
    whoAppliesPage(),
    ...onBehalfPages(),
    ...eligibilityPages('larm'),
    {
      kind: 'question',
      id: 'larm',
      title: `${T}pages.larm.title`,
      fields: [
        {
          type: 'radios',
          name: 'larmtyp',
          label: `${T}fields.larmtyp.label`,
          options: [
            { value: 'mobilt', label: `${T}fields.larmtyp.options.mobilt`, hint: `${T}fields.larmtyp.options.mobiltHint` },
            { value: 'fast', label: `${T}fields.larmtyp.options.fast`, hint: `${T}fields.larmtyp.options.fastHint` },
          ],
        },
      ],
    },
    personPage(),
    {
      kind: 'question',
      id: 'kontaktpersoner',
      title: `${T}pages.kontaktpersoner.title`,
      intro: `${T}pages.kontaktpersoner.intro`,
      fields: [
        {
          type: 'repeat',
          name: 'kontaktpersoner',
          label: `${T}fields.kontaktpersoner.label`,
          itemLabel: `${T}fields.kontaktpersoner.item`,
          min: 2,
          max: 3,
          fields: [
            { type: 'text', name: 'namn', label: `${T}fields.kontaktNamn.label`, maxLength: 100 },
            { type: 'text', name: 'relation', label: `${T}fields.kontaktRelation.label`, hint: `${T}fields.kontaktRelation.hint`, maxLength: 100, width: 'half' },
            { type: 'phone', name: 'telefon', label: `${T}fields.kontaktTelefon.label`, autocomplete: 'off' },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'nyckel',
      title: `${T}pages.nyckel.title`,
      intro: `${T}pages.nyckel.intro`,
      fields: [
        {
          type: 'radios',
          name: 'nyckelhantering',
          label: `${T}fields.nyckelhantering.label`,
          options: [
            { value: 'nyckel', label: `${T}fields.nyckelhantering.options.nyckel`, hint: `${T}fields.nyckelhantering.options.nyckelHint` },
            { value: 'nyckelgomma', label: `${T}fields.nyckelhantering.options.nyckelgomma`, hint: `${T}fields.nyckelhantering.options.nyckelgommaHint` },
          ],
        },
        { type: 'textarea', name: 'nyckelOvrigt', label: `${T}fields.nyckelOvrigt.label`, hint: `${T}fields.nyckelOvrigt.hint`, optional: true, maxLength: 1000 },
      ],
    },
    ...feePages('kontrollera'),
    ...closingPages('trygghetslarm'),
  ],
});
