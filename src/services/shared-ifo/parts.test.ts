/**
 * The shared IFO parts on their own, inside a small fixture definition: the safe-contact questions
 * ask only what the person said yes to and always leave a way to reach them; the reporter step keeps
 * an anonymous privatperson off every identifying question and makes a yrkesverksam identify
 * themselves; every text the parts name exists in Swedish and English.
 */
import { describe, expect, it } from 'vitest';
import { defineService, type PageInput, type ServiceDefinition, type ServiceDefinitionInput } from '../../domain/forms/definition.ts';
import { answersOnPath, isComplete, walk, type Answers } from '../../domain/forms/journey.ts';
import { defaultForenkladRules } from '../../domain/rules/forenklad.ts';
import { hasKey, LANGUAGES } from '../../i18n/index.ts';
import { TEXT_SOURCE } from '../../i18n/coverage.ts';

/** The languages every e-tjänst text exists in (a translated language may not have the e-tjänster yet). */
const COMPLETE = LANGUAGES.filter((l) => TEXT_SOURCE[l] !== 'translated');
import { partiesOf } from '../../domain/forms/parties.ts';
import { emergencyStart, ifoCommon, interpreterPages, namePage, quickExitStart, SAFE_CONTACT_FIELDS, safeContactPages, secrecyStart } from './parts.ts';
import { ANONYMOUS, REPORTER_IDENTITY_FIELDS, reporterPages } from './orosanmalan.ts';

const ctx = { today: new Date('2026-11-23T12:00:00Z'), rules: defaultForenkladRules };

const fixture = (pages: PageInput[], extra: Partial<ServiceDefinitionInput> = {}): ServiceDefinition =>
  defineService({
    ...ifoCommon,
    id: 'fixture',
    version: 1,
    title: 'shared-ifo:pages.kontrollera.title',
    summary: 'shared-ifo:pages.kontrollera.title',
    start: [emergencyStart(), secrecyStart(), quickExitStart()],
    submitters: ['self', 'anonymous'],
    retention: { yearsAfterClosed: 2 },
    ...extra,
    pages: [
      ...pages,
      { kind: 'question', id: 'sista', title: 'shared-ifo:pages.tolk.title', fields: [{ type: 'yesNo', name: 'sista', label: 'shared-ifo:fields.tolk.label' }] },
      { kind: 'checkAnswers', id: 'kontrollera', title: 'shared-ifo:pages.kontrollera.title' },
      { kind: 'confirmation', id: 'klart', title: 'shared-ifo:pages.kontrollera.title', body: 'shared-ifo:pages.kontrollera.title' },
    ],
  });

describe('safe contact', () => {
  const def = fixture(safeContactPages('sista'));
  const end = (a: Answers) => walk(def, a, ctx).current.id;
  const path = (a: Answers) => walk(def, a, ctx).path;

  const phone = { faRinga: 'ja', kontaktTelefon: '070-123 45 67', ringTider: ['formiddag'], ringTiderOvrigt: null, faLamnaMeddelande: 'nej', faSms: 'ja' };
  const noPhone = { faRinga: 'nej' };
  const letter = { faBrev: 'ja', brevAdress: { street: 'Storgatan 1', postcode: '696 30', city: 'Askersund' } };
  const noLetter = { faBrev: 'nej' };
  const mail = { faEpost: 'ja', kontaktEpost: 'namn@exempel.se' };
  const noMail = { faEpost: 'nej' };

  it.each([
    { name: 'phone only', answers: { ...phone, ...noLetter, ...noMail }, asked: ['kontakt-telefon', 'kontakt-meddelande'], skipped: ['kontakt-adress', 'kontakt-epost', 'kontakt-annat'] },
    { name: 'letters only', answers: { ...noPhone, ...letter, ...noMail }, asked: ['kontakt-adress'], skipped: ['kontakt-telefon', 'kontakt-meddelande', 'kontakt-epost', 'kontakt-annat'] },
    { name: 'e-mail only', answers: { ...noPhone, ...noLetter, ...mail }, asked: ['kontakt-epost'], skipped: ['kontakt-telefon', 'kontakt-adress', 'kontakt-annat'] },
    { name: 'every way', answers: { ...phone, ...letter, ...mail }, asked: ['kontakt-telefon', 'kontakt-meddelande', 'kontakt-adress', 'kontakt-epost'], skipped: ['kontakt-annat'] },
    { name: 'no way at all', answers: { ...noPhone, ...noLetter, ...noMail, annatKontaktsatt: 'Jag ringer er själv på tisdag.' }, asked: ['kontakt-annat'], skipped: ['kontakt-telefon', 'kontakt-adress', 'kontakt-epost'] },
  ])('$name: asks only what was said yes to, then goes on', ({ answers, asked, skipped }) => {
    expect(end(answers)).toBe('sista');
    for (const p of asked) expect(path(answers)).toContain(p);
    for (const p of skipped) expect(path(answers)).not.toContain(p);
  });

  it('asks how else to reach someone who may not be called, written to or e-mailed', () => {
    expect(end({ ...noPhone, ...noLetter, ...noMail })).toBe('kontakt-annat');
  });

  it('drops the phone number and the address when the person changes to no', () => {
    const changed = { ...phone, ...letter, ...mail, faRinga: 'nej', faBrev: 'nej' };
    const kept = answersOnPath(def, changed, ctx);
    expect(kept).not.toHaveProperty('kontaktTelefon');
    expect(kept).not.toHaveProperty('faLamnaMeddelande');
    expect(kept).not.toHaveProperty('brevAdress');
    expect(kept).toHaveProperty('kontaktEpost');
  });

  it('names every field it asks in SAFE_CONTACT_FIELDS', () => {
    const names = def.pages.flatMap((p) => (p.kind === 'question' ? p.fields.map((f) => f.name) : [])).filter((n) => n !== 'sista');
    expect(names.sort()).toEqual([...SAFE_CONTACT_FIELDS].sort());
  });
});

describe.each(['barn', 'vuxen'] as const)('the reporter step (%s)', (about) => {
  const def = fixture(reporterPages({ about, then: 'sista' }), { anonymous: ANONYMOUS });
  const end = (a: Answers) => walk(def, a, ctx).current.id;
  const identity = { anmalareFornamn: 'Tolvan', anmalareEfternamn: 'Tolvansson', anmalareTelefon: '070-123 45 67', anmalareEpost: null };
  const anonymous = { anmalare: 'privatperson', anonym: 'ja' };
  const named = { anmalare: 'privatperson', anonym: 'nej', ...identity, anmalareRelation: 'Granne', faKontaktaAnmalare: 'ja' };
  const professional = { anmalare: 'yrkesverksam', verksamhet: 'socialtjanst', yrke: 'Kurator', arbetsplats: 'Vårdcentralen', ...identity };

  it('asks an anonymous privatperson nothing about themselves', () => {
    expect(end(anonymous)).toBe('sista');
    const kept = answersOnPath(def, { ...named, ...professional, ...anonymous, sista: 'ja' }, ctx);
    for (const f of REPORTER_IDENTITY_FIELDS) expect(kept).not.toHaveProperty(f);
    expect(partiesOf(def, kept).submitterName).toBeNull();
  });

  it('asks a named privatperson who they are, how they know the person and whether we may call', () => {
    expect(end({ anmalare: 'privatperson', anonym: 'nej' })).toBe('om-dig');
    expect(end({ anmalare: 'privatperson', anonym: 'nej', ...identity })).toBe('relation');
    expect(end(named)).toBe('sista');
    expect(walk(def, named, ctx).path).not.toContain('yrkesverksam');
  });

  it('makes a yrkesverksam give workplace, profession, name and phone, and never offers anonymity', () => {
    expect(end({ anmalare: 'yrkesverksam' })).toBe('yrkesverksam');
    expect(end({ anmalare: 'yrkesverksam', verksamhet: 'polis', yrke: 'Polis', arbetsplats: 'Polisen' })).toBe('om-dig');
    expect(end(professional)).toBe('sista');
    const path = walk(def, { ...professional, anonym: 'ja' }, ctx).path;
    expect(path).not.toContain('anonym');
    expect(path).not.toContain('relation');
    expect(isComplete(def, { ...professional, sista: 'ja' }, ctx)).toBe(true);
    // An anonymity answer left over from the privatperson path does not count.
    expect(answersOnPath(def, { ...professional, anonym: 'ja' }, ctx)).not.toHaveProperty('anonym');
  });
});

describe('interpreter and name', () => {
  const def = fixture([...interpreterPages('ditt-namn'), namePage({ personnummer: true })]);
  it('asks the language only when an interpreter is needed', () => {
    expect(walk(def, { tolk: 'nej' }, ctx).current.id).toBe('ditt-namn');
    expect(walk(def, { tolk: 'ja' }, ctx).current.id).toBe('tolk-sprak');
    expect(walk(def, { tolk: 'ja', tolkSprak: 'Arabiska', fornamn: 'Tolvan', efternamn: 'Tolvansson', personnummer: null }, ctx).current.id).toBe('sista');
  });
});

describe('texts', () => {
  const defs = [
    fixture(safeContactPages('sista')),
    fixture(reporterPages({ about: 'barn', then: 'sista' })),
    fixture(reporterPages({ about: 'vuxen', then: 'sista' })),
    fixture([...interpreterPages('ditt-namn'), namePage({ personnummer: true })]),
  ];
  const keys = (def: ServiceDefinition): string[] => [
    ...def.start.flatMap((s) => [s.heading, s.paragraphs]),
    ...def.pages.flatMap((p) =>
      p.kind === 'question'
        ? [p.title, p.intro, ...p.fields.flatMap((f) => [f.label, f.hint, ...('options' in f ? f.options.flatMap((o) => [o.label, o.hint]) : [])])]
        : [p.title],
    ),
  ].filter((k): k is string => k !== undefined);

  it.each(COMPLETE)('every key the parts name exists in %s', (lang) => {
    const missing = [...new Set(defs.flatMap(keys))].filter((k) => !hasKey(lang, k));
    expect(missing).toEqual([]);
  });

  it.each(COMPLETE)('every required field of the parts has its own required message in %s', (lang) => {
    const fields = defs.flatMap((d) => d.pages.flatMap((p) => (p.kind === 'question' ? p.fields : []))).filter((f) => !f.optional && f.name !== 'sista' && f.type !== 'address');
    const missing = fields.map((f) => `${f.label.replace(/\.label$/, '')}.errors.required`).filter((k) => !hasKey(lang, k));
    expect(missing).toEqual([]);
  });
});
