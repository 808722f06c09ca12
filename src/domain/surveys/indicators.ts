/**
 * The board's survey-based indicators (seed 001, Nämndmål 1:1 and 1:3). Survey questions name these
 * ids; surveyMeasures() answers per id. Their baselines and targets are in one place only: the
 * indicator_targets table, seeded from src/domain/indicators/seed-targets.ts.
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
};

export const SURVEY_INDICATORS: Record<IndicatorId, SeedIndicator> = {
  'sarskilt-boende-hansyn-onskemal': {
    goal: '1:1',
    name: 'Andel personer på särskilt boende som upplever att personalen alltid/oftast tar hänsyn till brukarens önskemål om hur hjälpen ska utföras.',
  },
  'sarskilt-boende-sociala-aktiviteter': {
    goal: '1:1',
    name: 'Andel personer på särskilt boende som är nöjd/mycket nöjd med de sociala aktiviteter som erbjuds på sitt boende',
  },
  'hemtjanst-hansyn-asikter': {
    goal: '1:1',
    name: 'Andel personer med hemtjänst som upplever att personalen tar hänsyn till brukarens åsikter och önskemål om hur hjälpen ska utföras',
  },
  'hemtjanst-paverka-tider': {
    goal: '1:1',
    name: 'Andel personer som upplever att de har möjligheten att påverka tider för insatserna',
  },
  'lss-daglig-verksamhet-trivs': {
    goal: '1:1',
    name: 'Andel brukare som trivs på sin dagliga verksamhet utifrån LSS ska öka',
  },
  'lss-daglig-verksamhet-bestamma': {
    goal: '1:1',
    name: 'Andel brukare inom daglig verksamhet LSS som får bestämma om saker som är viktiga, ska öka',
  },
  'lss-gruppboende-trygg-personal': {
    goal: '1:1',
    name: 'Andel brukare som känner sig trygg med personalen hemma – gruppboende ska öka',
  },
  'trygg-hemgang-nojd': {
    goal: '1:3',
    name: 'Andelen nöjda/mycket nöjda med insatsen trygg hemgång',
  },
};

export function isIndicatorId(v: unknown): v is IndicatorId {
  return typeof v === 'string' && (INDICATOR_IDS as readonly string[]).includes(v);
}

