/**
 * Digitala inköp — ansök utan behovsprövning (förenklad biståndsbedömning, seed 001 Nämndmål 1:6):
 * groceries ordered online and delivered home, as often as the municipality's rule set says, with
 * help to order when needed. Texts: ./texts (namespace "digitala-inkop") and the shared parts' texts
 * (namespace "shared").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { closingPages, eligibilityPages, feePages, forenkladCommon, forenkladStart, onBehalfPages, personPage, whoAppliesPage } from '../shared/parts.ts';

const T = 'digitala-inkop:';
const WEEKDAYS = ['mandag', 'tisdag', 'onsdag', 'torsdag', 'fredag'] as const;

export default defineService({
  ...forenkladCommon,
  id: 'digitala-inkop',
  version: 1,
  forenkladInsats: 'digitalaInkop',
  title: `${T}title`,
  summary: `${T}summary`,
  start: forenkladStart('digitala-inkop'),
  pages: [
    whoAppliesPage(),
    ...onBehalfPages(),
    ...eligibilityPages('bestallning'),
    {
      kind: 'question',
      id: 'bestallning',
      title: `${T}pages.bestallning.title`,
      fields: [
        {
          type: 'radios',
          name: 'bestallningssatt',
          label: `${T}fields.bestallningssatt.label`,
          options: [
            { value: 'sjalv', label: `${T}fields.bestallningssatt.options.sjalv`, hint: `${T}fields.bestallningssatt.options.sjalvHint` },
            { value: 'med-hjalp', label: `${T}fields.bestallningssatt.options.medHjalp`, hint: `${T}fields.bestallningssatt.options.medHjalpHint` },
          ],
        },
        {
          type: 'checkboxes',
          name: 'leveransdagar',
          label: `${T}fields.leveransdagar.label`,
          hint: `${T}fields.leveransdagar.hint`,
          options: WEEKDAYS.map((d) => ({ value: d, label: `${T}fields.leveransdagar.options.${d}` })),
        },
        { type: 'textarea', name: 'kost', label: `${T}fields.kost.label`, hint: `${T}fields.kost.hint`, optional: true, maxLength: 1000 },
      ],
    },
    personPage(),
    ...feePages('kontrollera'),
    ...closingPages('digitala-inkop'),
  ],
});
