/**
 * Every brukarenkät the portal offers, validated at start-up. Adding one = a folder with
 * definition.ts and texts/{sv,en}.json (namespace `survey-<id>`).
 */
import type { SurveyDefinition } from '../domain/surveys/definition.ts';
import hemtjanst from './hemtjanst/definition.ts';
import sarskiltBoende from './sarskilt-boende/definition.ts';
import tryggHemgang from './trygg-hemgang/definition.ts';
import lssDagligVerksamhet from './lss-daglig-verksamhet/definition.ts';
import lssGruppboende from './lss-gruppboende/definition.ts';
import ifo from './ifo/definition.ts';

export const SURVEYS: readonly SurveyDefinition[] = [hemtjanst, sarskiltBoende, tryggHemgang, lssDagligVerksamhet, lssGruppboende, ifo];

const byId = new Map(SURVEYS.map((s) => [s.id, s]));
if (byId.size !== SURVEYS.length) throw new Error('Two surveys share an id');

export function getSurvey(id: string | null | undefined): SurveyDefinition | undefined {
  return id ? byId.get(id) : undefined;
}

/** The definition a period was opened with: its version must still be the one shipped. */
export function getSurveyVersion(id: string, version: number): SurveyDefinition | undefined {
  const s = byId.get(id);
  return s && s.version === version ? s : undefined;
}

/** The i18n namespace of a survey's texts. */
export const surveyNs = (def: Pick<SurveyDefinition, 'id'>) => `survey-${def.id}`;
