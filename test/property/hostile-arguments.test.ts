import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 5 });
});
afterAll(() => h.close());

// Values a careless or hostile caller might send for any argument.
const hostile = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('../', '..%2f', '%2e%2e', '?x=1', '#frag', 'a/b', '', ' ', '\u0000', 'x'.repeat(100_001)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, 2 ** 60, 1741615200, 1741615200000),
  fc.constantFrom('2025-03-09T02:30', '2025-03-10T10:00', '2025-13-01T10:00', 'EST', 'America/New_York', null, true),
);
const ARGUMENT_NAMES = [
  'meetingId',
  'prospectId',
  'ownerId',
  'meetingType',
  'meetingDate',
  'timeZone',
  'location',
  'notes',
  'userId',
  'meetingDateAfter',
  'meetingDateBefore',
  'limit',
  'pageToken',
  'idempotencyKey',
  'constructor',
  '__proto__',
  'extra',
];
const argumentsArb = fc.dictionary(fc.constantFrom(...ARGUMENT_NAMES), hostile, { maxKeys: 6 });
const TOOLS = ['list_meetings', 'get_meeting', 'create_meeting', 'update_meeting', 'delete_meeting'];

// Every path the server may legitimately send: the collection, or one safe id.
const SAFE_PATH = /^\/v2\/meetings(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)?$/;

describe('any arguments at all', () => {
  it('never crash the server, always get a readable answer, and never send the API anything invalid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOOLS), argumentsArb, async (name, args) => {
        const from = h.sandbox.requests.length;
        const result = await h.client.callTool({ name, arguments: args });
        const text = (result.content as { text: string }[])[0]!.text;
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
        if (result.isError && /Nothing was sent/.test(text)) expect(h.sandbox.requests.length).toBe(from);
        for (const request of h.sandbox.requests.slice(from)) {
          expect(request.path).toMatch(SAFE_PATH);
          // The emulator validates like the API: nothing we send may be refused as malformed
          // (save a pageToken, which is opaque: only the API can tell a forged one).
          if (!request.query.has('pageToken')) expect([400, 422]).not.toContain(request.status);
        }
      }),
      { numRuns: 300 },
    );
    // Still serving after all that.
    const after = await h.call('list_meetings', { limit: 1 });
    expect(after.isError).toBe(false);
  });

  it('that are not even an object get a protocol error, and the server keeps serving', async () => {
    for (const args of ['../', 42, [1, 2], null]) {
      await expect(h.client.callTool({ name: 'get_meeting', arguments: args as unknown as Record<string, unknown> })).rejects.toThrow();
    }
    expect((await h.call('list_meetings', { limit: 1 })).isError).toBe(false);
  });
});
