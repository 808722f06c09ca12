/**
 * Synpunkter och klagomål on the social services: a synpunkt, klagomål, beröm or förslag, which
 * verksamhet it concerns, what happened, where and when. Anyone may stay anonymous; then no question
 * about them is on the path, and they are told that we cannot answer them. Someone who gives their
 * name says whether they want an answer, and only then how to reach them. These land in their own
 * queue (category `synpunkter`), not among applications; a serious missförhållande is taken on through
 * the avvikelse process and lex Sarah (seed 003), which the start page and the confirmation say, with
 * the advice to phone when it is urgent.
 * Texts: ./texts (namespace "synpunkter-och-klagomal") and the shared IFO parts ("shared-ifo").
 */
import { defineService } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon } from '../shared-ifo/parts.ts';

const T = 'synpunkter-och-klagomal:';

/** The answer that makes a synpunkt anonymous. */
export const ANONYMOUS = { field: 'anonym', equals: 'ja' } as const;

/** The answers that identify the person or say how to reach them: never on the anonymous path. */
export const IDENTITY_FIELDS = ['fornamn', 'efternamn', 'villHaSvar', 'svarSatt', 'svarEpost', 'svarTelefon', 'svarAdress'] as const;

export const KINDS = ['synpunkt', 'klagomal', 'berom', 'forslag'] as const;
export const SERVICES = ['ifo', 'aldreomsorg', 'lss', 'annat'] as const;

export default defineService({
  ...ifoCommon,
  id: 'synpunkter-och-klagomal',
  matter: 'synpunkt',
  // A named synpunkt shows its author's name in the queue; an anonymous one has none.
  subject: { name: ['fornamn', 'efternamn'] },
  version: 1,
  // Its own queue and its own count: synpunktshantering belongs with the avvikelse process, not with applications.
  category: 'synpunkter',
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.anonymous.heading`, paragraphs: `${T}start.anonymous.paragraphs` },
    { heading: `${T}start.serious.heading`, paragraphs: `${T}start.serious.paragraphs` },
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
    { heading: `${T}start.privacy.heading`, paragraphs: `${T}start.privacy.paragraphs` },
  ],
  submitters: ['self', 'anonymous'],
  anonymous: ANONYMOUS,
  requiresEid: false,
  retention: { yearsAfterClosed: 2 },
  pages: [
    {
      kind: 'question',
      id: 'typ',
      title: `${T}pages.typ.title`,
      fields: [
        {
          type: 'radios',
          name: 'typ',
          label: `${T}fields.typ.label`,
          options: KINDS.map((k) => ({ value: k, label: `${T}fields.typ.options.${k}`, hint: `${T}fields.typ.options.${k}Hint` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'verksamhet',
      title: `${T}pages.verksamhet.title`,
      fields: [
        {
          type: 'select',
          name: 'verksamhet',
          label: `${T}fields.verksamhet.label`,
          hint: `${T}fields.verksamhet.hint`,
          options: SERVICES.map((s) => ({ value: s, label: `${T}fields.verksamhet.options.${s}` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'berattelse',
      title: `${T}pages.berattelse.title`,
      fields: [{ type: 'textarea', name: 'vadHande', label: `${T}fields.vadHande.label`, hint: `${T}fields.vadHande.hint`, maxLength: 5000 }],
    },
    {
      kind: 'question',
      id: 'var-och-nar',
      title: `${T}pages.varOchNar.title`,
      intro: `${T}pages.varOchNar.intro`,
      fields: [
        { type: 'text', name: 'var', label: `${T}fields.var.label`, hint: `${T}fields.var.hint`, optional: true, maxLength: 300 },
        { type: 'date', name: 'datum', label: `${T}fields.datum.label`, hint: `${T}fields.datum.hint`, optional: true, past: true },
      ],
    },
    {
      kind: 'question',
      id: 'anonym',
      title: `${T}pages.anonym.title`,
      fields: [
        {
          type: 'radios',
          name: ANONYMOUS.field,
          label: `${T}fields.anonym.label`,
          options: [
            { value: 'ja', label: `${T}fields.anonym.options.ja`, hint: `${T}fields.anonym.options.jaHint` },
            { value: 'nej', label: `${T}fields.anonym.options.nej`, hint: `${T}fields.anonym.options.nejHint` },
          ],
        },
      ],
      next: [{ when: { field: ANONYMOUS.field, equals: ANONYMOUS.equals }, goto: 'kontrollera' }],
    },
    {
      kind: 'question',
      id: 'ditt-namn',
      title: `${T}pages.dittNamn.title`,
      fields: [
        { type: 'text', name: 'fornamn', label: `${T}fields.fornamn.label`, autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'efternamn', label: `${T}fields.efternamn.label`, autocomplete: 'family-name', maxLength: 100 },
      ],
    },
    {
      kind: 'question',
      id: 'svar',
      title: `${T}pages.svar.title`,
      fields: [{ type: 'yesNo', name: 'villHaSvar', label: `${T}fields.villHaSvar.label`, hint: `${T}fields.villHaSvar.hint` }],
      next: [{ when: { field: 'villHaSvar', equals: 'nej' }, goto: 'kontrollera' }],
    },
    {
      kind: 'question',
      id: 'svar-satt',
      title: `${T}pages.svarSatt.title`,
      fields: [
        {
          type: 'radios',
          name: 'svarSatt',
          label: `${T}fields.svarSatt.label`,
          options: [
            { value: 'epost', label: `${T}fields.svarSatt.options.epost` },
            { value: 'telefon', label: `${T}fields.svarSatt.options.telefon` },
            { value: 'brev', label: `${T}fields.svarSatt.options.brev` },
          ],
        },
      ],
      next: [
        { when: { field: 'svarSatt', equals: 'telefon' }, goto: 'svar-telefon' },
        { when: { field: 'svarSatt', equals: 'brev' }, goto: 'svar-adress' },
      ],
    },
    {
      kind: 'question',
      id: 'svar-epost',
      title: `${T}pages.svarEpost.title`,
      fields: [{ type: 'email', name: 'svarEpost', label: `${T}fields.svarEpost.label` }],
      next: [{ when: { rule: 'always' }, goto: 'kontrollera' }],
    },
    {
      kind: 'question',
      id: 'svar-telefon',
      title: `${T}pages.svarTelefon.title`,
      fields: [{ type: 'phone', name: 'svarTelefon', label: `${T}fields.svarTelefon.label`, hint: `${T}fields.svarTelefon.hint` }],
      next: [{ when: { rule: 'always' }, goto: 'kontrollera' }],
    },
    {
      kind: 'question',
      id: 'svar-adress',
      title: `${T}pages.svarAdress.title`,
      fields: [{ type: 'address', name: 'svarAdress', label: `${T}fields.svarAdress.label` }],
      next: [{ when: { rule: 'always' }, goto: 'kontrollera' }],
    },
    ...ifoClosingPages('synpunkter-och-klagomal'),
  ],
});
