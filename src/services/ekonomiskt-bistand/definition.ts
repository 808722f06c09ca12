/**
 * Ansökan om ekonomiskt bistånd (SoL 4 kap. 1 §), the first application. The applicant; the household
 * (a make, maka or sambo applies together with them as medsökande, so their details and income are
 * asked only when there is one; the children living at home, with växelvis boende); housing; the
 * household's income, expenses and assets; what is applied for and for which month; and attachments
 * (bank statements, rent, income decisions, receipts), each its own optional upload, since missing
 * documents can be sent later. The submission concerns the applicant.
 * Texts: ./texts (namespace "ekonomiskt-bistand") and the shared IFO parts ("shared-ifo").
 */
import { defineService, type FieldInput } from '../../domain/forms/definition.ts';
import { ifoClosingPages, ifoCommon, interpreterPages, secrecyStart } from '../shared-ifo/parts.ts';

const T = 'ekonomiskt-bistand:';

// Upper limits that catch a mistyped amount (an extra zero, a year's income for a month's) while
// leaving room for every real household.
const MAX_MONTHLY_INCOME = 200_000;
const MAX_MONTHLY_EXPENSE = 100_000;
const MAX_RENT = 50_000;
const MAX_ASSET = 100_000_000;

/** An amount in kronor; optional where the answer may well be nothing at all. */
const amount = (name: string, max: number, opts: { optional?: boolean; hint?: boolean } = {}): FieldInput => ({
  type: 'number',
  name,
  label: `${T}fields.${name}.label`,
  ...(opts.hint ? { hint: `${T}fields.${name}.hint` } : {}),
  min: 0,
  max,
  optional: opts.optional ?? true,
});

/** The applicant's own incomes, a month, after tax. Benefits paid for the household are asked here only. */
export const INCOME_FIELDS = [
  'inkomstLon',
  'inkomstPension',
  'inkomstSjuk',
  'inkomstAkassa',
  'inkomstForaldrapenning',
  'inkomstBarnbidrag',
  'inkomstBostadsbidrag',
  'inkomstOvrig',
] as const;

/** The medsökande's own incomes: the personal ones only (household benefits are on the applicant's page). */
export const CO_APPLICANT_INCOME_FIELDS = ['medsokandeLon', 'medsokandePension', 'medsokandeSjuk', 'medsokandeAkassa', 'medsokandeForaldrapenning', 'medsokandeOvrig'] as const;

export const EXPENSE_FIELDS = ['utgiftEl', 'utgiftHemforsakring', 'utgiftFack', 'utgiftBarnomsorg', 'utgiftVard', 'utgiftResor'] as const;

/** Everything asked about the medsökande: never on the path of someone who applies alone. */
export const CO_APPLICANT_FIELDS = ['medsokandeFornamn', 'medsokandeEfternamn', 'medsokandePersonnummer', ...CO_APPLICANT_INCOME_FIELDS, 'medsokandeOvrigBeskrivning'] as const;

export const APPLIED_FOR = ['forsorjningsstod', 'hyra', 'el', 'lakarvard', 'tandvard', 'glasogon', 'annat'] as const;

export const HOUSING = ['hyresratt', 'andrahand', 'bostadsratt', 'eget-hus', 'inneboende', 'tillfalligt', 'utan-bostad', 'annat'] as const;

export const CONTRACT = ['jag', 'medsokande', 'tillsammans', 'annan', 'inget'] as const;

export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;

/** The uploads, each optional: what is missing can be sent later. */
export const ATTACHMENT_FIELDS = ['bilagaKontoutdrag', 'bilagaHyra', 'bilagaInkomst', 'bilagaOvrigt'] as const;

const upload = (name: string): FieldInput => ({
  type: 'file',
  name,
  label: `${T}fields.${name}.label`,
  hint: `${T}fields.${name}.hint`,
  accept: ['pdf', 'jpeg', 'png'],
  optional: true,
});

export default defineService({
  ...ifoCommon,
  id: 'ekonomiskt-bistand',
  version: 1,
  title: `${T}title`,
  summary: `${T}summary`,
  start: [
    { heading: `${T}start.what.heading`, paragraphs: `${T}start.what.paragraphs` },
    { heading: `${T}start.urgent.heading`, paragraphs: `${T}start.urgent.paragraphs` },
    { heading: `${T}start.who.heading`, paragraphs: `${T}start.who.paragraphs` },
    { heading: `${T}start.needed.heading`, paragraphs: `${T}start.needed.paragraphs` },
    { heading: `${T}start.after.heading`, paragraphs: `${T}start.after.paragraphs` },
    { heading: `${T}start.time.heading`, paragraphs: `${T}start.time.paragraphs` },
    secrecyStart(),
  ],
  submitters: ['self'],
  // Citizen login is not there yet, so the personnummer is typed. Once e-legitimation exists this
  // e-tjänst will require it: an application for money must be signed by the applicant.
  requiresEid: true,
  subject: { personnummer: 'personnummer', name: ['fornamn', 'efternamn'] },
  // Records of ekonomiskt bistånd are kept five years after the last entry.
  retention: { yearsAfterClosed: 5 },
  pages: [
    {
      kind: 'question',
      id: 'om-dig',
      title: `${T}pages.omDig.title`,
      fields: [
        { type: 'text', name: 'fornamn', label: `${T}fields.fornamn.label`, autocomplete: 'given-name', maxLength: 100 },
        { type: 'text', name: 'efternamn', label: `${T}fields.efternamn.label`, autocomplete: 'family-name', maxLength: 100 },
        { type: 'personnummer', name: 'personnummer', label: `${T}fields.personnummer.label`, hint: `${T}fields.personnummer.hint` },
        // Someone without a home can still apply: they leave the address empty and we find a way.
        { type: 'address', name: 'adress', label: `${T}fields.adress.label`, hint: `${T}fields.adress.hint`, optional: true },
        { type: 'phone', name: 'telefon', label: `${T}fields.telefon.label`, hint: `${T}fields.telefon.hint` },
        { type: 'email', name: 'epost', label: `${T}fields.epost.label`, hint: `${T}fields.epost.hint`, optional: true },
      ],
    },
    ...interpreterPages('hushall'),
    {
      kind: 'question',
      id: 'hushall',
      title: `${T}pages.hushall.title`,
      fields: [{ type: 'yesNo', name: 'harMedsokande', label: `${T}fields.harMedsokande.label`, hint: `${T}fields.harMedsokande.hint` }],
      next: [{ when: { field: 'harMedsokande', equals: 'nej' }, goto: 'barn' }],
    },
    {
      kind: 'question',
      id: 'medsokande',
      title: `${T}pages.medsokande.title`,
      intro: `${T}pages.medsokande.intro`,
      fields: [
        { type: 'text', name: 'medsokandeFornamn', label: `${T}fields.medsokandeFornamn.label`, maxLength: 100 },
        { type: 'text', name: 'medsokandeEfternamn', label: `${T}fields.medsokandeEfternamn.label`, maxLength: 100 },
        { type: 'personnummer', name: 'medsokandePersonnummer', label: `${T}fields.medsokandePersonnummer.label`, hint: `${T}fields.medsokandePersonnummer.hint` },
      ],
    },
    {
      kind: 'question',
      id: 'barn',
      title: `${T}pages.barn.title`,
      fields: [{ type: 'yesNo', name: 'harBarn', label: `${T}fields.harBarn.label`, hint: `${T}fields.harBarn.hint` }],
      next: [{ when: { field: 'harBarn', equals: 'nej' }, goto: 'boende' }],
    },
    {
      kind: 'question',
      id: 'barn-uppgifter',
      title: `${T}pages.barnUppgifter.title`,
      fields: [
        {
          type: 'repeat',
          name: 'barn',
          label: `${T}fields.barn.label`,
          hint: `${T}fields.barn.hint`,
          itemLabel: `${T}fields.barn.item`,
          min: 1,
          max: 8,
          fields: [
            { type: 'text', name: 'barnNamn', label: `${T}fields.barnNamn.label`, maxLength: 200 },
            { type: 'personnummer', name: 'barnPersonnummer', label: `${T}fields.barnPersonnummer.label`, hint: `${T}fields.barnPersonnummer.hint` },
            {
              // Options that read on their own: the summary shows the chosen option without the question.
              type: 'radios',
              name: 'barnBoende',
              label: `${T}fields.barnBoende.label`,
              options: [
                { value: 'heltid', label: `${T}fields.barnBoende.options.heltid` },
                { value: 'vaxelvis', label: `${T}fields.barnBoende.options.vaxelvis` },
              ],
            },
          ],
        },
      ],
    },
    {
      kind: 'question',
      id: 'boende',
      title: `${T}pages.boende.title`,
      fields: [
        {
          type: 'radios',
          name: 'boendeform',
          label: `${T}fields.boendeform.label`,
          options: HOUSING.map((h) => ({ value: h, label: `${T}fields.boendeform.options.${h}` })),
        },
        amount('hyra', MAX_RENT, { hint: true }),
        {
          type: 'radios',
          name: 'kontrakt',
          label: `${T}fields.kontrakt.label`,
          options: CONTRACT.map((c) => ({ value: c, label: `${T}fields.kontrakt.options.${c}` })),
        },
      ],
    },
    {
      kind: 'question',
      id: 'inkomster',
      title: `${T}pages.inkomster.title`,
      intro: `${T}pages.inkomster.intro`,
      fields: [
        amount('inkomstLon', MAX_MONTHLY_INCOME),
        amount('inkomstPension', MAX_MONTHLY_INCOME),
        amount('inkomstSjuk', MAX_MONTHLY_INCOME),
        amount('inkomstAkassa', MAX_MONTHLY_INCOME, { hint: true }),
        amount('inkomstForaldrapenning', MAX_MONTHLY_INCOME),
        amount('inkomstBarnbidrag', MAX_MONTHLY_INCOME, { hint: true }),
        amount('inkomstBostadsbidrag', MAX_MONTHLY_INCOME, { hint: true }),
        amount('inkomstOvrig', MAX_MONTHLY_INCOME, { hint: true }),
        { type: 'text', name: 'inkomstOvrigBeskrivning', label: `${T}fields.inkomstOvrigBeskrivning.label`, optional: true, maxLength: 300 },
      ],
      next: [{ when: { field: 'harMedsokande', equals: 'nej' }, goto: 'utgifter' }],
    },
    {
      kind: 'question',
      id: 'inkomster-medsokande',
      title: `${T}pages.inkomsterMedsokande.title`,
      intro: `${T}pages.inkomsterMedsokande.intro`,
      fields: [
        ...CO_APPLICANT_INCOME_FIELDS.map((f) => amount(f, MAX_MONTHLY_INCOME, { hint: f === 'medsokandeOvrig' })),
        { type: 'text', name: 'medsokandeOvrigBeskrivning', label: `${T}fields.medsokandeOvrigBeskrivning.label`, optional: true, maxLength: 300 },
      ],
    },
    {
      kind: 'question',
      id: 'utgifter',
      title: `${T}pages.utgifter.title`,
      intro: `${T}pages.utgifter.intro`,
      fields: EXPENSE_FIELDS.map((f) => amount(f, MAX_MONTHLY_EXPENSE, { hint: f === 'utgiftFack' || f === 'utgiftResor' })),
    },
    {
      kind: 'question',
      id: 'tillgangar',
      title: `${T}pages.tillgangar.title`,
      intro: `${T}pages.tillgangar.intro`,
      fields: [
        // Everyone has an answer here, even if it is 0: it is the first thing the assessment looks at.
        amount('tillgangBank', MAX_ASSET, { optional: false, hint: true }),
        amount('tillgangFordon', MAX_ASSET, { hint: true }),
        amount('tillgangFastighet', MAX_ASSET, { hint: true }),
        amount('tillgangOvrigt', MAX_ASSET, { hint: true }),
        { type: 'text', name: 'tillgangOvrigtBeskrivning', label: `${T}fields.tillgangOvrigtBeskrivning.label`, optional: true, maxLength: 300 },
      ],
    },
    {
      kind: 'question',
      id: 'ansokan',
      title: `${T}pages.ansokan.title`,
      fields: [
        {
          type: 'checkboxes',
          name: 'ansokerOm',
          label: `${T}fields.ansokerOm.label`,
          hint: `${T}fields.ansokerOm.hint`,
          options: APPLIED_FOR.map((a) => ({ value: a, label: `${T}fields.ansokerOm.options.${a}`, ...(a === 'forsorjningsstod' || a === 'annat' ? { hint: `${T}fields.ansokerOm.options.${a}Hint` } : {}) })),
        },
        { type: 'textarea', name: 'ansokerOmBeskrivning', label: `${T}fields.ansokerOmBeskrivning.label`, hint: `${T}fields.ansokerOmBeskrivning.hint`, optional: true, maxLength: 2000 },
      ],
    },
    {
      kind: 'question',
      id: 'manad',
      title: `${T}pages.manad.title`,
      fields: [
        {
          type: 'select',
          name: 'manad',
          label: `${T}fields.manad.label`,
          hint: `${T}fields.manad.hint`,
          options: MONTHS.map((m) => ({ value: m, label: `${T}fields.manad.options.${m}` })),
        },
      ],
    },
    // Two uploads a page keeps a post within the size the server accepts (two files of at most 10 MB).
    {
      kind: 'question',
      id: 'underlag',
      title: `${T}pages.underlag.title`,
      intro: `${T}pages.underlag.intro`,
      fields: [upload('bilagaKontoutdrag'), upload('bilagaHyra')],
    },
    {
      kind: 'question',
      id: 'underlag-fler',
      title: `${T}pages.underlagFler.title`,
      intro: `${T}pages.underlagFler.intro`,
      fields: [upload('bilagaInkomst'), upload('bilagaOvrigt')],
    },
    ...ifoClosingPages('ekonomiskt-bistand', `${T}pages.kontrollera.declaration`),
  ],
});
