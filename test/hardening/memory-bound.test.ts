import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawSession, binEnv } from '../helpers/spawn-bin.js';
import { fakeMeeting, startLyingApi, type LyingApi } from '../helpers/lying-api.js';

// Item 6: memory is bounded across the process, whatever the API sends and however many calls ask.

const KEY = 'hc_live_0c4f2e8a6b1d3f5a7c9e';
// A heap far below what 100 calls × 5 pages × 7.9 MiB would need (~4 GB on main): bounded or dead.
const HEAP_MB = 256;
let fake: LyingApi;
let pageBytes = 0;

beforeAll(async () => {
  // 200 meetings with ~40 KB of notes each: a 7.9 MiB page, served for every request, always with another page.
  const notes = 'n'.repeat(41_000);
  const page = Buffer.from(
    JSON.stringify({
      success: true,
      items: Array.from({ length: 200 }, () => fakeMeeting({ notes })),
      pagination: { nextPageToken: 'next', totalCount: 100_000 },
    }),
  );
  pageBytes = page.length;
  let n = 0;
  fake = await startLyingApi(() => ({ body: page, headers: { 'x-page': String(++n) } }));
});
afterAll(() => fake.close());

describe('100 concurrent maxResults calls over 7.9 MiB pages', () => {
  it('never exhaust the heap: each call answers with meetings or a clear, retryable refusal', async () => {
    expect(pageBytes).toBeGreaterThan(7.5 * 1024 * 1024);
    const session = new RawSession(
      [],
      binEnv({ HIRINGCENTER_API_KEY: KEY, HIRINGCENTER_BASE_URL: fake.baseUrl, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` }),
    );
    await session.initialize();
    const died = new Promise<never>((_, reject) =>
      session.child.on('exit', (code, signal) => reject(new Error(`the server died (${code ?? signal}): ${session.stderr.slice(-300)}`))),
    );
    const answers = await Promise.race([
      Promise.all(
        Array.from({ length: 100 }, () => session.request('tools/call', { name: 'list_meetings', arguments: { maxResults: 1000 } })),
      ),
      died,
    ]);
    let served = 0;
    let refused = 0;
    for (const answer of answers) {
      const result = answer.result as {
        isError?: boolean;
        content: { text: string }[];
        structuredContent: { error?: { code: string; retryable: boolean } };
      };
      expect(result, JSON.stringify(answer).slice(0, 300)).toBeDefined();
      if (result.isError) {
        expect(result.structuredContent.error).toMatchObject({ code: 'overloaded', retryable: true });
        expect(result.content[0]!.text).toMatch(/Try again in a few seconds/);
        refused += 1;
      } else {
        expect(result.content[0]!.text).toMatch(/^\d+ of 100000 meetings/);
        served += 1;
      }
    }
    expect(served).toBeGreaterThan(0);
    expect(served + refused).toBe(100);
    // Still alive and serving afterwards.
    const after = await session.request('tools/call', { name: 'list_meetings', arguments: { limit: 1 } });
    expect((after.result as { isError?: boolean }).isError).toBeUndefined();
    const { code } = await session.close();
    expect(code).toBe(0);
    expect(session.stderr).not.toMatch(/heap out of memory/i);
  }, 120_000);
});
