import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../helpers/harness.js';
import { comparableState, compareStates, runWorkload, type WorkloadOp } from '../helpers/mutation-workload.js';

const op: fc.Arbitrary<WorkloadOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), slot: fc.integer({ min: 0, max: 6 }) }) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant('update' as const),
        target: fc.nat(20),
        notes: fc.constantFrom('X', 'Y', 'Z'),
        hour: fc.integer({ min: 8, max: 17 }),
        clearLocation: fc.boolean(),
      },
      { requiredKeys: ['kind', 'target'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat(20) }) },
);

describe('create/update/delete under injected faults', () => {
  it('ends in the same state as without faults: no duplicates, no lost writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), fc.integer(), async (ops, seed) => {
        const clean = await startHarness({ seedCount: 0 });
        const faulty = await startHarness({ seedCount: 0 });
        try {
          await runWorkload(clean, ops);
          faulty.sandbox.faults.randomly(0.25, seed);
          const run = await runWorkload(faulty, ops);
          expect(run.gaveUp).toBe(0);
          const expected = comparableState(clean.sandbox.store.all());
          const actual = comparableState(faulty.sandbox.store.all());
          expect(compareStates(expected, actual)).toEqual({ duplicates: 0, lostWrites: 0 });
        } finally {
          await clean.close();
          await faulty.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
