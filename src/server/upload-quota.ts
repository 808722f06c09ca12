/**
 * Upload quotas (docs/adr/0009): how much one person (by e-legitimation) and one client address may
 * upload per day, and may have uploaded but not yet sent. Who uploaded is kept only as a keyed hash
 * with a key derived from the portal's secret and the day, so neither the database nor a log can
 * tell an address or a personnummer from it, and yesterday's hashes match nothing today. Counters
 * are removed by gallring the day after; an upload's hashes are cleared when it joins a case.
 */
import { stockholmDay } from '../domain/format.ts';
import { createHmac } from 'node:crypto';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { uploadQuotaCounters, uploads } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { config } from './config.ts';
import { deriveKey } from './secrets.ts';

export type Uploader = { personnummer?: string | null | undefined; address?: string | null | undefined };

export type QuotaLimits = { personDayBytes: number; personDayFiles: number; addressDayBytes: number; addressDayFiles: number; unsentBytes: number };

const MB = 1024 * 1024;

export function quotaLimits(): QuotaLimits {
  const c = config();
  return {
    personDayBytes: c.UPLOAD_QUOTA_PERSON_DAY_MB * MB,
    personDayFiles: c.UPLOAD_QUOTA_PERSON_DAY_FILES,
    addressDayBytes: c.UPLOAD_QUOTA_ADDRESS_DAY_MB * MB,
    addressDayFiles: c.UPLOAD_QUOTA_ADDRESS_DAY_FILES,
    unsentBytes: c.UPLOAD_QUOTA_UNSENT_MB * MB,
  };
}

/** The calendar day in Swedish time, YYYY-MM-DD. */
export { stockholmDay };

function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The keyed hash of "person:…" or "address:…" for one day. */
export function quotaKey(kind: 'person' | 'address', value: string, day: string): string {
  const dayKey = createHmac('sha256', deriveKey('upload-quota')).update(day).digest();
  return createHmac('sha256', dayKey).update(`${kind}:${value}`).digest('base64url').slice(0, 32);
}

export type QuotaKeys = { person: string | null; address: string | null; day: string };

export function quotaKeys(who: Uploader, now = new Date()): QuotaKeys {
  const day = stockholmDay(now);
  return { person: who.personnummer ? quotaKey('person', who.personnummer, day) : null, address: who.address ? quotaKey('address', who.address, day) : null, day };
}

/**
 * Counts a file of `size` bytes against the uploader's quotas, or refuses it (false) when any
 * would be passed. The day's counters are raised only if every one stays within its limit.
 */
export async function takeQuota(db: Db, who: Uploader, size: number, limits = quotaLimits(), now = new Date()): Promise<boolean> {
  const keys = quotaKeys(who, now);
  const checks: { key: string; bytes: number; files: number }[] = [];
  if (keys.person) checks.push({ key: keys.person, bytes: limits.personDayBytes, files: limits.personDayFiles });
  if (keys.address) checks.push({ key: keys.address, bytes: limits.addressDayBytes, files: limits.addressDayFiles });
  if (checks.length === 0) return true;
  if (checks.some((c) => size > c.bytes)) return false;

  // Not yet sent: today's and yesterday's uploads by the same person or address, not yet in a case.
  const earlier = { person: who.personnummer ? quotaKey('person', who.personnummer, dayBefore(keys.day)) : null, address: who.address ? quotaKey('address', who.address, dayBefore(keys.day)) : null };
  for (const [column, values] of [
    [uploads.quotaPersonKey, [keys.person, earlier.person]],
    [uploads.quotaAddressKey, [keys.address, earlier.address]],
  ] as const) {
    const wanted = values.filter((v): v is string => v !== null);
    if (wanted.length === 0) continue;
    const [row] = await db
      .select({ bytes: sql<number>`coalesce(sum(${uploads.size}), 0)::bigint` })
      .from(uploads)
      .where(and(inArray(column, wanted), isNull(uploads.submissionId), isNull(uploads.messageId)));
    if (Number(row?.bytes ?? 0) + size > limits.unsentBytes) return false;
  }

  return db.transaction(async (tx) => {
    for (const c of checks) {
      const raised = await tx
        .insert(uploadQuotaCounters)
        .values({ key: c.key, day: keys.day, bytes: size, files: 1 })
        .onConflictDoUpdate({
          target: [uploadQuotaCounters.key, uploadQuotaCounters.day],
          set: { bytes: sql`${uploadQuotaCounters.bytes} + excluded.bytes`, files: sql`${uploadQuotaCounters.files} + 1` },
          setWhere: sql`${uploadQuotaCounters.bytes} + excluded.bytes <= ${c.bytes} and ${uploadQuotaCounters.files} + 1 <= ${c.files}`,
        })
        .returning({ files: uploadQuotaCounters.files });
      // Over a limit: undo whatever this file already counted (the transaction), and refuse it.
      if (raised.length === 0) throw new OverQuota();
    }
    return true;
  }).catch((e: unknown) => {
    if (e instanceof OverQuota) return false;
    throw e;
  });
}

class OverQuota extends Error {
  constructor() {
    super('upload quota reached');
    this.name = 'OverQuota';
  }
}
