/**
 * `npm run bench [-- --keep] [-- --rows=N]`: the inbox benchmark (scripts/bench.ts), the indicator
 * benchmark (scripts/bench-indicators.ts) and the HTTP benchmark (scripts/bench-http.ts: pages,
 * submissions, memory and page weight of the built portal), each in a process of its own. All
 * always run, even when one misses its target or fails; the exit code is 0 only when all met
 * their targets.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const benches = [
  { name: 'inbox', script: 'scripts/bench.ts', args: args.filter((a) => a === '--keep' || a.startsWith('--rows=')) },
  { name: 'indicators', script: 'scripts/bench-indicators.ts', args },
  { name: 'http', script: 'scripts/bench-http.ts', args: [] },
];

const results = benches.map((b) => {
  const r = spawnSync(process.execPath, [b.script, ...b.args], { stdio: 'inherit' });
  const code = r.status ?? 1;
  return { name: b.name, ok: code === 0, why: r.error ? r.error.message : r.signal ? `stopped by ${r.signal}` : `exit code ${code}` };
});

console.log('\nBenchmarks:');
for (const r of results) console.log(`  ${r.name.padEnd(12)} ${r.ok ? 'target met' : `target missed or failed (${r.why})`}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
