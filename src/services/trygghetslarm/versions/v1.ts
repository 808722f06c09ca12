/**
 * Trygghetslarm — ansök utan behovsprövning (förenklad biståndsbedömning, seed 001 Nämndmål 1:6).
 * Version 1, as published: kept unchanged so its submissions are shown as they were asked.
 * Texts live in ../texts/<lang>.json under the namespace "trygghetslarm".
 */
import { defineService } from '../../../domain/forms/definition.ts';

export default defineService({
  id: 'trygghetslarm',
  version: 1,
  area: 'aldreomsorg',
  category: 'forenklad',
  forenkladInsats: 'trygghetslarm',
  title: 'trygghetslarm:title',
  summary: 'trygghetslarm:summary',
  start: [
    { heading: 'trygghetslarm:start.who.heading', paragraphs: 'trygghetslarm:start.who.paragraphs' },
    { heading: 'trygghetslarm:start.fee.heading', paragraphs: 'trygghetslarm:start.fee.paragraphs' },
    { heading: 'trygghetslarm:start.influence.heading', paragraphs: 'trygghetslarm:start.influence.paragraphs' },
    { heading: 'trygghetslarm:start.followUp.heading', paragraphs: 'trygghetslarm:start.followUp.paragraphs' },
    { heading: 'trygghetslarm:start.ordinary.heading', paragraphs: 'trygghetslarm:start.ordinary.paragraphs', ordinaryApplicationLink: true },
    { heading: 'trygghetslarm:start.needed.heading', paragraphs: 'trygghetslarm:start.needed.paragraphs' },
  ],
  submitters: ['self'],
  requiresEid: false,
  ordinaryApplicationLink: true,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  retention: { yearsAfterClosed: 5 },
  pages: [
    {
      kind: 'question',
      id: 'personnummer',
      title: 'trygghetslarm:pages.personnummer.title',
      fields: [{ type: 'personnummer', name: 'personnummer', label: 'trygghetslarm:fields.personnummer.label', hint: 'trygghetslarm:fields.personnummer.hint' }],
      next: [{ when: { rule: 'belowAgeLimit', field: 'personnummer' }, goto: 'for-ung' }],
    },
    {
      kind: 'question',
      id: 'folkbokforing',
      title: 'trygghetslarm:pages.folkbokforing.title',
      fields: [{ type: 'yesNo', name: 'folkbokford', label: 'trygghetslarm:fields.folkbokford.label' }],
      next: [{ when: { all: [{ rule: 'requireFolkbokford' }, { field: 'folkbokford', equals: 'nej' }] }, goto: 'ej-folkbokford' }],
    },
    {
      kind: 'question',
      id: 'boende',
      title: 'trygghetslarm:pages.boende.title',
      fields: [
        {
          type: 'radios',
          name: 'boende',
          label: 'trygghetslarm:fields.boende.label',
          options: [
            { value: 'ordinart', label: 'trygghetslarm:fields.boende.options.ordinart', hint: 'trygghetslarm:fields.boende.options.ordinartHint' },
            { value: 'sarskilt', label: 'trygghetslarm:fields.boende.options.sarskilt', hint: 'trygghetslarm:fields.boende.options.sarskiltHint' },
          ],
        },
      ],
      next: [{ when: { all: [{ rule: 'requireOrdinaryHousing' }, { field: 'boende', equals: 'sarskilt' }] }, goto: 'sarskilt-boende' }],
    },
    { kind: 'exit', id: 'for-ung', title: 'trygghetslarm:exits.age.title', body: 'trygghetslarm:exits.age.body' },
    { kind: 'exit', id: 'ej-folkbokford', title: 'trygghetslarm:exits.folkbokford.title', body: 'trygghetslarm:exits.folkbokford.body' },
    { kind: 'exit', id: 'sarskilt-boende', title: 'trygghetslarm:exits.boende.title', body: 'trygghetslarm:exits.boende.body' },
    {
      kind: 'question',
      id: 'larm',
      title: 'trygghetslarm:pages.larm.title',
      fields: [
        {
          type: 'radios',
          name: 'larmtyp',
          label: 'trygghetslarm:fields.larmtyp.label',
          options: [
            { value: 'mobilt', label: 'trygghetslarm:fields.larmtyp.options.mobilt', hint: 'trygghetslarm:fields.larmtyp.options.mobiltHint' },
            { value: 'fast', label: 'trygghetslarm:fields.larmtyp.options.fast', hint: 'trygghetslarm:fields.larmtyp.options.fastHint' },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'dina-uppgifter',
      title: 'trygghetslarm:pages.dinaUppgifter.title',
      fields: [
        { type: 'text', name: 'fornamn', label: 'trygghetslarm:fields.fornamn.label', autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'efternamn', label: 'trygghetslarm:fields.efternamn.label', autocomplete: 'family-name', maxLength: 100 },
        { type: 'address', name: 'adress', label: 'trygghetslarm:fields.adress.label' },
        { type: 'phone', name: 'telefon', label: 'trygghetslarm:fields.telefon.label', hint: 'trygghetslarm:fields.telefon.hint' },
        { type: 'email', name: 'epost', label: 'trygghetslarm:fields.epost.label', hint: 'trygghetslarm:fields.epost.hint', optional: true },
      ],
    },
    {
      kind: 'question',
      id: 'kontaktpersoner',
      title: 'trygghetslarm:pages.kontaktpersoner.title',
      intro: 'trygghetslarm:pages.kontaktpersoner.intro',
      fields: [
        {
          type: 'repeat',
          name: 'kontaktpersoner',
          label: 'trygghetslarm:fields.kontaktpersoner.label',
          itemLabel: 'trygghetslarm:fields.kontaktpersoner.item',
          min: 2,
          max: 3,
          fields: [
            { type: 'text', name: 'namn', label: 'trygghetslarm:fields.kontaktNamn.label', maxLength: 100 },
            { type: 'text', name: 'relation', label: 'trygghetslarm:fields.kontaktRelation.label', hint: 'trygghetslarm:fields.kontaktRelation.hint', maxLength: 100, width: 'half' },
            { type: 'phone', name: 'telefon', label: 'trygghetslarm:fields.kontaktTelefon.label', autocomplete: 'off' },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'nyckel',
      title: 'trygghetslarm:pages.nyckel.title',
      intro: 'trygghetslarm:pages.nyckel.intro',
      fields: [
        {
          type: 'radios',
          name: 'nyckelhantering',
          label: 'trygghetslarm:fields.nyckelhantering.label',
          options: [
            { value: 'nyckel', label: 'trygghetslarm:fields.nyckelhantering.options.nyckel', hint: 'trygghetslarm:fields.nyckelhantering.options.nyckelHint' },
            { value: 'nyckelgomma', label: 'trygghetslarm:fields.nyckelhantering.options.nyckelgomma', hint: 'trygghetslarm:fields.nyckelhantering.options.nyckelgommaHint' },
          ],
        },
        { type: 'textarea', name: 'nyckelOvrigt', label: 'trygghetslarm:fields.nyckelOvrigt.label', hint: 'trygghetslarm:fields.nyckelOvrigt.hint', optional: true, maxLength: 1000 },
      ],
    },
    { kind: 'checkAnswers', id: 'kontrollera', title: 'trygghetslarm:pages.kontrollera.title', declaration: 'trygghetslarm:pages.kontrollera.declaration' },
    { kind: 'confirmation', id: 'klart', title: 'trygghetslarm:pages.klart.title', body: 'trygghetslarm:pages.klart.body' },
  ],
});
