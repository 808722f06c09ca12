/**
 * `npm test`: unit and integration tests (vitest; on PostgreSQL too when DATABASE_URL is set),
 * then the built server end to end in Chromium (Playwright + axe), then the same build under a
 * PostgreSQL restart (2,000 submissions, nothing confirmed may be lost) and under thousands of hostile
 * posts (never a 5xx), then under every kind of failure with the log read for the answers sent
 * (scripts/test-logs.ts), then as three instances behind nginx on one PostgreSQL
 * (scripts/test-instances.ts). Ends with one line "N passed, N failed", also written to
 * test-results/summary.txt; the reliability, fuzz, log and multi-instance runs count as one test each.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chromiumPath } from '../e2e/chromium.ts';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(cmd: string, args: string[], extra: Record<string, string> = {}): number {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extra } });
  return r.status ?? 1;
}

function counts(file: string, read: (j: Record<string, unknown>) => [number, number]): [number, number] | undefined {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

// No silent skip: without a browser the end-to-end tests cannot run, so say how to get one.
try {
  chromiumPath();
} catch (e) {
  console.error(`\n${(e as Error).message}\n`);
  process.exit(1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
console.log(process.env.DATABASE_URL ? 'Integration tests: PGlite and PostgreSQL (DATABASE_URL).' : 'Integration tests: PGlite only (set DATABASE_URL to include PostgreSQL).');

const unitStatus = run('vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const buildStatus = run('astro', ['build']);
const e2eStatus = buildStatus === 0 ? run('playwright', ['test']) : 1;
const reliabilityStatus = buildStatus === 0 ? run('node', ['scripts/test-reliability.ts'], { RELIABILITY_DIST: 'dist' }) : 1;
const fuzzStatus = buildStatus === 0 ? run('node', ['scripts/fuzz.ts'], { FUZZ_DIST: 'dist' }) : 1;
const logsStatus = buildStatus === 0 ? run('node', ['scripts/test-logs.ts'], { LOGS_DIST: 'dist' }) : 1;
const instancesStatus = buildStatus === 0 ? run('node', ['scripts/test-instances.ts'], { INSTANCES_DIST: 'dist' }) : 1;
const scripted: [string, number][] = [['reliability', reliabilityStatus], ['fuzz', fuzzStatus], ['logs', logsStatus], ['instances', instancesStatus]];

const unit = counts('test-results/vitest.json', (j) => [Number(j.numPassedTests ?? 0), Number(j.numFailedTests ?? 0)]);
const e2e = counts('test-results/e2e.json', (j) => {
  const s = j.stats as Record<string, number>;
  return [s.expected ?? 0, (s.unexpected ?? 0) + (s.flaky ?? 0)];
});

let passed = (unit?.[0] ?? 0) + (e2e?.[0] ?? 0);
let failed = (unit?.[1] ?? 0) + (e2e?.[1] ?? 0);
for (const [, status] of scripted) {
  if (status === 0) passed += 1;
  else failed += 1;
}
// A stage that failed without reporting tests (crash, build error) still counts as a failure.
for (const [status, report] of [[unitStatus, unit], [buildStatus, undefined], [e2eStatus, e2e]] as const) {
  if (status !== 0 && (report === undefined || report[1] === 0)) failed += 1;
}
if (passed === 0 && failed === 0) failed = 1;
const line = `${passed} passed, ${failed} failed`;
writeFileSync('test-results/summary.txt', `${line}\n`);
console.log(`\nunit/integration: ${unit ? `${unit[0]} passed, ${unit[1]} failed` : 'no report'}; e2e: ${e2e ? `${e2e[0]} passed, ${e2e[1]} failed` : 'no report'}; ${scripted.map(([n, st]) => `${n}: ${st === 0 ? 'passed' : 'failed'}`).join('; ')}`);
console.log(line);
process.exit(failed > 0 ? 1 : 0);
