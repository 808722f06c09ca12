/**
 * `npm run gallring [-- --dry-run] [-- --survey-code-months 12]`: removes what the retention rules
 * say may no longer be kept (see src/server/gallring.ts), with one audit event per removal, and
 * prints what went (ids, references and e-tjänst ids only). `--dry-run` lists what would go. When
 * something planned was not removed, it says which and exits with code 2.
 *
 * Run it daily (cron or a systemd timer, e.g. `15 3 * * * cd /srv/portal && npm run gallring`).
 * Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data; stop
 * the portal first then, PGlite allows one process at a time).
 *
 * The retention rules come from the e-tjänst versions themselves, every version ever published, read
 * from the database (src/server/etjanster/retention.ts).
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { describeItem, runGallring, type RetentionRule } from '../src/server/gallring.ts';
import { retentionRules } from '../src/server/etjanster/retention.ts';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'survey-code-months': { type: 'string', default: '12' },
  },
});
const dryRun = values['dry-run'];
const surveyCodeMonths = Number(values['survey-code-months']);
if (!Number.isInteger(surveyCodeMonths) || surveyCodeMonths < 0) {
  console.error('--survey-code-months must be a whole number of months');
  process.exit(1);
}

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data', migrate: false });
try {
  const rules: RetentionRule[] = await retentionRules(handle.db);
  const report = await runGallring(handle.db, { rules, surveyCodeMonths, dryRun });
  console.log(dryRun ? `Gallring, provkörning: ${report.items.length} skulle tas bort.` : `Gallring: ${report.items.length} borttagna (var och en med en händelse i granskningsloggen).`);
  for (const item of report.items) console.log(`  ${describeItem(item)}`);
  if (report.alreadyGone.length > 0) console.log(`  ${report.alreadyGone.length} planerade var redan borttagna av en annan körning (en annan instans) och räknas där.`);
  for (const u of report.unknownRule) console.log(`  behålls: ${u.cases} avslutade ärenden i ${u.serviceId} version ${u.serviceVersion}, som saknar känd gallringsregel`);
  if (report.missed.length > 0) {
    // Planned and done differ: say what was not removed and fail, so that cron or a timer reports it.
    console.error(`Gallring: ${report.missed.length} av ${report.items.length + report.missed.length} planerade borttagningar blev inte gjorda:`);
    for (const item of report.missed) console.error(`  ej borttagen: ${describeItem(item)}`);
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
