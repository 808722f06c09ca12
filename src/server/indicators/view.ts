/**
 * Loading and presenting the indicators for the pages: one fetch through the repository, the
 * computations of src/domain/indicators, the survey measures of the year, and the small formatting
 * helpers the public page, the dashboard and the CSV exports share.
 */
import { readSetting } from '../settings.ts';
import { formats } from '../../domain/format.ts';
import type { TFunction } from 'i18next';
import type { Db } from '../../../db/client.ts';
import { computeIndicators, type Indicators } from '../../domain/indicators/index.ts';
import type { IndicatorData, ServiceInfo } from '../../domain/indicators/data.ts';
import { everyService } from '../etjanster/registry.ts';
import { readLifecycle } from '../lifecycle.ts';
import { suppressOne, type Shown } from '../../domain/indicators/suppress.ts';
import { surveyMeasures, type SurveyMeasure } from '../surveys/measures.ts';
import { fetchIndicatorData } from './repository.ts';
import { isUnavailable } from '../db.ts';
import { log } from '../log.ts';

export type IndicatorView = { data: IndicatorData; indicators: Indicators; surveys: Map<string, SurveyMeasure> | null };

export async function serviceInfos(db: Db): Promise<ServiceInfo[]> {
  return (await everyService(db)).map((s) => ({ id: s.id, area: s.area, category: s.category, forenkladInsats: s.forenkladInsats }));
}

/** The indicator data for the pages: life cycle rows ensured for every registered e-tjänst first. */
export async function loadIndicatorData(db: Db, now = new Date()): Promise<IndicatorData> {
  await readLifecycle(db, now);
  return fetchIndicatorData(db, { now, services: await serviceInfos(db) });
}

export async function loadIndicators(db: Db, now = new Date()): Promise<IndicatorView> {
  const data = await loadIndicatorData(db, now);
  const indicators = computeIndicators(data, { hanvisadCounts: await readSetting(db, 'hanvisadCountsAsForenkladDecision') });
  let surveys: Map<string, SurveyMeasure> | null = null;
  try {
    surveys = (await surveyMeasures(db, { year: indicators.currentYear })) as Map<string, SurveyMeasure>;
  } catch (e) {
    // The survey measures are their own module; a fault there leaves their slot empty, not the page.
    if (isUnavailable(e)) throw e;
    log('error', 'indicators: survey measures failed', {}, e);
    surveys = null;
  }
  return { data, indicators, surveys };
}

/** Numbers in the reader's language with at most one decimal. */
export type NumberText = { format: (n: number) => string };

export function numberFormat(lang: string): NumberText {
  const { number } = formats(lang);
  return { format: (n) => number(n, 1) };
}

export function showCount(t: TFunction, nf: NumberText, s: Shown): string {
  return s.kind === 'suppressed' ? t('indicators:suppressed') : nf.format(s.value);
}

/** A count, suppressed when public and small. */
export function countText(t: TFunction, nf: NumberText, value: number | null, publicView: boolean): string {
  if (value === null) return t('indicators:notAvailable');
  return publicView ? showCount(t, nf, suppressOne(value)) : nf.format(value);
}

export function percentText(t: TFunction, nf: NumberText, part: number, whole: number, publicView: boolean): string {
  if (whole === 0 || (publicView && whole < 5)) return t('indicators:notAvailable');
  return t('indicators:percent', { value: nf.format(Math.round((part / whole) * 1000) / 10) });
}

export function durationText(t: TFunction, minutes: number | null): string {
  if (minutes === null) return t('indicators:notAvailable');
  if (minutes < 60) return t('indicators:minutes', { count: minutes });
  if (minutes < 1440) return t('indicators:hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('indicators:days', { count: Math.round((minutes / 1440) * 10) / 10 });
}
