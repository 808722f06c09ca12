/**
 * The administrator's form for a new rule-set period (/handlaggning/admin/regelverk): every value
 * as typed (kept on a refused post), and parsed into a rule set with one error code per field that
 * the page words in the reader's language. The limits are those of the FORENKLAD_* and FEE_*
 * settings (src/domain/rules/periods.ts).
 */
import type { FormInput } from '../domain/forms/answers.ts';
import { FORENKLAD_INSATSER, type ForenkladInsats, type ForenkladRules } from '../domain/rules/forenklad.ts';

export const NUMBER_FIELDS = [
  { path: 'ageLimit', min: 0, max: 120, step: 1 },
  { path: 'stadningIntervalWeeks', min: 1, max: 52, step: 1 },
  { path: 'stadningHours', min: 0.5, max: 24, step: 0.5 },
  { path: 'tvattIntervalWeeks', min: 1, max: 52, step: 1 },
  { path: 'inkopIntervalWeeks', min: 1, max: 52, step: 1 },
  { path: 'trygghetslarmMonthly', min: 0, max: 100_000, step: 1 },
  { path: 'trygghetslarmInstallation', min: 0, max: 100_000, step: 1 },
  { path: 'homeCareHourly', min: 0, max: 100_000, step: 1 },
  { path: 'maxtaxaMonthly', min: 0, max: 100_000, step: 1 },
] as const;
export type NumberPath = (typeof NUMBER_FIELDS)[number]['path'];
export const YES_NO_FIELDS = ['requireFolkbokford', 'requireOrdinaryHousing', 'householdMustMeetAgeLimit'] as const;
export type YesNoPath = (typeof YES_NO_FIELDS)[number];
export type RulesPath = 'validFrom' | NumberPath | YesNoPath | 'offered';
/** In the order the form shows them (the error summary follows it). */
export const RULES_PATHS: RulesPath[] = ['validFrom', 'ageLimit', ...YES_NO_FIELDS, 'offered', 'stadningIntervalWeeks', 'stadningHours', 'tvattIntervalWeeks', 'inkopIntervalWeeks', 'trygghetslarmMonthly', 'trygghetslarmInstallation', 'homeCareHourly', 'maxtaxaMonthly'];

export type RulesFormValues = Record<Exclude<RulesPath, 'offered'>, string> & { offered: string[] };
export type RulesFormError = { path: RulesPath; code: string; min?: number; max?: number };

/** A rule set as the form shows it (the values to start a new period from). */
export function formValuesOf(r: ForenkladRules, validFrom = ''): RulesFormValues {
  const s = (n: number) => String(n);
  const yn = (b: boolean) => (b ? 'ja' : 'nej');
  return {
    validFrom,
    ageLimit: s(r.ageLimit),
    requireFolkbokford: yn(r.requireFolkbokford),
    requireOrdinaryHousing: yn(r.requireOrdinaryHousing),
    householdMustMeetAgeLimit: yn(r.householdMustMeetAgeLimit),
    offered: [...r.offered],
    stadningIntervalWeeks: s(r.limits.stadningIntervalWeeks),
    stadningHours: s(r.limits.stadningHours),
    tvattIntervalWeeks: s(r.limits.tvattIntervalWeeks),
    inkopIntervalWeeks: s(r.limits.inkopIntervalWeeks),
    trygghetslarmMonthly: s(r.fees.trygghetslarmMonthly),
    trygghetslarmInstallation: s(r.fees.trygghetslarmInstallation),
    homeCareHourly: s(r.fees.homeCareHourly),
    maxtaxaMonthly: s(r.fees.maxtaxaMonthly),
  };
}

/** The form as posted, each value cut to a sane length. */
export function readRulesForm(form: FormInput): RulesFormValues {
  const get = (p: string) => (form.get(p) ?? '').slice(0, 100);
  const values = { offered: form.getAll('offered').filter((o): o is ForenkladInsats => (FORENKLAD_INSATSER as readonly string[]).includes(o)) } as RulesFormValues;
  for (const p of RULES_PATHS) if (p !== 'offered') values[p] = get(p);
  return values;
}

/** "2 576", "2576", "2,5", "2.5" → a number; anything else → NaN. */
function readNumber(raw: string): number {
  const v = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(v: string): boolean {
  const m = DAY.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function parseRulesForm(v: RulesFormValues): { ok: true; validFrom: string; rules: ForenkladRules } | { ok: false; errors: RulesFormError[] } {
  const errors: RulesFormError[] = [];
  const validFrom = v.validFrom.trim();
  if (validFrom === '') errors.push({ path: 'validFrom', code: 'validFromRequired' });
  else if (!isCalendarDay(validFrom)) errors.push({ path: 'validFrom', code: 'validFromFormat' });
  const n = {} as Record<NumberPath, number>;
  for (const f of NUMBER_FIELDS) {
    const raw = v[f.path].trim();
    if (raw === '') {
      errors.push({ path: f.path, code: 'numberRequired' });
      continue;
    }
    const x = readNumber(raw);
    if (Number.isNaN(x) || !Number.isInteger(x / f.step)) errors.push({ path: f.path, code: f.step === 1 ? 'wholeNumber' : 'halfHours' });
    else if (x < f.min || x > f.max) errors.push({ path: f.path, code: 'outOfRange', min: f.min, max: f.max });
    else n[f.path] = x;
  }
  const yn = {} as Record<YesNoPath, boolean>;
  for (const p of YES_NO_FIELDS) {
    if (v[p] === 'ja' || v[p] === 'nej') yn[p] = v[p] === 'ja';
    else errors.push({ path: p, code: 'chooseYesNo' });
  }
  if (errors.length > 0) return { ok: false, errors: RULES_PATHS.flatMap((p) => errors.filter((e) => e.path === p)) };
  return {
    ok: true,
    validFrom,
    rules: {
      ageLimit: n.ageLimit,
      requireFolkbokford: yn.requireFolkbokford,
      requireOrdinaryHousing: yn.requireOrdinaryHousing,
      householdMustMeetAgeLimit: yn.householdMustMeetAgeLimit,
      offered: FORENKLAD_INSATSER.filter((i) => v.offered.includes(i)),
      limits: { stadningIntervalWeeks: n.stadningIntervalWeeks, stadningHours: n.stadningHours, tvattIntervalWeeks: n.tvattIntervalWeeks, inkopIntervalWeeks: n.inkopIntervalWeeks },
      fees: { trygghetslarmMonthly: n.trygghetslarmMonthly, trygghetslarmInstallation: n.trygghetslarmInstallation, homeCareHourly: n.homeCareHourly, maxtaxaMonthly: n.maxtaxaMonthly },
    },
  };
}
