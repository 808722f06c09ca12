/**
 * A small e-tjänst as a draft document, and the fragments it uses, for the document layer's tests:
 * for yourself or for your child (the text context), an age question with an exit page, a name page
 * from a fragment (with a personnummer when asked for), check-answers and the confirmation.
 */
import type { Fragment } from './fragment.ts';

export const FRAGMENTS: Record<string, Fragment> = {
  'fixture-namn': {
    format: 1,
    name: 'fixture-namn',
    description: 'Namnet, och om så valts personnumret.',
    provides: 'pages',
    params: {
      then: { type: 'pageId', optional: false },
      personnummer: { type: 'boolean', optional: true },
      intro: { type: 'text', optional: true },
    },
    content: [
      {
        kind: 'question',
        id: 'namn',
        title: { sv: 'Vad heter du?', en: 'What is your name?' },
        intro: { $param: 'intro' },
        fields: [
          { type: 'text', name: 'fornamn', label: { sv: 'Förnamn', en: 'First name' }, errors: { required: { sv: 'Skriv förnamnet', en: 'Enter the first name' } } },
          { $if: 'personnummer', then: { type: 'personnummer', name: 'personnummer', label: { sv: 'Personnummer' }, optional: true } },
        ],
        next: [{ when: { rule: 'always' }, goto: { $param: 'then' } }],
      },
    ],
  },
  'fixture-sekretess': {
    format: 1,
    name: 'fixture-sekretess',
    description: 'Om sekretess.',
    provides: 'start',
    params: { about: { type: 'choice', values: ['mig', 'barn'], optional: false } },
    content: [
      {
        heading: { sv: 'Sekretess', en: 'Secrecy' },
        paragraphs: { $choose: 'about', cases: { mig: { sv: ['Det du skriver stannar hos oss.'] }, barn: { sv: ['Det du skriver om barnet stannar hos oss.'] } } },
      },
    ],
  },
};

export const fragmentSource = (name: string): Fragment | undefined => FRAGMENTS[name];

/** A fresh copy each time, for a test to change. */
export function draft(): Record<string, unknown> {
  return structuredClone({
    format: 1,
    id: 'stodsamtal',
    version: 1,
    area: 'ifo',
    category: 'ifo',
    title: { sv: 'Ansök om stödsamtal', en: 'Apply for support talks' },
    summary: { sv: 'För dig eller ditt barn i {{municipality}}.', en: 'For you or your child in {{municipality}}.' },
    submitters: ['self', 'onBehalf'],
    requiresEid: false,
    subject: { name: ['fornamn'] },
    onBehalf: { field: 'forVem', equals: 'barn', submitterName: ['fornamn'] },
    textContext: 'forVem',
    matter: 'ansokan',
    retention: { yearsAfterClosed: 2 },
    start: [
      { heading: { sv: 'Vad är stödsamtal?', en: 'What are support talks?' }, paragraphs: { sv: ['Samtal med en kurator.', 'Det kostar inget.'], en: 'Talks with a counsellor.' } },
      { fragment: 'fixture-sekretess', params: { about: 'barn' } },
    ],
    pages: [
      {
        kind: 'question',
        id: 'for-vem',
        title: { sv: 'Vem gäller det?', en: 'Who is it for?' },
        fields: [
          {
            type: 'radios',
            name: 'forVem',
            label: { sv: 'Vem gäller det?', en: 'Who is it for?' },
            options: [
              { value: 'mig', label: { sv: 'Mig', en: 'Me' } },
              { value: 'barn', label: { sv: 'Mitt barn', en: 'My child' }, hint: { sv: 'Under 18 år' } },
            ],
          },
        ],
      },
      {
        kind: 'question',
        id: 'alder',
        title: { sv: { text: 'Är du över 12 år?', variants: { barn: 'Är barnet över 12 år?' } }, en: { text: 'Are you over 12?', variants: { barn: 'Is the child over 12?' }, reviewed: true } },
        fields: [{ type: 'yesNo', name: 'over12', label: { sv: { text: 'Är du över 12 år?', variants: { barn: 'Är barnet över 12 år?' } } }, errors: { required: { sv: 'Svara ja eller nej' } } }],
        next: [{ when: { field: 'over12', equals: 'nej' }, goto: 'for-ung' }],
      },
      { fragment: 'fixture-namn', params: { then: 'kontrollera', personnummer: true } },
      { kind: 'exit', id: 'for-ung', title: { sv: 'Du är för ung', en: 'You are too young' }, body: { sv: ['Ring oss på {{phone}}.'] } },
      { kind: 'checkAnswers', id: 'kontrollera', title: { sv: 'Kontrollera svaren', en: 'Check your answers' } },
      { kind: 'confirmation', id: 'klart', title: { sv: 'Skickat', en: 'Sent' }, body: { sv: ['Vi hör av oss.', 'Tack.'], en: ['We will be in touch.', 'Thank you.'] } },
    ],
    scenarios: [
      {
        name: 'a child over 12 reaches check-answers',
        today: '2026-11-23',
        answers: { forVem: 'barn', over12: 'ja', fornamn: 'Tolvan', personnummer: null },
        expect: { path: ['for-vem', 'alder', 'namn', 'kontrollera'], complete: true, parties: { personnummer: null, name: 'Tolvan', onBehalf: true, submitterName: 'Tolvan' } },
      },
      { name: 'someone under 12 is told so', answers: { forVem: 'mig', over12: 'nej', fornamn: 'Elva' }, expect: { end: 'for-ung', complete: false, dropped: ['fornamn'] } },
    ],
  });
}

/** A draft's pages, to change in a test. */
export const pagesOf = (d: Record<string, unknown>) => d.pages as Record<string, unknown>[];
