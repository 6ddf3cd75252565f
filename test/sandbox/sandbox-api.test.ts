import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { SAMPLE_CREATE_BODY } from '../helpers/fixtures.js';
import { FIXED_NOW, TEST_KEY } from '../helpers/harness.js';

let sandbox: SandboxApi;

beforeAll(async () => {
  sandbox = await startSandboxApi({ apiKey: TEST_KEY, now: () => FIXED_NOW });
  seedMeetings(sandbox.store, { now: FIXED_NOW, count: 45 });
});
afterAll(() => sandbox.close());

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

// Plain fetch on purpose: this checks the emulator itself, independent of our client.
async function request(method: string, path: string, options: { body?: unknown; key?: string; auth?: string } = {}): Promise<Answer> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: {
      authorization: options.auth ?? `Bearer ${TEST_KEY}`,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.key ? { 'x-idempotency-key': options.key } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

const newMeeting = SAMPLE_CREATE_BODY;

describe('sandbox emulator', () => {
  it('answers 401 without the right key', async () => {
    expect((await request('GET', '/meetings', { auth: 'Bearer wrong' })).status).toBe(401);
  });

  it('lists latest first and pages with opaque tokens that never repeat or skip', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { body } = await request('GET', `/meetings?limit=20${token ? `&pageToken=${token}` : ''}`);
      const items = body.items as { id: string; meetingDate: number }[];
      const pagination = body.pagination as { totalCount: number; nextPageToken?: string };
      expect(pagination.totalCount).toBe(45);
      seen.push(...items.map((m) => m.id));
      token = pagination.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(45);
    const dates = sandbox.store.all().map((m) => m.meetingDate);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('filters by owner, type and a half-open date window', async () => {
    const [sample] = sandbox.store.all();
    const { body } = await request('GET', `/meetings?ownerId=${sample!.ownerId}&limit=200`);
    const items = body.items as { ownerId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.ownerId === sample!.ownerId)).toBe(true);

    const at = sample!.meetingDate;
    const inclusive = await request('GET', `/meetings?meetingDateAfter=${at}&meetingDateBefore=${at + 1}`);
    expect((inclusive.body.items as { id: string }[]).map((m) => m.id)).toContain(sample!.id);
    const exclusive = await request('GET', `/meetings?meetingDateBefore=${new Date(at).toISOString()}&limit=200`);
    expect((exclusive.body.items as { id: string }[]).map((m) => m.id)).not.toContain(sample!.id);
  });

  it('rejects a page token reused with other filters, and bad limits', async () => {
    const first = await request('GET', '/meetings?limit=5');
    const token = (first.body.pagination as { nextPageToken: string }).nextPageToken;
    expect((await request('GET', `/meetings?limit=5&meetingType=phone&pageToken=${token}`)).status).toBe(400);
    expect((await request('GET', '/meetings?pageToken=garbage')).status).toBe(400);
    expect((await request('GET', '/meetings?limit=201')).status).toBe(400);
    expect((await request('GET', '/meetings?limit=0')).status).toBe(400);
  });

  it('attributes API-created meetings to the key, and user-created ones to the user', async () => {
    const viaApi = await request('POST', '/meetings', { body: newMeeting });
    expect(viaApi.status).toBe(201);
    expect(viaApi.body.item).toMatchObject({ createdBy: null, createdByApi: true, createdByApiKeyId: 'key_sandbox', review: null });
    expect((viaApi.body.item as { id: string }).id).toMatch(/^[0-9a-f]{32}$/);
    const byUser = await request('POST', '/meetings', { body: { ...newMeeting, userId: 'u1' } });
    expect(byUser.body.item).toMatchObject({ createdBy: 'u1', createdByApi: false, createdByApiKeyId: null });
  });

  it('validates bodies', async () => {
    expect((await request('POST', '/meetings', { body: { ...newMeeting, prospectId: undefined } })).status).toBe(400);
    expect((await request('POST', '/meetings', { body: { ...newMeeting, timeZone: 'Mars/Base' } })).status).toBe(422);
    expect((await request('POST', '/meetings', { body: { ...newMeeting, meetingDate: '2025-03-10T10:00' } })).status).toBe(400);
    expect((await request('POST', '/meetings', { body: { ...newMeeting, colour: 'red' } })).status).toBe(400);
    const created = await request('POST', '/meetings', { body: newMeeting });
    const id = (created.body.item as { id: string }).id;
    expect((await request('POST', `/meetings/${id}`, { body: { prospectId: 'other' } })).status).toBe(400);
    expect((await request('GET', '/meetings/0000')).status).toBe(404);
  });

  it('replays the original response for a repeated key, and 409s a key reused with another request', async () => {
    const key = 'test-key-replay';
    const first = await request('POST', '/meetings', { body: newMeeting, key });
    const again = await request('POST', '/meetings', { body: { ...newMeeting }, key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const clash = await request('POST', '/meetings', { body: { ...newMeeting, notes: 'different' }, key });
    expect(clash.status).toBe(409);

    // The replay is of the original, even after the meeting is gone (the trap the client must design around).
    const id = (first.body.item as { id: string }).id;
    await request('DELETE', `/meetings/${id}`, { key: 'delete-once' });
    expect((await request('POST', '/meetings', { body: newMeeting, key })).body).toEqual(first.body);
    expect((await request('GET', `/meetings/${id}`)).status).toBe(404);
  });

  it('updates only the fields sent; null clears', async () => {
    const created = await request('POST', '/meetings', { body: { ...newMeeting, location: 'Zoom', notes: 'n' } });
    const id = (created.body.item as { id: string }).id;
    const updated = await request('POST', `/meetings/${id}`, { body: { location: null, meetingType: 'phone' } });
    expect(updated.body.item).toMatchObject({ location: null, notes: 'n', meetingType: 'phone', prospectId: newMeeting.prospectId });
  });
});
