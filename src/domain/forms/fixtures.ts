/**
 * Small fixture definitions for the engine's tests: one linear journey, one that routes on an
 * answer to an exit page and past an optional page, and one that routes on the förenklad rules
 * with nested `all`/`any` conditions. Their texts are i18n keys that need not exist: fixtures are
 * walked and validated, never rendered, and are not e-tjänster in the database.
 */
import { defineService, type ServiceDefinitionInput } from './definition.ts';

/** A definition's input: everything besides its id and pages is fixed. Tests build broken variants with it. */
export function fixtureInput(id: string, pages: ServiceDefinitionInput['pages']): ServiceDefinitionInput {
  return {
    id,
    version: 1,
    area: 'aldreomsorg',
    category: 'forenklad',
    title: `${id}:title`,
    summary: `${id}:summary`,
    start: [{ heading: `${id}:start.heading`, paragraphs: `${id}:start.paragraphs` }],
    submitters: ['self'],
    requiresEid: false,
    retention: { yearsAfterClosed: 1 },
    pages,
  };
}

/** The check-answers and confirmation pages every definition ends with. */
export const endPages = (id: string): ServiceDefinitionInput['pages'] => [
  { kind: 'checkAnswers', id: 'kontrollera', title: `${id}:kontrollera.title` },
  { kind: 'confirmation', id: 'klart', title: `${id}:klart.title`, body: `${id}:klart.body` },
];

/** namn → kontakt → kontrollera → klart, no routes. */
export const linear = defineService(
  fixtureInput('linjar', [
    { kind: 'question', id: 'namn', title: 'linjar:namn.title', fields: [{ type: 'text', name: 'namn', label: 'linjar:namn.label' }] },
    {
      kind: 'question',
      id: 'kontakt',
      title: 'linjar:kontakt.title',
      fields: [
        { type: 'phone', name: 'telefon', label: 'linjar:telefon.label' },
        { type: 'email', name: 'epost', label: 'linjar:epost.label', optional: true },
      ],
    },
    ...endPages('linjar'),
  ]),
);

/**
 * boende → husdjur → (husdjur-info, only when there is a pet) → larm → kontrollera.
 * Särskilt boende routes to the exit page, which sits right after `boende` in page order so that
 * "the next page in order" would be the exit if exits were not skipped.
 */
export const routed = defineService(
  fixtureInput('vagval', [
    {
      kind: 'question',
      id: 'boende',
      title: 'vagval:boende.title',
      fields: [
        {
          type: 'radios',
          name: 'boende',
          label: 'vagval:boende.label',
          options: [
            { value: 'ordinart', label: 'vagval:boende.ordinart' },
            { value: 'sarskilt', label: 'vagval:boende.sarskilt' },
          ],
        },
      ],
      next: [{ when: { field: 'boende', equals: 'sarskilt' }, goto: 'sarskilt-boende' }],
    },
    { kind: 'exit', id: 'sarskilt-boende', title: 'vagval:exit.title', body: 'vagval:exit.body' },
    {
      kind: 'question',
      id: 'husdjur',
      title: 'vagval:husdjur.title',
      fields: [{ type: 'yesNo', name: 'harHusdjur', label: 'vagval:harHusdjur.label' }],
      next: [{ when: { field: 'harHusdjur', equals: 'nej' }, goto: 'larm' }],
    },
    {
      kind: 'question',
      id: 'husdjur-info',
      title: 'vagval:husdjurInfo.title',
      fields: [{ type: 'textarea', name: 'husdjur', label: 'vagval:husdjur.label' }],
    },
    {
      kind: 'question',
      id: 'larm',
      title: 'vagval:larm.title',
      fields: [
        {
          type: 'radios',
          name: 'larmtyp',
          label: 'vagval:larmtyp.label',
          options: [
            { value: 'mobilt', label: 'vagval:larmtyp.mobilt' },
            { value: 'fast', label: 'vagval:larmtyp.fast' },
          ],
        },
      ],
    },
    ...endPages('vagval'),
  ]),
);

/**
 * personnummer → villkor → insatser → kontrollera, with two exits:
 * below the age limit (the `belowAgeLimit` rule), and not eligible by the municipality's rule set
 * (not folkbokförd, or not in ordinary housing: särskilt boende or korttidsboende). When both
 * exits' conditions hold on `villkor`, the first route (folkbokföring) wins.
 */
export const eligibility = defineService(
  fixtureInput('villkor', [
    {
      kind: 'question',
      id: 'personnummer',
      title: 'villkor:personnummer.title',
      fields: [{ type: 'personnummer', name: 'personnummer', label: 'villkor:personnummer.label' }],
      next: [{ when: { rule: 'belowAgeLimit', field: 'personnummer' }, goto: 'for-ung' }],
    },
    {
      kind: 'question',
      id: 'villkor',
      title: 'villkor:villkor.title',
      fields: [
        { type: 'yesNo', name: 'folkbokford', label: 'villkor:folkbokford.label' },
        {
          type: 'radios',
          name: 'boende',
          label: 'villkor:boende.label',
          options: [
            { value: 'ordinart', label: 'villkor:boende.ordinart' },
            { value: 'sarskilt', label: 'villkor:boende.sarskilt' },
            { value: 'korttid', label: 'villkor:boende.korttid' },
          ],
        },
      ],
      next: [
        { when: { all: [{ rule: 'requireFolkbokford' }, { field: 'folkbokford', equals: 'nej' }] }, goto: 'ej-folkbokford' },
        {
          when: {
            all: [
              { rule: 'requireOrdinaryHousing' },
              { any: [{ field: 'boende', equals: 'sarskilt' }, { field: 'boende', equals: 'korttid' }] },
            ],
          },
          goto: 'ej-ordinart-boende',
        },
      ],
    },
    {
      kind: 'question',
      id: 'insatser',
      title: 'villkor:insatser.title',
      fields: [
        {
          type: 'checkboxes',
          name: 'insatser',
          label: 'villkor:insatser.label',
          options: [
            { value: 'tvatt', label: 'villkor:insatser.tvatt' },
            { value: 'stadning', label: 'villkor:insatser.stadning' },
            { value: 'inkop', label: 'villkor:insatser.inkop' },
          ],
        },
      ],
    },
    { kind: 'exit', id: 'for-ung', title: 'villkor:forUng.title', body: 'villkor:forUng.body' },
    { kind: 'exit', id: 'ej-folkbokford', title: 'villkor:ejFolkbokford.title', body: 'villkor:ejFolkbokford.body' },
    { kind: 'exit', id: 'ej-ordinart-boende', title: 'villkor:ejOrdinart.title', body: 'villkor:ejOrdinart.body' },
    ...endPages('villkor'),
  ]),
);
