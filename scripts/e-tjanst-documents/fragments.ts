/**
 * The fragments, as today's shared parts (src/services/shared/parts.ts, shared-ifo/parts.ts,
 * shared-ifo/orosanmalan.ts) make them: each is the shared function called with markers where its
 * parameters go. `instances` gives one template per value of its choice and boolean parameters (and
 * with and without each optional text), as pages or start sections in document form.
 */
import type { PageInput } from '../../src/domain/forms/definition.ts';
import type { ParamDecl } from '../../src/domain/forms/document/fragment.ts';
import { closingPages, eligibilityPages, feePages, forenkladStart, onBehalfPages, personPage, whoAppliesPage } from '../../src/services/shared/parts.ts';
import { emergencyStart, ifoClosingPages, interpreterPages, namePage, quickExitStart, safeContactPages, secrecyStart } from '../../src/services/shared-ifo/parts.ts';
import { concernPages, reporterPages } from '../../src/services/shared-ifo/orosanmalan.ts';
import { minimalPage, minimalSection, NS, optionsMarker, pageMarker, textMarker, type Obj } from './templates.ts';

type Args = Record<string, unknown>;
export type Spec = {
  name: string;
  description: string;
  provides: 'start' | 'pages';
  params: Record<string, ParamDecl>;
  /** The e-tjänst's own texts the shared function names (`<ns>:pages.klart.body`), by the parameter each becomes. */
  ns?: Record<string, string>;
  build: (a: Args) => unknown[];
  /** Applied to the minimal template (e.g. a list of options that becomes a parameter). */
  after?: (pages: Obj[]) => Obj[];
};

const pageId = (description: string): ParamDecl => ({ type: 'pageId', optional: false, description });
const text = (description: string, optional = false): ParamDecl => ({ type: 'text', optional, description });
const paragraphs = (description: string): ParamDecl => ({ type: 'paragraphs', optional: false, description });
const then = pageId('Sidan som följer efter delen.');
const forenkladStartSection = (i: number) => () => [forenkladStart(NS)[i]];

export const SPECS: Spec[] = [
  // Start sections
  { name: 'forenklad-vem-kan-ansoka', provides: 'start', params: {}, build: forenkladStartSection(1), description: 'Startsidans avsnitt om vem som kan ansöka utan behovsprövning: ålder, folkbokföring och boende enligt kommunens regler.' },
  { name: 'forenklad-ordinarie-ansokan', provides: 'start', params: {}, build: forenkladStartSection(5), description: 'Startsidans avsnitt om rätten att alltid ansöka på vanligt sätt (SoL), med länk till den ordinarie ansökan.' },
  { name: 'forenklad-for-nagon-annan', provides: 'start', params: {}, build: forenkladStartSection(6), description: 'Startsidans avsnitt om att ansöka för någon annan: närstående, god man, förvaltare eller ombud.' },
  { name: 'ifo-akut-fara', provides: 'start', params: {}, build: () => [emergencyStart()], description: 'Startsidans avsnitt om akut fara: 112, socialjouren utanför kontorstid, och att formuläret läses under kontorstid.' },
  { name: 'ifo-sekretess', provides: 'start', params: {}, build: () => [secrecyStart()], description: 'Startsidans avsnitt om socialtjänstens sekretess: vem som läser det som skickas.' },
  { name: 'ifo-lamna-sidan', provides: 'start', params: {}, build: () => [quickExitStart()], description: 'Startsidans avsnitt om knappen "Lämna sidan snabbt" och hur man döljer besöket.' },
  // Förenklad biståndsbedömning
  { name: 'forenklad-vem-ansoker', provides: 'pages', params: {}, build: () => [whoAppliesPage()], description: 'Frågan om man ansöker för egen del eller för någon annan (svaret väljer texternas variant "annan").' },
  { name: 'forenklad-ombud', provides: 'pages', params: {}, build: () => onBehalfPages(), description: 'Den som ansöker för någon annan: egna uppgifter och relation, och personens samtycke eller en uppladdad fullmakt.' },
  { name: 'forenklad-villkor', provides: 'pages', params: { then }, build: (a) => eligibilityPages(a.then as string), description: 'Villkoren i kommunens regler för personen ansökan gäller: ålder, folkbokföring, boende och hushåll, var och en med en sida som förklarar när villkoret inte är uppfyllt.' },
  { name: 'forenklad-personuppgifter', provides: 'pages', params: {}, build: () => [personPage()], description: 'Personens namn, adress där hjälpen ska ges, telefon och e-post.' },
  { name: 'forenklad-avgift', provides: 'pages', params: { then }, build: (a) => feePages(a.then as string), description: 'Avgiften: betala maxtaxan utan att lämna inkomstuppgifter, eller lämna dem.' },
  {
    name: 'forenklad-avslut',
    provides: 'pages',
    params: { confirmationBody: paragraphs('Vad som händer nu, på bekräftelsesidan.') },
    ns: { 'pages.klart.body': 'confirmationBody' },
    build: () => closingPages(NS),
    description: 'Kontrollera svaren (med intygandet, för egen del eller som ombud) och bekräftelsen.',
  },
  // IFO
  { name: 'ifo-saker-kontakt', provides: 'pages', params: { then }, build: (a) => safeContactPages(a.then as string), description: 'Hur och när vi får kontakta personen utan risk: ringa, lämna meddelande, sms, brev, e-post, eller ett annat sätt.' },
  { name: 'ifo-tolk', provides: 'pages', params: { then }, build: (a) => interpreterPages(a.then as string), description: 'Om personen behöver tolk, och på vilket språk.' },
  {
    name: 'ifo-namn',
    provides: 'pages',
    params: { personnummer: { type: 'boolean', optional: false, description: 'Frågar också efter personnummer (frivilligt att lämna).' } },
    build: (a) => [namePage({ personnummer: a.personnummer as boolean })],
    description: 'Namnet på den som vill ha kontakt, och om så valts personnumret.',
  },
  {
    name: 'ifo-avslut',
    provides: 'pages',
    params: {
      declaration: text('Vad det innebär att skicka, på kontrollsidan.', true),
      confirmationTitle: text('Bekräftelsesidans rubrik.'),
      confirmationBody: paragraphs('Vad som händer nu, och när, på bekräftelsesidan.'),
    },
    ns: { 'pages.klart.title': 'confirmationTitle', 'pages.klart.body': 'confirmationBody' },
    build: (a) => ifoClosingPages(NS, a.declaration as string | undefined),
    description: 'Kontrollera svaren och bekräftelsen.',
  },
  {
    name: 'orosanmalan-anmalare',
    provides: 'pages',
    params: { about: { type: 'choice', values: ['barn', 'vuxen'], optional: false, description: 'Om anmälan gäller ett barn eller en vuxen.' }, then },
    build: (a) => reporterPages({ about: a.about as 'barn' | 'vuxen', then: a.then as string }),
    description: 'Vem som anmäler: en privatperson kan vara anonym; en yrkesverksam lämnar arbetsplats, yrke, namn och telefon.',
  },
  {
    name: 'orosanmalan-oro',
    provides: 'pages',
    params: {
      akutTitle: text('Sidan om akut fara: rubrik.'),
      akutIntro: text('Sidan om akut fara: inledning.'),
      akutFaraLabel: text('Frågan om akut fara.'),
      akutJa: text('Svaret ja.'),
      akutJaHint: text('Vad ja innebär.'),
      akutNej: text('Svaret nej.'),
      akutVetInte: text('Svaret vet inte.'),
      oroTitle: text('Sidan om vad oron gäller: rubrik.'),
      oroGallerLabel: text('Frågan om vad oron gäller.'),
      oroGallerHint: text('Hjälptext till frågan om vad oron gäller.'),
      concerns: { type: 'options', optional: false, description: 'Vad oron kan gälla.' },
      beskrivningTitle: text('Sidan där anmälaren berättar: rubrik.'),
      oroBeskrivningLabel: text('Frågan om vad anmälaren har sett eller hört.'),
      oroBeskrivningHint: text('Hjälptext till den frågan.'),
    },
    ns: {
      'pages.akut.title': 'akutTitle',
      'pages.akut.intro': 'akutIntro',
      'fields.akutFara.label': 'akutFaraLabel',
      'fields.akutFara.options.ja': 'akutJa',
      'fields.akutFara.options.jaHint': 'akutJaHint',
      'fields.akutFara.options.nej': 'akutNej',
      'fields.akutFara.options.vetInte': 'akutVetInte',
      'pages.oro.title': 'oroTitle',
      'fields.oroGaller.label': 'oroGallerLabel',
      'fields.oroGaller.hint': 'oroGallerHint',
      'pages.beskrivning.title': 'beskrivningTitle',
      'fields.oroBeskrivning.label': 'oroBeskrivningLabel',
      'fields.oroBeskrivning.hint': 'oroBeskrivningHint',
    },
    build: () => concernPages(NS, ['zzopt']),
    after: (pages) => pages.map((p) => (p.id === 'oro' ? { ...p, fields: (p.fields as Obj[]).map((f) => ({ ...f, options: optionsMarker('concerns') })) } : p)),
    description: 'Orosanmälans kärna: är någon i akut fara (gör anmälan brådskande), vad oron gäller, och vad anmälaren har sett eller hört.',
  },
];

/** Every combination of the values of a fragment's choice and boolean parameters and the presence of its optional texts. */
function assignments(spec: Spec): Args[] {
  let out: Args[] = [{}];
  for (const [name, d] of Object.entries(spec.params)) {
    const values: unknown[] = d.type === 'boolean' ? [true, false] : d.type === 'choice' ? d.values : d.optional ? [textMarker(name), undefined] : [d.type === 'pageId' ? pageMarker(name) : textMarker(name)];
    out = out.flatMap((a) => values.map((v) => (v === undefined ? a : { ...a, [name]: v })));
  }
  return out;
}

export type Instance = { args: Args; items: Obj[] };

/** The fragment's templates, one per assignment, as minimal pages or start sections. */
export function instances(spec: Spec): Instance[] {
  return assignments(spec).map((args) => {
    const built = spec.build(args) as Obj[];
    const minimal = spec.provides === 'pages' ? built.map((p) => minimalPage(p as PageInput as Obj)) : built.map(minimalSection);
    return { args, items: spec.after ? spec.after(minimal) : minimal };
  });
}
