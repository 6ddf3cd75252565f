import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HiringCenterClient } from '../../src/api/client.js';
import { ApiHttpError, ApiNetworkError, ApiTimeoutError } from '../../src/api/errors.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { caught, SAMPLE_CREATE_BODY } from '../helpers/fixtures.js';
import { FIXED_NOW, TEST_KEY, testClient } from '../helpers/harness.js';

let sandbox: SandboxApi;
let client: HiringCenterClient;

const body = SAMPLE_CREATE_BODY;

beforeAll(async () => {
  sandbox = await startSandboxApi({ apiKey: TEST_KEY, now: () => FIXED_NOW });
  client = testClient(sandbox.baseUrl, { timeoutMs: 300, retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 } });
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});
beforeEach(() => sandbox.faults.clear());

/** Runs `fn` and returns the requests the emulator received meanwhile. */
async function counting<T>(fn: () => Promise<T>) {
  const from = sandbox.requests.length;
  const result = await fn().catch((error: unknown) => error);
  return { result, requests: sandbox.requests.slice(from) };
}

describe('retries', () => {
  it.each([408, 425, 429, 500, 502, 503, 504])('retries HTTP %i and then succeeds', async (status) => {
    sandbox.faults.push({ status });
    const { result, requests } = await counting(() => client.listMeetings({}));
    expect(result).toMatchObject({ items: [] });
    expect(requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422])('sends HTTP %i back at once, without retrying', async (status) => {
    sandbox.faults.push({ status });
    const { result, requests } = await counting(() => client.listMeetings({}));
    expect(result).toBeInstanceOf(ApiHttpError);
    expect(requests).toHaveLength(1);
    sandbox.faults.clear();
  });

  it('retries a dropped connection and a per-attempt timeout', async () => {
    sandbox.faults.push({ drop: 'before' }, { delayMs: 600 });
    const { result, requests } = await counting(() => client.listMeetings({}));
    expect(result).toMatchObject({ items: [] });
    expect(requests).toHaveLength(3);
  });

  it('gives up after maxRetries, saying how many attempts it made', async () => {
    sandbox.faults.push(...Array.from({ length: 6 }, () => ({ status: 503 })));
    const { result, requests } = await counting(() => client.listMeetings({}));
    expect(result).toBeInstanceOf(ApiHttpError);
    expect((result as ApiHttpError).attempts).toBe(4);
    expect((result as ApiHttpError).stoppedBecause).toBe('exhausted');
    expect(requests).toHaveLength(4);
  });

  it('does not wait out a Retry-After longer than the call may take', async () => {
    sandbox.faults.push({ status: 429, headers: { 'retry-after': '120' } });
    const { result, requests } = await counting(() => client.listMeetings({}));
    expect((result as ApiHttpError).stoppedBecause).toBe('budget');
    expect((result as ApiHttpError).retryAfterMs).toBe(120_000);
    expect(requests).toHaveLength(1);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    sandbox.faults.push({ status: 503, headers: { 'retry-after': new Date(Date.now() - 1_000).toUTCString() } });
    const { result, requests } = await counting(() => client.listMeetings({}));
    expect(result).toMatchObject({ items: [] });
    expect(requests).toHaveLength(2);
  });

  it('retries a mutation with the same idempotency key, so a lost answer never duplicates', async () => {
    sandbox.faults.push({ method: 'POST', drop: 'after' }, { method: 'POST', status: 504, afterCommit: true });
    const before = sandbox.store.size;
    const { result, requests } = await counting(() => client.createMeeting(body));
    expect(result).toMatchObject({ prospectId: body.prospectId });
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
    expect(sandbox.store.size).toBe(before + 1);
  });

  it('reports a dead API as a network error after every attempt', async () => {
    const dead = testClient('http://127.0.0.1:1/v2', { timeoutMs: 300, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 10 } });
    const error = await caught(dead.listMeetings({}));
    expect(error).toBeInstanceOf(ApiNetworkError);
    expect((error as ApiNetworkError).attempts).toBe(3);
    await dead.close();
  });

  it('keeps a whole call inside its budget', async () => {
    const slow = testClient(sandbox.baseUrl, {
      timeoutMs: 10_000,
      callBudgetMs: 700,
      retry: { maxRetries: 5, baseDelayMs: 5, maxDelayMs: 10 },
    });
    sandbox.faults.push({ delayMs: 2_000 }, { delayMs: 2_000 });
    const error = await caught(slow.listMeetings({}));
    expect(error).toBeInstanceOf(ApiTimeoutError);
    // The first attempt's timeout is cut to the budget, which leaves nothing for a second.
    expect((error as ApiTimeoutError).attempts).toBe(1);
    await slow.close();
  });
});
