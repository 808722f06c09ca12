/**
 * The board's survey-based indicators (seed 001, Nämndmål 1:1 and 1:3) with their outcomes and
 * targets as the seed states them, in percent. Survey questions name these ids; the results page
 * shows the target beside the outcome, and surveyMeasures() answers per id.
 */
export const INDICATOR_IDS = [
  'sarskilt-boende-hansyn-onskemal',
  'sarskilt-boende-sociala-aktiviteter',
  'hemtjanst-hansyn-asikter',
  'hemtjanst-paverka-tider',
  'lss-daglig-verksamhet-trivs',
  'lss-daglig-verksamhet-bestamma',
  'lss-gruppboende-trygg-personal',
  'trygg-hemgang-nojd',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type SeedIndicator = {
  goal: '1:1' | '1:3';
  /** The measure's wording in the seed. */
  name: string;
  outcomes: Partial<Record<number, number>>;
  targets: Partial<Record<number, number>>;
};

export const SURVEY_INDICATORS: Record<IndicatorId, SeedIndicator> = {
  'sarskilt-boende-hansyn-onskemal': {
    goal: '1:1',
    name: 'Andel personer på särskilt boende som upplever att personalen alltid/oftast tar hänsyn till brukarens önskemål om hur hjälpen ska utföras.',
    outcomes: { 2022: 82, 2023: 75, 2024: 61 },
    targets: { 2025: 75, 2026: 80, 2027: 90, 2028: 90 },
  },
  'sarskilt-boende-sociala-aktiviteter': {
    goal: '1:1',
    name: 'Andel personer på särskilt boende som är nöjd/mycket nöjd med de sociala aktiviteter som erbjuds på sitt boende',
    outcomes: { 2022: 46, 2023: 56, 2024: 41 },
    targets: { 2025: 56, 2026: 65, 2027: 70, 2028: 75 },
  },
  'hemtjanst-hansyn-asikter': {
    goal: '1:1',
    name: 'Andel personer med hemtjänst som upplever att personalen tar hänsyn till brukarens åsikter och önskemål om hur hjälpen ska utföras',
    outcomes: { 2022: 88, 2023: 89, 2024: 83 },
    targets: { 2025: 85, 2026: 90, 2027: 93, 2028: 95 },
  },
  'hemtjanst-paverka-tider': {
    goal: '1:1',
    name: 'Andel personer som upplever att de har möjligheten att påverka tider för insatserna',
    outcomes: { 2022: 46, 2023: 54, 2024: 50 },
    targets: { 2025: 55, 2026: 60, 2027: 65, 2028: 70 },
  },
  'lss-daglig-verksamhet-trivs': {
    goal: '1:1',
    name: 'Andel brukare som trivs på sin dagliga verksamhet utifrån LSS ska öka',
    outcomes: { 2024: 88 },
    targets: { 2025: 90, 2026: 90, 2027: 90, 2028: 90 },
  },
  'lss-daglig-verksamhet-bestamma': {
    goal: '1:1',
    name: 'Andel brukare inom daglig verksamhet LSS som får bestämma om saker som är viktiga, ska öka',
    outcomes: { 2024: 58 },
    targets: { 2025: 65, 2026: 70, 2027: 75, 2028: 80 },
  },
  'lss-gruppboende-trygg-personal': {
    goal: '1:1',
    name: 'Andel brukare som känner sig trygg med personalen hemma – gruppboende ska öka',
    outcomes: { 2024: 55 },
    targets: { 2025: 65, 2026: 75, 2027: 85, 2028: 90 },
  },
  'trygg-hemgang-nojd': {
    goal: '1:3',
    name: 'Andelen nöjda/mycket nöjda med insatsen trygg hemgång',
    outcomes: {},
    targets: { 2025: 80, 2026: 90, 2027: 90, 2028: 90 },
  },
};

export function isIndicatorId(v: unknown): v is IndicatorId {
  return typeof v === 'string' && (INDICATOR_IDS as readonly string[]).includes(v);
}

/** The seed's target for a year, in percent, or undefined when the seed sets none. */
export function seedTarget(id: IndicatorId, year: number): number | undefined {
  return SURVEY_INDICATORS[id].targets[year];
}
