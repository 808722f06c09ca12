import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import { testDatabases } from './test-db.ts';
import { readSetting, readSettings, writeSetting } from './settings.ts';

const ADMIN = { id: '00000000-0000-4000-8000-000000000002', ip: '192.0.2.2' };

for (const target of testDatabases()) {
  describe(`settings changed in the portal (${target.name})`, () => {
    let h: DbHandle;
    beforeAll(async () => {
      h = await target.open();
    });
    afterAll(async () => h.close());

    it('publishing needs no second person until an administrator says so; each change is audited once', async () => {
      expect(await readSetting(h.db, 'publishRequiresSecondPerson')).toBe(false);
      expect(await writeSetting(h.db, ADMIN, 'publishRequiresSecondPerson', true)).toBe(true);
      expect(await writeSetting(h.db, ADMIN, 'publishRequiresSecondPerson', true)).toBe(false);
      expect(await readSettings(h.db)).toEqual({ publishRequiresSecondPerson: true, hanvisadCountsAsForenkladDecision: true });
      await writeSetting(h.db, ADMIN, 'publishRequiresSecondPerson', false);
      const events = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'setting.changed')).orderBy(asc(auditEvents.id));
      expect(events.map((e) => e.details)).toEqual([{ before: false, after: true }, { before: true, after: false }]);
      expect(events.every((e) => e.actorId === ADMIN.id && e.subjectId === 'publishRequiresSecondPerson')).toBe(true);
    });
  });
}
