import { describe, expect, it } from 'vitest';
import { defaultForenkladRules } from '../rules/forenklad.ts';
import { answerRows, pageValues, readPage, validatePage, type FormInput, type PageResult } from './answers.ts';
import { defineService, fieldDef, type FieldDef, type QuestionPage, type ServiceDefinition, type ServiceDefinitionInput } from './definition.ts';
import type { DisplayLine, FormValues } from './fields/index.ts';
import { endPages, fixtureInput } from './fixtures.ts';
import { isAnswered } from './journey.ts';
import { monthsOffered } from './fields/structured.ts';

// Fixed "now" (noon UTC is the same calendar date in Stockholm); nothing may read the real clock.
const TODAY = new Date('2026-01-15T12:00:00Z');
const ctx = { today: TODAY };
const journeyCtx = { today: TODAY, rules: defaultForenkladRules };

type FieldInput = Extract<ServiceDefinitionInput['pages'][number], { kind: 'question' }>['fields'][number];

/** A one-page definition holding the given fields; the page is what the field types are run on. */
function pageWith(...fields: FieldInput[]): { def: ServiceDefinition; page: QuestionPage } {
  const def = defineService(fixtureInput('falt', [{ kind: 'question', id: 'falt', title: 'falt:title', fields }, ...endPages('falt')]));
  const page = def.pages[0];
  if (page?.kind !== 'question') throw new Error('fixture page is not a question page');
  return { def, page };
}

/** What a browser posts: a real URLSearchParams, repeated names for multi-valued inputs. */
function form(values: FormValues): FormInput {
  const params = new URLSearchParams();
  for (const [name, v] of Object.entries(values)) for (const x of [v].flat()) params.append(name, x);
  return params;
}

function submit(page: QuestionPage, post: FormValues, c = ctx): PageResult {
  return validatePage(page, readPage(page, form(post)), c);
}

const errorsOf = (r: PageResult) => (r.ok ? [] : r.errors.map(({ path, code }) => ({ path, code })));

/** The stored answer of a single-field page, or its first error code. */
function outcome(page: QuestionPage, post: FormValues, c = ctx): { value: unknown } | { error: string } {
  const r = submit(page, post, c);
  if (r.ok) return { value: r.answers[page.fields[0]!.name] };
  return { error: r.errors[0]!.code };
}

// ---------------------------------------------------------------------------------------------
// One field of each type: what a filled post stores and displays, what an empty one reports.

const option = (value: string) => ({ value, label: `falt:option.${value}` });

const FIELDS = {
  text: { type: 'text', name: 'fornamn', label: 'falt:fornamn.label', maxLength: 10 },
  textarea: { type: 'textarea', name: 'beskrivning', label: 'falt:beskrivning.label', maxLength: 40 },
  personnummer: { type: 'personnummer', name: 'pnr', label: 'falt:pnr.label' },
  phone: { type: 'phone', name: 'mobil', label: 'falt:mobil.label' },
  email: { type: 'email', name: 'epost', label: 'falt:epost.label' },
  date: { type: 'date', name: 'datum', label: 'falt:datum.label' },
  month: { type: 'month', name: 'manad', label: 'falt:manad.label' },
  number: { type: 'number', name: 'antal', label: 'falt:antal.label', min: 1, max: 100_000 },
  radios: { type: 'radios', name: 'larmtyp', label: 'falt:larmtyp.label', options: [option('mobilt'), option('fast')] },
  checkboxes: { type: 'checkboxes', name: 'insatser', label: 'falt:insatser.label', options: [option('tvatt'), option('stadning'), option('inkop')] },
  select: { type: 'select', name: 'kommundel', label: 'falt:kommundel.label', options: [option('norr'), option('soder'), option('centrum')] },
  yesNo: { type: 'yesNo', name: 'hund', label: 'falt:hund.label' },
  address: { type: 'address', name: 'adress', label: 'falt:adress.label' },
  file: { type: 'file', name: 'fullmakt', label: 'falt:fullmakt.label' },
  repeat: {
    type: 'repeat',
    name: 'kontakter',
    label: 'falt:kontakter.label',
    itemLabel: 'falt:kontakter.item',
    min: 2,
    max: 3,
    fields: [
      { type: 'text', name: 'namn', label: 'falt:kontaktNamn.label', maxLength: 20 },
      { type: 'phone', name: 'telefon', label: 'falt:kontaktTelefon.label' },
      { type: 'text', name: 'relation', label: 'falt:kontaktRelation.label', optional: true },
    ],
  },
} satisfies Record<FieldDef['type'], FieldInput>;

type TypeCase = {
  type: FieldDef['type'];
  /** A filled post, with the whitespace and formatting a citizen might type. */
  post: FormValues;
  stored: unknown;
  lines: DisplayLine[];
  /** Errors of the required field posted empty. */
  required: { path: string; code: string }[];
  /** What the optional field posted empty stores: null, or an empty list for list-valued types. */
  optionalEmpty: unknown;
};

const TYPES: TypeCase[] = [
  {
    type: 'month',
    post: { manad: '2026-02' },
    stored: '2026-02',
    lines: [{ key: 'common:display.month', params: { month: '2026-02' } }],
    required: [{ path: 'manad', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'text',
    post: { fornamn: '  Anna  ' },
    stored: 'Anna',
    lines: [{ text: 'Anna' }],
    required: [{ path: 'fornamn', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'textarea',
    post: { beskrivning: ' Två katter\r\nEn hund\n' },
    stored: 'Två katter\r\nEn hund',
    lines: [{ text: 'Två katter' }, { text: 'En hund' }],
    required: [{ path: 'beskrivning', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'personnummer',
    post: { pnr: '194501103297' },
    stored: '19450110-3297',
    lines: [{ text: '19450110-3297' }],
    required: [{ path: 'pnr', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'phone',
    post: { mobil: ' 070-123 45 67 ' },
    stored: '070-123 45 67',
    lines: [{ text: '070-123 45 67' }],
    required: [{ path: 'mobil', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'email',
    post: { epost: ' anna@example.se ' },
    stored: 'anna@example.se',
    lines: [{ text: 'anna@example.se' }],
    required: [{ path: 'epost', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'date',
    post: { 'datum.day': '5', 'datum.month': '03', 'datum.year': '2024' },
    stored: '2024-03-05',
    lines: [{ key: 'common:display.date', params: { date: '2024-03-05' } }],
    required: [{ path: 'datum.day', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'number',
    post: { antal: '12 500' },
    stored: 12500,
    lines: [{ key: 'common:display.number', params: { value: 12500 } }],
    required: [{ path: 'antal', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'radios',
    post: { larmtyp: 'fast' },
    stored: 'fast',
    lines: [{ key: 'falt:option.fast' }],
    required: [{ path: 'larmtyp', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'select',
    post: { kommundel: 'soder' },
    stored: 'soder',
    lines: [{ key: 'falt:option.soder' }],
    required: [{ path: 'kommundel', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'checkboxes',
    post: { insatser: ['inkop', 'tvatt'] },
    stored: ['tvatt', 'inkop'],
    lines: [{ key: 'falt:option.tvatt' }, { key: 'falt:option.inkop' }],
    required: [{ path: 'insatser', code: 'required' }],
    optionalEmpty: [],
  },
  {
    type: 'yesNo',
    post: { hund: 'nej' },
    stored: 'nej',
    lines: [{ key: 'common:yesNo.nej' }],
    required: [{ path: 'hund', code: 'required' }],
    optionalEmpty: null,
  },
  {
    type: 'address',
    post: { 'adress.street': ' Storgatan 1 ', 'adress.postcode': '69630', 'adress.city': 'Askersund' },
    stored: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' },
    lines: [{ text: 'Storgatan 1' }, { text: '696 30 Askersund' }],
    // A required address left empty names each missing part.
    required: [
      { path: 'adress.street', code: 'streetRequired' },
      { path: 'adress.postcode', code: 'postcodeRequired' },
      { path: 'adress.city', code: 'cityRequired' },
    ],
    optionalEmpty: null,
  },
  {
    type: 'file',
    // What the server hands the engine after storing an upload: the reference, as JSON.
    post: { fullmakt: JSON.stringify({ id: '8d1c1a9e-4a7b-4c1e-9f00-0a1b2c3d4e5f', name: 'fullmakt.pdf', size: 20480, kind: 'pdf' }) },
    stored: { id: '8d1c1a9e-4a7b-4c1e-9f00-0a1b2c3d4e5f', name: 'fullmakt.pdf', size: 20480, kind: 'pdf' },
    lines: [{ file: { id: '8d1c1a9e-4a7b-4c1e-9f00-0a1b2c3d4e5f', name: 'fullmakt.pdf' }, text: 'fullmakt.pdf' }, { key: 'common:display.fileSize', params: { kb: 20 } }],
    required: [{ path: 'fullmakt', code: 'fileRequired' }],
    optionalEmpty: null,
  },
  {
    type: 'repeat',
    post: {
      'kontakter.0.namn': 'Karin',
      'kontakter.0.telefon': '070-123 45 67',
      'kontakter.0.relation': 'Dotter',
      'kontakter.1.namn': 'Olle',
      'kontakter.1.telefon': '+46 70 765 43 21',
    },
    stored: [
      { namn: 'Karin', telefon: '070-123 45 67', relation: 'Dotter' },
      { namn: 'Olle', telefon: '+46 70 765 43 21' },
    ],
    // Each item's fields carry their labels: the row's own label ("Kontakter") does not say which is which.
    lines: [
      { key: 'falt:kontakter.item', params: { n: 1 } },
      { text: 'Karin', label: 'falt:kontaktNamn.label' },
      { text: '070-123 45 67', label: 'falt:kontaktTelefon.label' },
      { text: 'Dotter', label: 'falt:kontaktRelation.label' },
      { key: 'falt:kontakter.item', params: { n: 2 } },
      { text: 'Olle', label: 'falt:kontaktNamn.label' },
      { text: '+46 70 765 43 21', label: 'falt:kontaktTelefon.label' },
    ],
    required: [
      { path: 'kontakter.0.namn', code: 'required' },
      { path: 'kontakter.0.telefon', code: 'required' },
      { path: 'kontakter.1.namn', code: 'required' },
      { path: 'kontakter.1.telefon', code: 'required' },
    ],
    optionalEmpty: [],
  },
];

/** The same field, optional (a repeating group is optional when it needs no items). */
function optionalVariant(type: FieldDef['type']): FieldInput {
  const f = FIELDS[type];
  return f.type === 'repeat' ? { ...f, optional: true, min: 0 } : { ...f, optional: true };
}

describe('every field type', () => {
  it('is covered by these tables', () => {
    const registered = fieldDef.options.flatMap((o) =>
      'options' in o ? o.options.map((leaf) => leaf.shape.type.value) : [o.shape.type.value],
    );
    expect(TYPES.map((c) => c.type).sort()).toEqual([...registered].sort());
    expect(Object.keys(FIELDS).sort()).toEqual([...registered].sort());
  });

  it.each(TYPES)('stores a filled $type field as its normalised value', ({ type, post, stored }) => {
    const { page } = pageWith(FIELDS[type]);
    expect(submit(page, post)).toEqual({ ok: true, answers: { [FIELDS[type].name]: stored } });
  });

  it.each(TYPES)('refuses a required $type field posted empty', ({ type, required }) => {
    const { page } = pageWith(FIELDS[type]);
    expect(errorsOf(submit(page, {}))).toEqual(required);
  });

  // Only typed inputs can hold whitespace; radios, yes/no and checkboxes post an option value or nothing.
  const typed = TYPES.filter((c) => !['radios', 'select', 'yesNo', 'checkboxes'].includes(c.type));

  it.each(typed)('refuses a required $type field posted as whitespace only', ({ type, post, required }) => {
    const { page } = pageWith(FIELDS[type]);
    const blank = Object.fromEntries(Object.keys(post).map((k) => [k, ' \t ']));
    const r = submit(page, blank);
    expect(errorsOf(r)).toEqual(required);
  });

  it.each(TYPES)('stores an optional $type field left empty as $optionalEmpty, and the page counts as answered', ({ type, optionalEmpty }) => {
    const { page } = pageWith(optionalVariant(type));
    const r = submit(page, {});
    expect(r).toEqual({ ok: true, answers: { [FIELDS[type].name]: optionalEmpty } });
    expect(r.ok && isAnswered(page, r.answers)).toBe(true);
  });

  it.each(TYPES)('still validates an optional $type field when it is filled', ({ type, post, stored }) => {
    const { page } = pageWith(optionalVariant(type));
    expect(submit(page, post)).toEqual({ ok: true, answers: { [FIELDS[type].name]: stored } });
  });

  it.each(TYPES)('displays a stored $type answer on check-answers', ({ type, post, lines }) => {
    const { def, page } = pageWith(FIELDS[type]);
    const r = submit(page, post);
    if (!r.ok) throw new Error(`expected the ${type} post to validate`);
    const rows = answerRows(def, r.answers, journeyCtx);
    expect(rows.map((row) => ({ pageId: row.pageId, name: row.field.name, lines: row.lines }))).toEqual([
      { pageId: 'falt', name: FIELDS[type].name, lines },
    ]);
  });

  it.each(TYPES)('round-trips a stored $type answer through pageValues, readPage and validatePage', ({ type, stored }) => {
    const { page } = pageWith(FIELDS[type]);
    const answers = { [FIELDS[type].name]: stored };
    expect(validatePage(page, readPage(page, form(pageValues(page, answers))), ctx)).toEqual({ ok: true, answers });
  });

  it.each(TYPES)('round-trips an optional $type answer left empty', ({ type, optionalEmpty }) => {
    const { page } = pageWith(optionalVariant(type));
    const answers = { [FIELDS[type].name]: optionalEmpty };
    expect(validatePage(page, readPage(page, form(pageValues(page, answers))), ctx)).toEqual({ ok: true, answers });
  });
});

describe('a page with one field of every type', () => {
  const { def, page } = pageWith(...Object.values(FIELDS));
  const post: FormValues = Object.assign({}, ...TYPES.map((c) => c.post));
  const answers = Object.fromEntries(TYPES.map((c) => [FIELDS[c.type].name, c.stored]));

  it('validates to every field\'s stored value at once', () => {
    expect(submit(page, post)).toEqual({ ok: true, answers });
  });

  it('reports every empty required field, in field order', () => {
    const fieldOf = (path: string) => path.split('.')[0];
    expect([...new Set(errorsOf(submit(page, {})).map((e) => fieldOf(e.path)))]).toEqual(page.fields.map((f) => f.name));
  });

  it('round-trips all answers through pageValues, readPage and validatePage', () => {
    expect(validatePage(page, readPage(page, form(pageValues(page, answers))), ctx)).toEqual({ ok: true, answers });
  });

  it('lists one answer row per field, in field order', () => {
    expect(answerRows(def, answers, journeyCtx).map((r) => r.field.name)).toEqual(page.fields.map((f) => f.name));
  });

  it('reads only the inputs the page declares, so extra posted fields never reach the answers', () => {
    const attack = {
      ...post,
      isAdmin: 'true',
      status: 'beviljad',
      'adress.country': 'SE',
      'kontakter.3.namn': 'Mallory', // max is 3 items: indexes 0–2
      'kontakter.0.roll': 'handlaggare',
      'datum.hour': '12',
    };
    const values = readPage(page, form(attack));
    for (const name of Object.keys(attack).filter((k) => !(k in post))) expect(values).not.toHaveProperty([name]);
    const r = validatePage(page, values, ctx);
    expect(r).toEqual({ ok: true, answers });
  });

  it('reads a missing single input as an empty string and a missing multiple input as an empty list', () => {
    const values = readPage(page, form({}));
    expect(values['fornamn']).toBe('');
    expect(values['adress.city']).toBe('');
    expect(values['kontakter.2.telefon']).toBe('');
    expect(values['insatser']).toEqual([]);
  });

  it('shows an optional answer left empty as a row without lines', () => {
    const { def: d, page: p } = pageWith(optionalVariant('text'), optionalVariant('address'));
    const r = submit(p, {});
    if (!r.ok) throw new Error('expected empty optional fields to validate');
    expect(answerRows(d, r.answers, journeyCtx).map((row) => row.lines)).toEqual([[], []]);
  });
});

// ---------------------------------------------------------------------------------------------
// Type by type.

describe('text and textarea', () => {
  const { page: text } = pageWith(FIELDS.text); // maxLength 10
  const { page: textarea } = pageWith(FIELDS.textarea); // maxLength 40

  it.each([
    { post: 'Anna', result: { value: 'Anna' } },
    { post: '  Anna Lisa \t', result: { value: 'Anna Lisa' } },
    { post: '0123456789', result: { value: '0123456789' } },
    { post: '   0123456789   ', result: { value: '0123456789' } },
    { post: '01234567890', result: { error: 'tooLong' } },
  ])('text $post → $result', ({ post, result }) => {
    expect(outcome(text, { fornamn: post })).toEqual(result);
  });

  it('gives the limit with a tooLong error, for the message', () => {
    const r = submit(text, { fornamn: 'Anna-Karin Andersson' });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([['fornamn', 'tooLong', { max: 10 }]]);
  });

  it('keeps the lines of a textarea and refuses one over its maxLength', () => {
    expect(outcome(textarea, { beskrivning: 'rad ett\nrad två' })).toEqual({ value: 'rad ett\nrad två' });
    expect(outcome(textarea, { beskrivning: 'x'.repeat(41) })).toEqual({ error: 'tooLong' });
  });
});

describe('phone', () => {
  const { page } = pageWith(FIELDS.phone);

  it.each([
    { post: '070-123 45 67', result: { value: '070-123 45 67' } },
    { post: '+46 70 123 45 67', result: { value: '+46 70 123 45 67' } },
    { post: '0701234567', result: { value: '0701234567' } },
    { post: '08-123 456 78', result: { value: '08-123 456 78' } },
    { post: '+46 (0)70-123 45 67', result: { value: '+46 (0)70-123 45 67' } },
    { post: 'abc', result: { error: 'format' } },
    { post: '12', result: { error: 'format' } },
    { post: '070-ABC 45 67', result: { error: 'format' } },
    { post: '+46', result: { error: 'format' } },
    { post: '--------', result: { error: 'format' } },
  ])('$post → $result', ({ post, result }) => {
    expect(outcome(page, { mobil: post })).toEqual(result);
  });
});

describe('email', () => {
  const { page } = pageWith(FIELDS.email);

  it.each([
    { post: 'anna@example.se', result: { value: 'anna@example.se' } },
    { post: 'anna.andersson+larm@kommun.example.se', result: { value: 'anna.andersson+larm@kommun.example.se' } },
    { post: 'anna', result: { error: 'format' } },
    { post: 'anna@', result: { error: 'format' } },
    { post: '@example.se', result: { error: 'format' } },
    { post: 'anna andersson@example.se', result: { error: 'format' } },
    { post: `${'a'.repeat(250)}@example.se`, result: { error: 'format' } },
  ])('$post → $result', ({ post, result }) => {
    expect(outcome(page, { epost: post })).toEqual(result);
  });
});

describe('personnummer', () => {
  const { page } = pageWith(FIELDS.personnummer);

  // Skatteverket test personnummer 194501103297; the last row changes its check digit.
  it.each([
    { post: '19450110-3297', result: { value: '19450110-3297' } },
    { post: '194501103297', result: { value: '19450110-3297' } },
    { post: '4501103297', result: { value: '19450110-3297' } },
    { post: '450110-3297', result: { value: '19450110-3297' } },
    { post: '  19450110-3297 ', result: { value: '19450110-3297' } },
    { post: '19450110-3298', result: { error: 'invalid' } },
    { post: '19451310-3297', result: { error: 'invalid' } },
    { post: '1945O110-3297', result: { error: 'format' } },
    { post: 'ÅÅÅÅMMDD-NNNN', result: { error: 'format' } },
    { post: '19450110', result: { error: 'format' } },
  ])('$post → $result', ({ post, result }) => {
    expect(outcome(page, { pnr: post })).toEqual(result);
  });

  it('is normalised to YYYYMMDD-NNNC however it was typed', () => {
    // Skatteverket test personnummer 199001012385, 36 on TODAY.
    for (const post of ['199001012385', '900101-2385', '9001012385']) {
      expect(outcome(page, { pnr: post })).toEqual({ value: '19900101-2385' });
    }
  });
});

describe('personnummer of a child (person rule "child")', () => {
  const { page } = pageWith({ ...FIELDS.personnummer, person: 'child' });

  // Skatteverket test personnummer; TODAY is 2026-01-15.
  it.each([
    { post: '20180101-2392', result: { value: '20180101-2392' }, why: 'a child of 8' },
    { post: '20080116-2389', result: { value: '20080116-2389' }, why: 'turns 18 tomorrow' },
    { post: '20080115-2380', result: { error: 'notChild' }, why: 'turns 18 today' },
    { post: '19450110-3297', result: { error: 'notChild' }, why: 'an 81-year-old' },
    { post: '19450110-3298', result: { error: 'invalid' }, why: 'no such number' },
  ])('$post ($why) → $result', ({ post, result }) => {
    expect(outcome(page, { pnr: post })).toEqual(result);
  });

  it('is a named rule: an unknown one is refused when the definition is read', () => {
    expect(() => pageWith({ ...FIELDS.personnummer, person: 'infant' } as unknown as FieldInput)).toThrow(/person/);
  });
});

describe('month (with its year)', () => {
  const { page } = pageWith(FIELDS.month); // one month before, two after; TODAY is 15 January 2026

  it('offers the months around today across the turn of the year', () => {
    expect(monthsOffered({ monthsBefore: 1, monthsAfter: 2 }, TODAY)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    // Just after midnight on 1 January in Sweden, still 31 December in UTC: Swedish months.
    expect(monthsOffered({ monthsBefore: 0, monthsAfter: 0 }, new Date('2025-12-31T23:30:00Z'))).toEqual(['2026-01']);
  });

  it.each([
    { post: '2025-12', result: { value: '2025-12' } },
    { post: '2026-03', result: { value: '2026-03' } },
    { post: '2025-11', result: { value: '2025-11' }, why: 'a page shown before the month turned' },
    { post: '2026-04', result: { value: '2026-04' }, why: 'a page shown before the month turned' },
    { post: '2025-10', result: { error: 'invalid' } },
    { post: '2026-05', result: { error: 'invalid' } },
    { post: 'december', result: { error: 'invalid' } },
    { post: '2026-1', result: { error: 'invalid' } },
  ])('$post → $result', ({ post, result }) => {
    expect(outcome(page, { manad: post })).toEqual(result);
  });
});

describe('date', () => {
  const { page } = pageWith(FIELDS.date);
  const { page: past } = pageWith({ ...FIELDS.date, past: true });
  const { page: future } = pageWith({ ...FIELDS.date, future: true });
  const post = (day: string, month: string, year: string) => ({ 'datum.day': day, 'datum.month': month, 'datum.year': year });

  it.each([
    { date: ['29', '2', '2024'], result: { value: '2024-02-29' }, why: 'a leap year' },
    { date: ['29', '2', '2025'], result: { error: 'invalid' }, why: 'not a leap year' },
    { date: ['29', '2', '2000'], result: { value: '2000-02-29' }, why: 'a leap year divisible by 400' },
    { date: ['29', '2', '1900'], result: { error: 'invalid' }, why: 'a century year, not a leap year' },
    { date: ['31', '4', '2025'], result: { error: 'invalid' }, why: 'April has 30 days' },
    { date: ['31', '12', '2025'], result: { value: '2025-12-31' }, why: 'the last day of the year' },
    { date: ['0', '1', '2025'], result: { error: 'invalid' }, why: 'there is no day 0' },
    { date: ['1', '13', '2025'], result: { error: 'invalid' }, why: 'there is no month 13' },
    { date: ['05', '03', '2024'], result: { value: '2024-03-05' }, why: 'leading zeros are fine' },
    { date: ['5', 'mars', '2024'], result: { error: 'format' }, why: 'the month must be a number' },
    { date: ['5', '3', '24'], result: { error: 'format' }, why: 'the year needs four digits' },
    { date: ['5', '', '2024'], result: { error: 'format' }, why: 'a part is missing' },
  ])('$date → $result ($why)', ({ date: [d, m, y], result }) => {
    expect(outcome(page, post(d!, m!, y!))).toEqual(result);
  });

  it('puts every date error on the day input, which the error summary links to', () => {
    for (const p of [post('', '', ''), post('x', '1', '2025'), post('31', '2', '2025')]) {
      const r = submit(page, p);
      expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['datum.day']);
    }
  });

  it.each([
    { page: 'past', date: ['14', '1', '2026'], result: { value: '2026-01-14' } },
    { page: 'past', date: ['15', '1', '2026'], result: { value: '2026-01-15' } },
    { page: 'past', date: ['16', '1', '2026'], result: { error: 'notPast' } },
    { page: 'future', date: ['14', '1', '2026'], result: { error: 'notFuture' } },
    { page: 'future', date: ['15', '1', '2026'], result: { value: '2026-01-15' } },
    { page: 'future', date: ['16', '1', '2026'], result: { value: '2026-01-16' } },
    { page: 'plain', date: ['16', '1', '2126'], result: { value: '2126-01-16' } },
    { page: 'plain', date: ['16', '1', '1926'], result: { value: '1926-01-16' } },
  ])('with today 2026-01-15, a $page date $date → $result', ({ page: which, date: [d, m, y], result }) => {
    const p = which === 'past' ? past : which === 'future' ? future : page;
    expect(outcome(p, post(d!, m!, y!))).toEqual(result);
  });

  it('takes "today" on the Stockholm calendar, not UTC', () => {
    const justAfterMidnightInStockholm = { today: new Date('2026-01-15T23:30:00Z') }; // 16 Jan 00:30 CET
    expect(outcome(past, post('16', '1', '2026'), justAfterMidnightInStockholm)).toEqual({ value: '2026-01-16' });
    expect(outcome(future, post('15', '1', '2026'), justAfterMidnightInStockholm)).toEqual({ error: 'notFuture' });
  });
});

describe('number', () => {
  const { page } = pageWith(FIELDS.number); // min 1, max 100 000

  it.each([
    { post: '42', result: { value: 42 } },
    { post: '12 500', result: { value: 12500 } },
    { post: '12\u00a0500', result: { value: 12500 } },
    { post: '1,5', result: { value: 1.5 } },
    { post: '1.5', result: { value: 1.5 } },
    { post: ' 100 000 ', result: { value: 100_000 } },
    { post: '1', result: { value: 1 } },
    { post: '0', result: { error: 'tooSmall' } },
    { post: '-3', result: { error: 'tooSmall' } },
    { post: '100001', result: { error: 'tooLarge' } },
    { post: 'tolv', result: { error: 'format' } },
    { post: '1,000,5', result: { error: 'format' } },
    { post: '1e5', result: { error: 'format' } },
  ])('$post → $result', ({ post, result }) => {
    expect(outcome(page, { antal: post })).toEqual(result);
  });

  it('gives min and max with a range error, for the message', () => {
    const r = submit(page, { antal: '0' });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([['antal', 'tooSmall', { min: 1, max: 100_000 }]]);
  });
});

describe('radios and yes/no', () => {
  const { page: radios } = pageWith(FIELDS.radios);
  const { page: yesNo } = pageWith(FIELDS.yesNo);

  it.each([
    { post: 'mobilt', result: { value: 'mobilt' } },
    { post: 'fast', result: { value: 'fast' } },
    { post: 'sarskilt', result: { error: 'invalid' } },
    { post: 'FAST', result: { error: 'invalid' } },
  ])('radios $post → $result', ({ post, result }) => {
    expect(outcome(radios, { larmtyp: post })).toEqual(result);
  });

  it.each([
    { post: 'ja', result: { value: 'ja' } },
    { post: 'nej', result: { value: 'nej' } },
    { post: 'kanske', result: { error: 'invalid' } },
    { post: 'JA', result: { error: 'invalid' } },
  ])('yes/no $post → $result', ({ post, result }) => {
    expect(outcome(yesNo, { hund: post })).toEqual(result);
  });
});

describe('checkboxes', () => {
  const { page } = pageWith(FIELDS.checkboxes);

  it.each([
    { post: ['tvatt'], result: { value: ['tvatt'] }, why: 'one option' },
    { post: ['inkop', 'stadning', 'tvatt'], result: { value: ['tvatt', 'stadning', 'inkop'] }, why: 'kept in definition order' },
    { post: ['tvatt', 'tvatt', 'inkop'], result: { value: ['tvatt', 'inkop'] }, why: 'duplicates dropped' },
    { post: ['', 'stadning'], result: { value: ['stadning'] }, why: 'an empty value ignored' },
    { post: ['tvatt', 'fonsterputs'], result: { error: 'invalid' }, why: 'an unknown value refused' },
    { post: [''], result: { error: 'required' }, why: 'nothing ticked' },
  ])('$post → $result ($why)', ({ post, result }) => {
    expect(outcome(page, { insatser: post })).toEqual(result);
  });

  it('puts an unknown value\'s error on the field itself, where the page shows it', () => {
    expect(errorsOf(submit(page, { insatser: ['fonsterputs', 'tvatt', 'hacka'] }))).toEqual([{ path: 'insatser', code: 'invalid' }]);
  });
});

describe('address', () => {
  const { page } = pageWith(FIELDS.address);
  const { page: optional } = pageWith(optionalVariant('address'));
  const full = { 'adress.street': 'Storgatan 1', 'adress.postcode': '696 30', 'adress.city': 'Askersund' };

  it.each([
    { postcode: '69630', result: { value: '696 30' } },
    { postcode: '696 30', result: { value: '696 30' } },
    { postcode: ' 696 30 ', result: { value: '696 30' } },
    { postcode: '06963', result: { error: 'postcodeFormat' } },
    { postcode: '6963', result: { error: 'postcodeFormat' } },
    { postcode: '696301', result: { error: 'postcodeFormat' } },
    { postcode: 'abcde', result: { error: 'postcodeFormat' } },
  ])('postcode $postcode → $result', ({ postcode, result }) => {
    const r = outcome(page, { ...full, 'adress.postcode': postcode });
    expect('value' in r ? { value: (r.value as { postcode: string }).postcode } : r).toEqual(result);
  });

  it.each([
    { missing: 'street', path: 'adress.street', code: 'streetRequired' },
    { missing: 'postcode', path: 'adress.postcode', code: 'postcodeRequired' },
    { missing: 'city', path: 'adress.city', code: 'cityRequired' },
  ])('reports a missing $missing with its own code on its own input', ({ missing, path, code }) => {
    expect(errorsOf(submit(page, { ...full, [`adress.${missing}`]: ' ' }))).toEqual([{ path, code }]);
  });

  // GOV.UK asks for every error at once: each wrong part is reported on its own input.
  it('reports each of several wrong parts on its own input, all at once', () => {
    expect(errorsOf(submit(page, { 'adress.postcode': '6963' }))).toEqual([
      { path: 'adress.street', code: 'streetRequired' },
      { path: 'adress.postcode', code: 'postcodeFormat' },
      { path: 'adress.city', code: 'cityRequired' },
    ]);
  });

  it('refuses a required address posted empty with an error on each missing part', () => {
    expect(errorsOf(submit(page, {}))).toEqual(TYPES.find((c) => c.type === 'address')!.required);
  });

  it('refuses a street over 200 characters', () => {
    expect(errorsOf(submit(page, { ...full, 'adress.street': 'x'.repeat(201) }))).toEqual([{ path: 'adress.street', code: 'streetTooLong' }]);
  });

  it('validates an optional address once any part of it is filled', () => {
    expect(errorsOf(submit(optional, { 'adress.city': 'Askersund' }))).toContainEqual({ path: 'adress.street', code: 'streetRequired' });
    expect(errorsOf(submit(optional, { 'adress.street': 'Storgatan 1', 'adress.city': 'Askersund' }))).toEqual([
      { path: 'adress.postcode', code: 'postcodeRequired' },
    ]);
  });
});

describe('repeating group', () => {
  const { page } = pageWith(FIELDS.repeat); // min 2, max 3; namn, telefon, relation (optional)
  const first = { 'kontakter.0.namn': 'Karin', 'kontakter.0.telefon': '070-123 45 67' };
  const second = { 'kontakter.1.namn': 'Olle', 'kontakter.1.telefon': '070-765 43 21' };
  const errors = (r: PageResult) => (r.ok ? [] : r.errors.map((e) => ({ path: e.path, code: e.code, n: e.params?.['n'], field: e.field.name })));

  it('requires the first `min` items, numbering the errors from 1 for the messages', () => {
    expect(errors(submit(page, first))).toEqual([
      { path: 'kontakter.1.namn', code: 'required', n: 2, field: 'namn' },
      { path: 'kontakter.1.telefon', code: 'required', n: 2, field: 'telefon' },
    ]);
  });

  it('skips a blank item beyond `min`', () => {
    const r = submit(page, { ...first, ...second, 'kontakter.2.namn': '  ', 'kontakter.2.relation': '' });
    expect(r.ok && r.answers['kontakter']).toEqual([
      { namn: 'Karin', telefon: '070-123 45 67' },
      { namn: 'Olle', telefon: '070-765 43 21' },
    ]);
  });

  it('validates a partially filled item beyond `min`', () => {
    expect(errors(submit(page, { ...first, ...second, 'kontakter.2.relation': 'Granne' }))).toEqual([
      { path: 'kontakter.2.namn', code: 'required', n: 3, field: 'namn' },
      { path: 'kontakter.2.telefon', code: 'required', n: 3, field: 'telefon' },
    ]);
  });

  it('stores a complete optional item', () => {
    const third = { 'kontakter.2.namn': 'Lisa', 'kontakter.2.telefon': '+46 70 111 22 33', 'kontakter.2.relation': 'Granne' };
    const r = submit(page, { ...first, ...second, ...third });
    expect(r.ok && r.answers['kontakter']).toHaveLength(3);
    expect(r.ok && (r.answers['kontakter'] as unknown[])[2]).toEqual({ namn: 'Lisa', telefon: '+46 70 111 22 33', relation: 'Granne' });
  });

  it("keeps each sub-field's own params alongside the item number", () => {
    const r = submit(page, { ...first, ...second, 'kontakter.1.namn': 'x'.repeat(21), 'kontakter.1.telefon': 'abc' });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['kontakter.1.namn', 'tooLong', { max: 20, n: 2 }],
      ['kontakter.1.telefon', 'format', { n: 2 }],
    ]);
  });

  it('never reads an item beyond `max`', () => {
    const r = submit(page, { ...first, ...second, 'kontakter.3.namn': 'Mallory', 'kontakter.3.telefon': '070-000 00 00' });
    expect(r.ok && r.answers['kontakter']).toHaveLength(2);
  });

  describe('with a field no two items may share', () => {
    const children: FieldInput = {
      type: 'repeat',
      name: 'barn',
      label: 'falt:barn.label',
      itemLabel: 'falt:barn.item',
      min: 1,
      max: 4,
      unique: ['pnr'],
      fields: [
        { type: 'text', name: 'namn', label: 'falt:namn.label' },
        { type: 'personnummer', name: 'pnr', label: 'falt:pnr.label', person: 'child' },
      ],
    };
    const { page: group } = pageWith(children);
    const child = (i: number, namn: string, pnr: string) => ({ [`barn.${i}.namn`]: namn, [`barn.${i}.pnr`]: pnr });

    it('refuses the same person twice at the later item, naming the first, however the number was typed', () => {
      // Slot 1 left blank: the error names the slots as the citizen sees them.
      const r = submit(group, { ...child(0, 'Alva', '20180101-2392'), ...child(2, 'Alva igen', '1801012392') });
      expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code, e.params])).toEqual([['barn.2.pnr', 'duplicate', { n: 3, first: 1 }]]);
    });

    it('accepts different children, and refuses an adult among them', () => {
      const two = { ...child(0, 'Alva', '20180101-2392'), ...child(1, 'Ebbe', '20160102-2385') };
      expect(submit(group, two).ok).toBe(true);
      const r = submit(group, { ...two, ...child(2, 'Farfar', '19450110-3297') });
      expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([['barn.2.pnr', 'notChild']]);
    });

    it('is refused when it names no field of the group', () => {
      expect(() => pageWith({ ...children, unique: ['saknas'] } as FieldInput)).toThrow(/saknas/);
    });
  });
});
