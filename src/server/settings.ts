/**
 * Settings administrators change in the portal (not in the environment): one row per key in
 * portal_settings, read when needed (every instance sees a change at once), each change audited.
 * Unset: the default below.
 *
 *  - `publishRequiresSecondPerson`: publishing an e-tjänst version needs a second person (another
 *    redaktör or an administrator) to approve what the first one asks to publish. Default off: a
 *    municipality with one redaktör can publish; turning it on is the four-eyes rule for what
 *    citizens are asked.
 *  - `hanvisadCountsAsForenkladDecision`: whether a förenklad case referred to an ordinary
 *    application counts in the indicator "antal beslut genom förenklad biståndsbedömning". Default
 *    on (every decided förenklad case counts); the indicator page says which way it is counted.
 */
import { eq, sql } from 'drizzle-orm';
import { portalSettings } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { audit } from './audit.ts';

export const SETTINGS = {
  publishRequiresSecondPerson: { default: false },
  hanvisadCountsAsForenkladDecision: { default: true },
} as const satisfies Record<string, { default: boolean }>;
export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

type Executor = Pick<Db, 'select'>;

export async function readSetting(db: Executor, key: SettingKey): Promise<boolean> {
  const [row] = await db.select({ value: portalSettings.value }).from(portalSettings).where(eq(portalSettings.key, key));
  return typeof row?.value === 'boolean' ? row.value : SETTINGS[key].default;
}

export async function readSettings(db: Executor): Promise<Record<SettingKey, boolean>> {
  const rows = await db.select().from(portalSettings);
  return Object.fromEntries(SETTING_KEYS.map((k) => {
    const v = rows.find((r) => r.key === k)?.value;
    return [k, typeof v === 'boolean' ? v : SETTINGS[k].default];
  })) as Record<SettingKey, boolean>;
}

/** Sets the value (audited with before and after); writing the value it already has changes and audits nothing. */
export async function writeSetting(db: Db, actor: { id: string; ip?: string | null | undefined }, key: SettingKey, value: boolean, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One change at a time per key, so the audit's "before" is what was replaced.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`portal_settings:${key}`}))`);
    const before = await readSetting(tx, key);
    if (before === value) return false;
    await tx
      .insert(portalSettings)
      .values({ key, value, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: portalSettings.key, set: { value, updatedBy: actor.id, updatedAt: now } });
    await audit(tx, { actorType: 'staff', actorId: actor.id, action: 'setting.changed', subjectType: 'setting', subjectId: key, details: { before, after: value }, ip: actor.ip });
    return true;
  });
}
