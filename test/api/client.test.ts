import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HiringCenterClient } from '../../src/api/client.js';
import { ApiContractError, ApiHttpError, ApiNetworkError, ApiTimeoutError, MissingApiKeyError } from '../../src/api/errors.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { caught, SAMPLE_CREATE_BODY } from '../helpers/fixtures.js';
import { FIXED_NOW, TEST_KEY, testClient } from '../helpers/harness.js';

let sandbox: SandboxApi;
let client: HiringCenterClient;

const createBody = SAMPLE_CREATE_BODY;

beforeAll(async () => {
  sandbox = await startSandboxApi({ apiKey: TEST_KEY, now: () => FIXED_NOW });
  seedMeetings(sandbox.store, { now: FIXED_NOW, count: 10 });
  client = testClient(sandbox.baseUrl);
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});
beforeEach(() => sandbox.faults.clear());

const lastRequest = () => sandbox.requests.at(-1)!;

describe('HiringCenterClient', () => {
  it('sends the key as a Bearer token and reads a list', async () => {
    const page = await client.listMeetings({ limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.pagination?.totalCount).toBe(10);
    expect(lastRequest().headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(lastRequest().query.get('limit')).toBe('3');
    expect(lastRequest().headers['x-idempotency-key']).toBeUndefined();
  });

  it('sends a deterministic X-Idempotency-Key on every mutation', async () => {
    const created = await client.createMeeting(createBody);
    const firstKey = lastRequest().headers['x-idempotency-key'];
    expect(firstKey).toMatch(/^hcmcp-v2-/);
    // The same call again: same key, and the API replays the original instead of creating a duplicate.
    const again = await client.createMeeting({ ...createBody });
    expect(lastRequest().headers['x-idempotency-key']).toBe(firstKey);
    expect(again.id).toBe(created.id);

    await client.updateMeeting(created.id, { notes: 'x' });
    const updateKey = lastRequest().headers['x-idempotency-key'];
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().path).toBe(`/v2/meetings/${created.id}`);
    expect(JSON.parse(lastRequest().body)).toEqual({ notes: 'x' });
    await client.updateMeeting(created.id, { notes: 'y' });
    expect(lastRequest().headers['x-idempotency-key']).not.toBe(updateKey);

    await client.deleteMeeting(created.id);
    expect(lastRequest().method).toBe('DELETE');
    expect(lastRequest().headers['x-idempotency-key']).toMatch(/^hcmcp-v2-/);
  });

  it('refuses to send anything without a key', async () => {
    const keyless = testClient(sandbox.baseUrl, { apiKey: undefined });
    const before = sandbox.requests.length;
    expect(await caught(keyless.listMeetings({}))).toBeInstanceOf(MissingApiKeyError);
    expect(sandbox.requests.length).toBe(before);
    await keyless.close();
  });

  it.each([401, 403, 404, 409, 422, 500, 503])('turns HTTP %i into an ApiHttpError with the API message', async (status) => {
    sandbox.faults.push({ status, body: JSON.stringify({ success: false, error: { code: 'x', message: `upstream says ${status}` } }) });
    const error = await caught(client.getMeeting('abc'));
    expect(error).toBeInstanceOf(ApiHttpError);
    expect((error as ApiHttpError).status).toBe(status);
    expect((error as ApiHttpError).apiMessage).toBe(`upstream says ${status}`);
  });

  it('reads the flat error envelope and Retry-After in seconds or as a date', async () => {
    sandbox.faults.push({ status: 429, headers: { 'retry-after': '7' }, body: '{"success":false,"message":"slow down"}' });
    const seconds = (await caught(client.listMeetings({}))) as ApiHttpError;
    expect(seconds.apiMessage).toBe('slow down');
    expect(seconds.retryAfterMs).toBe(7000);

    sandbox.faults.push({ status: 503, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } });
    const date = (await caught(client.listMeetings({}))) as ApiHttpError;
    expect(date.retryAfterMs).toBeGreaterThan(25_000);
    expect(date.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('redacts the key when the API echoes it back', async () => {
    sandbox.faults.push({ status: 401, body: JSON.stringify({ error: { message: `Key ${TEST_KEY} is revoked (Bearer ${TEST_KEY})` } }) });
    const error = (await caught(client.listMeetings({}))) as ApiHttpError;
    expect(error.apiMessage).not.toContain(TEST_KEY);
    expect(error.message).not.toContain(TEST_KEY);
    expect(error.apiMessage).toContain('[redacted]');
  });

  it.each([
    ['HTML from a proxy', '<html><body>502 Bad Gateway</body></html>', /HTML/],
    ['an empty body', '', /empty/],
    ['plain text', 'OK', /not JSON/],
    ['the wrong shape', '{"success":true,"items":[{"id":5}]}', /does not match the contract/],
  ])('refuses a 2xx with %s', async (_label, body, message) => {
    sandbox.faults.push({ status: 200, body, headers: { 'content-type': 'text/html' } });
    const error = await caught(client.listMeetings({}));
    expect(error).toBeInstanceOf(ApiContractError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses an oversized body without buffering all of it', async () => {
    sandbox.faults.push({ status: 200, body: `{"items":[${'"x",'.repeat(3_000_000)}"x"]}` });
    expect(await caught(client.listMeetings({}))).toBeInstanceOf(ApiContractError);
  });

  it('keeps fields the contract does not know yet', async () => {
    const [meeting] = sandbox.store.all();
    sandbox.faults.push({ status: 200, body: JSON.stringify({ success: true, item: { ...meeting, colour: 'teal' } }) });
    const read = await client.getMeeting(meeting!.id);
    expect(read).toMatchObject({ colour: 'teal' });
  });

  it('times out a slow answer', async () => {
    sandbox.faults.push({ delayMs: 1_500 });
    const error = await caught(client.listMeetings({}));
    expect(error).toBeInstanceOf(ApiTimeoutError);
  });

  it('reports a dropped connection and a refused one as network errors', async () => {
    sandbox.faults.push({ drop: 'before' });
    expect(await caught(client.listMeetings({}))).toBeInstanceOf(ApiNetworkError);
    const nowhere = testClient('http://127.0.0.1:1/v2');
    const error = await caught(nowhere.listMeetings({}));
    expect(error).toBeInstanceOf(ApiNetworkError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    await nowhere.close();
  });

  it('never puts anything but a single safe segment into the path', async () => {
    for (const id of ['../../admin?x=1#y', '..', '.', 'a/b', 'a%2Fb', 'a b']) {
      const before = sandbox.requests.length;
      expect(await caught(client.getMeeting(id))).toBeInstanceOf(ApiContractError);
      expect(sandbox.requests.length).toBe(before);
    }
  });
});

describe('network failures say what happened', () => {
  const clientFor = (baseUrl: string) => testClient(baseUrl, { retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 10 } });

  it('a refused connection names the host and is retried', async () => {
    const nowhere = clientFor('http://127.0.0.1:1/v2');
    const error = (await caught(nowhere.listMeetings({}))) as ApiNetworkError;
    expect(error).toMatchObject({ trouble: 'refused', host: '127.0.0.1:1', beforeSending: true, attempts: 3 });
    await nowhere.close();
  });

  it('https to a server that does not speak TLS is a TLS failure, and is not retried', async () => {
    const wrong = clientFor(sandbox.baseUrl.replace('http:', 'https:'));
    const error = (await caught(wrong.listMeetings({}))) as ApiNetworkError;
    expect(error).toMatchObject({ trouble: 'tls', attempts: 1 });
    await wrong.close();
  });
});
