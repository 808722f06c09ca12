/**
 * The survey administration forms, parsed with zod into error codes that the pages word in the
 * reader's language (staff-surveys:errors.<code>).
 */
import { z } from 'zod';
import { UNIT_KIND_IDS, type UnitKind } from '../../domain/surveys/definition.ts';
import { getSurvey } from '../../surveys/index.ts';
import { MAX_BATCH } from './admin.ts';
import { isIsoDate } from './dates.ts';

type FormLike = { get(name: string): string | null; getAll(name: string): string[] };
export type Parsed<T, P extends string> = { ok: true; data: T } | { ok: false; errors: { path: P; code: string }[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

function errorsOf<P extends string>(issues: { path: PropertyKey[]; message: string }[], paths: readonly P[]): { path: P; code: string }[] {
  const seen = new Map<P, string>();
  for (const i of issues) {
    const p = paths.find((x) => x === i.path[0]);
    if (p && !seen.has(p)) seen.set(p, i.message);
  }
  return paths.flatMap((p) => (seen.has(p) ? [{ path: p, code: seen.get(p)! }] : []));
}

export type UnitPath = 'name' | 'kind';
const unitSchema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(120, 'nameTooLong'),
  kind: z.string().refine((k) => (UNIT_KIND_IDS as string[]).includes(k), 'kindRequired'),
});

export function parseUnitForm(form: FormLike): Parsed<{ name: string; kind: UnitKind }, UnitPath> {
  const r = unitSchema.safeParse({ name: (form.get('name') ?? '').slice(0, 500), kind: form.get('kind') ?? '' });
  if (!r.success) return { ok: false, errors: errorsOf(r.error.issues, ['name', 'kind'] as const) };
  return { ok: true, data: { name: r.data.name, kind: r.data.kind as UnitKind } };
}

export type PeriodPath = 'survey' | 'name' | 'opensOn' | 'closesOn' | 'units' | 'openLink';
const date = (required: string, invalid: string) => z.string().trim().min(1, required).refine(isIsoDate, invalid);
const periodSchema = z
  .object({
    survey: z.string().refine((s) => !!getSurvey(s), 'surveyRequired'),
    name: z.string().trim().min(1, 'periodNameRequired').max(120, 'nameTooLong'),
    opensOn: date('opensOnRequired', 'dateFormat'),
    closesOn: date('closesOnRequired', 'dateFormat'),
    units: z.array(z.string().regex(UUID)).min(1, 'unitsRequired'),
    openLink: z.enum(['ja', 'nej'], { message: 'openLinkRequired' }),
  })
  .superRefine((v, ctx) => {
    if (isIsoDate(v.opensOn) && isIsoDate(v.closesOn) && v.closesOn < v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'closesBeforeOpens' });
  });

export type PeriodInput = { surveyId: string; name: string; opensOn: string; closesOn: string; unitIds: string[]; openLink: boolean };

export function parsePeriodForm(form: FormLike): Parsed<PeriodInput, PeriodPath> {
  const r = periodSchema.safeParse({
    survey: form.get('survey') ?? '',
    name: (form.get('name') ?? '').slice(0, 500),
    opensOn: form.get('opensOn') ?? '',
    closesOn: form.get('closesOn') ?? '',
    units: [...new Set(form.getAll('units').filter((u) => UUID.test(u)))],
    openLink: form.get('openLink') ?? '',
  });
  if (!r.success) return { ok: false, errors: errorsOf(r.error.issues, ['survey', 'name', 'opensOn', 'closesOn', 'units', 'openLink'] as const) };
  const v = r.data;
  return { ok: true, data: { surveyId: v.survey, name: v.name, opensOn: v.opensOn, closesOn: v.closesOn, unitIds: v.units, openLink: v.openLink === 'ja' } };
}

export type CodesPath = 'unit' | 'count';
const codesSchema = z.object({
  unit: z.string().regex(UUID, 'unitRequired'),
  count: z
    .string()
    .trim()
    .min(1, 'countRequired')
    .regex(/^\d{1,4}$/, 'countFormat')
    .transform(Number)
    .pipe(z.number().int().min(1, 'countRange').max(MAX_BATCH, 'countRange')),
});

export function parseCodesForm(form: FormLike): Parsed<{ unitId: string; count: number; format: 'print' | 'csv' }, CodesPath> {
  const r = codesSchema.safeParse({ unit: form.get('unit') ?? '', count: (form.get('count') ?? '').slice(0, 20) });
  if (!r.success) return { ok: false, errors: errorsOf(r.error.issues, ['unit', 'count'] as const) };
  return { ok: true, data: { unitId: r.data.unit, count: r.data.count, format: form.get('format') === 'csv' ? 'csv' : 'print' } };
}
