import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 3, timeoutMs: 20_000, callBudgetMs: 30_000 });
});
afterAll(() => h.close());

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`never happened: ${what}`);
}

describe('MCP cancellation', () => {
  it('aborts the HTTP request in flight and stops retrying', async () => {
    h.sandbox.faults.push({ delayMs: 10_000 }, { delayMs: 10_000 });
    const from = h.sandbox.requests.length;
    const aborts = h.sandbox.clientAborts();
    const controller = new AbortController();
    const pending = h.client.callTool({ name: 'list_meetings', arguments: {} }, { signal: controller.signal });
    await until(() => h.sandbox.requests.length > from, 'the request reached the API');
    controller.abort('user pressed stop');
    await expect(pending).rejects.toThrow();
    // The emulator sees its client hang up: the request was aborted, not left to run out.
    await until(() => h.sandbox.clientAborts() > aborts, 'the API saw the connection close');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.sandbox.requests.length - from).toBe(1);
    h.sandbox.faults.clear();
  });

  it('stops while waiting to retry', async () => {
    h.sandbox.faults.push({ status: 503, headers: { 'retry-after': '5' } }, { status: 503 });
    const from = h.sandbox.requests.length;
    const controller = new AbortController();
    const pending = h.client.callTool(
      { name: 'get_meeting', arguments: { meetingId: h.seeded[0]!.id } },
      {
        signal: controller.signal,
      },
    );
    await until(() => h.sandbox.requests.length > from, 'the first attempt');
    controller.abort();
    await expect(pending).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.sandbox.requests.length - from).toBe(1);
    // The server is still serving.
    const after = await h.call('get_meeting', { meetingId: h.seeded[0]!.id });
    h.sandbox.faults.clear();
    expect(after.isError).toBe(false);
    expect(after.structured).toMatchObject({ meeting: { id: h.seeded[0]!.id } });
  });
});
