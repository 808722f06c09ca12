/**
 * Structured field types: personnummer, date (day/month/year inputs), number and address.
 * Each is posted as one or more inputs and stored as one normalised value.
 */
import { z } from 'zod';
import type { LeafField } from '../definition.ts';
import { formatPersonnummer, parsePersonnummer, stockholmDate } from '../../personnummer.ts';
import { personRuleError } from '../person-rules.ts';
import { isBlank, runSchema, str, type FieldType } from './types.ts';

type Of<T extends LeafField['type']> = Extract<LeafField, { type: T }>;

export const personnummer: FieldType<Of<'personnummer'>> = {
  errorCodes: ['required', 'format', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path, ctx) {
    const raw = str(values, path).trim();
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    if (!/^[0-9 +-]{10,15}$/.test(raw)) return { ok: false, errors: [{ path, code: 'format', field: f }] };
    const p = parsePersonnummer(raw, ctx.today);
    if (!p) return { ok: false, errors: [{ path, code: 'invalid', field: f }] };
    const broken = personRuleError(f.person, p, ctx.today);
    return broken ? { ok: false, errors: [{ path, code: broken, field: f }] } : { ok: true, value: formatPersonnummer(p) };
  },
  toForm: (_f, v, path) => (typeof v === 'string' ? { [path]: v } : {}),
  display: (_f, v) => (typeof v === 'string' ? [{ text: v }] : []),
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const date: FieldType<Of<'date'>> = {
  errorCodes: ['required', 'format', 'invalid', 'notPast', 'notFuture'],
  inputs: (_f, path) => ['day', 'month', 'year'].map((p) => ({ name: `${path}.${p}`, multiple: false })),
  parse(f, values, path, ctx) {
    const names = ['day', 'month', 'year'].map((p) => `${path}.${p}`);
    if (isBlank(values, names)) return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path: `${path}.day`, code: 'required', field: f }] };
    const [d, m, y] = names.map((n) => str(values, n).trim());
    if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? '')) {
      return { ok: false, errors: [{ path: `${path}.day`, code: 'format', field: f }] };
    }
    const [day, month, year] = [Number(d), Number(m), Number(y)];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      return { ok: false, errors: [{ path: `${path}.day`, code: 'invalid', field: f }] };
    }
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    const t = stockholmDate(ctx.today);
    const today = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
    if (f.past && iso > today) return { ok: false, errors: [{ path: `${path}.day`, code: 'notPast', field: f }] };
    if (f.future && iso < today) return { ok: false, errors: [{ path: `${path}.day`, code: 'notFuture', field: f }] };
    return { ok: true, value: iso };
  },
  toForm(_f, v, path) {
    if (typeof v !== 'string') return {};
    const [y = '', m = '', d = ''] = v.split('-');
    return { [`${path}.day`]: String(Number(d)), [`${path}.month`]: String(Number(m)), [`${path}.year`]: y };
  },
  display: (_f, v) => (typeof v === 'string' ? [{ key: 'common:display.date', params: { date: v } }] : []),
};

/** "YYYY-MM" of the month `offset` months from `today`'s month in Sweden. */
function monthFrom(today: Date, offset: number): string {
  const t = stockholmDate(today);
  const i = t.year * 12 + (t.month - 1) + offset;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** The months a month field offers today, in order, as "YYYY-MM". */
export function monthsOffered(f: Pick<Of<'month'>, 'monthsBefore' | 'monthsAfter'>, today: Date): string[] {
  return Array.from({ length: f.monthsBefore + 1 + f.monthsAfter }, (_, k) => monthFrom(today, k - f.monthsBefore));
}

export const month: FieldType<Of<'month'>> = {
  errorCodes: ['required', 'invalid'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path, ctx) {
    const raw = str(values, path).trim();
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    // One month's slack at each end: a page shown just before a month ends may be sent just after.
    const allowed = monthsOffered({ monthsBefore: f.monthsBefore + 1, monthsAfter: f.monthsAfter + 1 }, ctx.today);
    return allowed.includes(raw) ? { ok: true, value: raw } : { ok: false, errors: [{ path, code: 'invalid', field: f }] };
  },
  toForm: (_f, v, path) => (typeof v === 'string' ? { [path]: v } : {}),
  display: (_f, v) => (typeof v === 'string' ? [{ key: 'common:display.month', params: { month: v } }] : []),
};

export const number: FieldType<Of<'number'>> = {
  errorCodes: ['required', 'format', 'tooSmall', 'tooLarge'],
  inputs: (_f, path) => [{ name: path, multiple: false }],
  parse(f, values, path) {
    // Accept Swedish thousands separators ("12 500") and a decimal comma.
    const raw = str(values, path).trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
    if (raw === '') return f.optional ? { ok: true, value: undefined } : { ok: false, errors: [{ path, code: 'required', field: f }] };
    return runSchema(
      z.string().regex(/^-?\d+(\.\d+)?$/, 'format').transform(Number).pipe(z.number().min(f.min, 'tooSmall').max(f.max, 'tooLarge')),
      raw,
      f,
      path,
      { min: f.min, max: f.max },
    );
  },
  toForm: (_f, v, path) => (typeof v === 'number' ? { [path]: String(v) } : {}),
  display: (_f, v) => (typeof v === 'number' ? [{ key: 'common:display.number', params: { value: v } }] : []),
};

export type Address = { street: string; postcode: string; city: string };

const addressSchema = z.object({
  street: z.string().min(1, 'streetRequired').max(200, 'streetTooLong'),
  postcode: z
    .string()
    .min(1, 'postcodeRequired')
    .transform((s) => s.replace(/\s/g, ''))
    .pipe(z.string().regex(/^[1-9]\d{4}$/, 'postcodeFormat'))
    .transform((s) => `${s.slice(0, 3)} ${s.slice(3)}`),
  city: z.string().min(1, 'cityRequired').max(100, 'cityTooLong'),
});

export const address: FieldType<Of<'address'>> = {
  errorCodes: ['streetRequired', 'streetTooLong', 'postcodeRequired', 'postcodeFormat', 'cityRequired', 'cityTooLong', 'invalid'],
  inputs: (_f, path) => ['street', 'postcode', 'city'].map((p) => ({ name: `${path}.${p}`, multiple: false })),
  parse(f, values, path) {
    const names = ['street', 'postcode', 'city'].map((p) => `${path}.${p}`);
    if (f.optional && isBlank(values, names)) return { ok: true, value: undefined };
    const [street, postcode, city] = names.map((n) => str(values, n).trim());
    return runSchema(addressSchema, { street, postcode, city }, f, path);
  },
  toForm(_f, v, path) {
    if (!v || typeof v !== 'object') return {};
    const a = v as Address;
    return { [`${path}.street`]: a.street, [`${path}.postcode`]: a.postcode, [`${path}.city`]: a.city };
  },
  display(_f, v) {
    if (!v || typeof v !== 'object') return [];
    const a = v as Address;
    return [{ text: a.street }, { text: `${a.postcode} ${a.city}` }];
  },
};
