// npm run soak: 1,000 mutations through the MCP server while the API fails 20%
// of requests in every way the emulator can (drops before/after commit,
// 5xx, HTML, 429). The same workload runs on a fault-free API; the final
// states must match: 0 duplicates and 0 lost writes.
import { mulberry32 } from '../src/sandbox/scripted-faults.js';
import { startHarness } from '../test/helpers/harness.js';
import { comparableState, compareStates, runWorkload, type WorkloadOp } from '../test/helpers/mutation-workload.js';

const MUTATIONS = Number(process.env.SOAK_MUTATIONS ?? 1000);
const FAULT_RATE = Number(process.env.SOAK_FAULT_RATE ?? 0.2);
const SEED = Number(process.env.SOAK_SEED ?? 20261125);

const random = mulberry32(SEED);
const ops: WorkloadOp[] = Array.from({ length: MUTATIONS }, (): WorkloadOp => {
  const roll = random();
  if (roll < 0.4) return { kind: 'create', slot: Math.floor(random() * 400) };
  if (roll < 0.85) {
    return {
      kind: 'update',
      target: Math.floor(random() * 1000),
      notes: random() < 0.6 ? ['X', 'Y', 'Z'][Math.floor(random() * 3)] : undefined,
      hour: random() < 0.4 ? 8 + Math.floor(random() * 10) : undefined,
      clearLocation: random() < 0.1,
    };
  }
  return { kind: 'delete', target: Math.floor(random() * 1000) };
});

const clean = await startHarness({ seedCount: 0 });
const faulty = await startHarness({ seedCount: 0 });
await runWorkload(clean, ops);
faulty.sandbox.faults.randomly(FAULT_RATE, SEED);
const started = performance.now();
const run = await runWorkload(faulty, ops);
const seconds = (performance.now() - started) / 1000;
const { duplicates, lostWrites } = compareStates(comparableState(clean.sandbox.store.all()), comparableState(faulty.sandbox.store.all()));

const rows: [string, string | number][] = [
  ['mutations intended', MUTATIONS],
  ['fault rate', `${Math.round(FAULT_RATE * 100)}% of requests`],
  ['tool calls (repeats included)', run.calls],
  ['HTTP requests', faulty.sandbox.requests.length],
  ['faults injected', faulty.sandbox.faults.played],
  ['retries inside the server', faulty.api.stats.retries],
  ['errors surfaced to the agent', run.errorsSurfaced],
  ['changes never applied', run.gaveUp],
  ['meetings at the end', `${faulty.sandbox.store.size} (fault-free run: ${clean.sandbox.store.size})`],
  ['duplicates', duplicates],
  ['lost writes', lostWrites],
  ['wall time', `${seconds.toFixed(1)} s`],
];
for (const [name, value] of rows) console.log(`${name.padEnd(32)} ${value}`);
await clean.close();
await faulty.close();
if (duplicates || lostWrites || run.gaveUp) {
  console.error('FAIL: the faulty run diverged from the fault-free one');
  process.exit(1);
}
