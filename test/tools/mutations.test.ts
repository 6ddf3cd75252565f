import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { SAMPLE_MEETING_FIELDS } from '../helpers/fixtures.js';
import { TEST_KEY, startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 5 });
});
afterAll(() => h.close());

const base = SAMPLE_MEETING_FIELDS;
let counter = 0;
/** A fresh create each time (distinct notes), returning the meeting. */
async function create(extra: Record<string, unknown> = {}): Promise<Meeting> {
  counter += 1;
  const result = await h.call('create_meeting', { ...base, meetingDate: '2025-03-10T10:00', notes: `n${counter}`, ...extra });
  expect(result.isError, result.text).toBe(false);
  return (result.structured as { meeting: Meeting }).meeting;
}
/** The last create/update/delete that reached the API (creates are followed by a read-back GET). */
const lastMutation = () => h.sandbox.requests.filter((r) => r.method !== 'GET').at(-1)!;
const sentBody = () => JSON.parse(lastMutation().body) as Record<string, unknown>;

describe('create_meeting', () => {
  it('resolves wall-clock time in the meeting zone, sends epoch ms, and says what it did', async () => {
    const result = await h.call('create_meeting', { ...base, meetingDate: '2025-03-10T10:00', location: 'Zoom', notes: 'Round 2' });
    expect(result.isError).toBe(false);
    expect(sentBody()).toEqual({ ...base, meetingDate: Date.UTC(2025, 2, 10, 14), location: 'Zoom', notes: 'Round 2' });
    expect(result.text).toMatch(
      /^Created meeting [0-9a-f]{32} at 2025-03-10 Mon 10:00-04 America\/New_York, created by API key "Sandbox key"\. Everything else as sent\.$/,
    );
    expect(result.text).not.toMatch(/\b\d{12,}\b/);
    const meeting = (result.structured as { meeting: Meeting }).meeting;
    expect(h.sandbox.store.get(meeting.id)).toEqual(meeting);
  });

  it('accepts epoch ms and ISO with an offset', async () => {
    await create({ meetingDate: Date.UTC(2025, 5, 2, 13) });
    expect(sentBody().meetingDate).toBe(Date.UTC(2025, 5, 2, 13));
    await create({ meetingDate: '2025-06-02T15:00:00+02:00' });
    expect(sentBody().meetingDate).toBe(Date.UTC(2025, 5, 2, 13));
  });

  it('uses HIRINGCENTER_USER_ID as the acting user unless the call names one', async () => {
    const withDefault = await startHarness({ seedCount: 0, defaultUserId: 'recruiter-7' });
    try {
      await withDefault.call('create_meeting', { ...base, meetingDate: '2025-03-10T10:00' });
      expect(JSON.parse(withDefault.sandbox.requests.filter((r) => r.method === 'POST').at(-1)!.body).userId).toBe('recruiter-7');
      const own = await withDefault.call('create_meeting', { ...base, meetingDate: '2025-03-11T10:00', userId: 'someone-else' });
      expect(JSON.parse(withDefault.sandbox.requests.filter((r) => r.method === 'POST').at(-1)!.body).userId).toBe('someone-else');
      expect(own.text).toContain('created by user someone-else');
    } finally {
      await withDefault.close();
    }
  });

  it('creates via the API key when no user is known, and says so', async () => {
    const meeting = await create();
    expect(meeting.createdByApi).toBe(true);
    expect(sentBody().userId).toBeUndefined();
  });

  it('notes which offset it used for a fall-back time', async () => {
    const result = await h.call('create_meeting', { ...base, meetingDate: '2025-11-02T01:30' });
    expect(result.isError).toBe(false);
    expect(sentBody().meetingDate).toBe(Date.UTC(2025, 10, 2, 5, 30));
    expect(result.text).toMatch(/Note: 2025-11-02T01:30 happens twice in America\/New_York.*UTC-04:00/);
    expect((result.structured as { note: string }).note).toMatch(/happens twice/);
  });

  it('does not create a duplicate when the same call is repeated', async () => {
    const args = { ...base, meetingDate: '2025-04-01T09:00', notes: 'repeat me' };
    const first = await h.call('create_meeting', args);
    const second = await h.call('create_meeting', args);
    const id = (first.structured as { meeting: Meeting }).meeting.id;
    expect((second.structured as { meeting: Meeting }).meeting.id).toBe(id);
    expect(h.sandbox.store.all().filter((m) => m.notes === 'repeat me')).toHaveLength(1);
  });

  it.each([
    [{ meetingDate: '2025-03-09T02:30' }, 'meetingDate', /does not exist in America\/New_York.*"2025-03-09T01:59".*"2025-03-09T03:00"/],
    [{ timeZone: 'Mars/Base' }, 'timeZone', /not a known IANA time zone/],
    [{ meetingDate: 'tomorrow at 10' }, 'meetingDate', /not a date this server understands/],
    [{ prospectId: undefined }, 'prospectId', /^Missing prospectId for create_meeting\. Send the prospect/],
    [{ prospectId: 42 }, 'prospectId', /must be a string, not a number/],
    [{ notes: 'x'.repeat(10_001) }, 'notes', /longer than 10000 characters/],
    [{ meetingType: '' }, 'meetingType', /must not be empty/],
    [{ meetingDate: true }, 'meetingDate', /number \(epoch ms\) or a string/],
    [{ start: '2025-03-10T10:00' }, 'start', /not an argument/],
  ])('refuses %j, naming %s, and sends nothing', async (change, field, message) => {
    const before = h.sandbox.requests.length;
    const result = await h.call('create_meeting', { ...base, meetingDate: '2025-03-10T10:00', ...change });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(new RegExp(`^(?:Invalid|Missing) ${field} for create_meeting`));
    expect(result.text).toMatch(message);
    expect(result.text).not.toMatch(/\bat \w+ \(|ZodError|"code":/); // no stack traces, no zod JSON
    expect(h.sandbox.requests.length).toBe(before);
  });

  it('passes an upstream validation message through', async () => {
    h.sandbox.faults.push({ method: 'POST', status: 422, body: JSON.stringify({ error: { message: 'ownerId is not an active user' } }) });
    const result = await h.call('create_meeting', { ...base, meetingDate: '2025-03-12T10:00' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/rejected the create_meeting request \(HTTP 422\).*"ownerId is not an active user"/);
  });
});

describe('update_meeting', () => {
  it('sends only the fields given, POSTs to the item path, and lists what changed', async () => {
    const meeting = await create({ location: 'Zoom' });
    const result = await h.call('update_meeting', { meetingId: meeting.id, notes: 'Bring CV', location: null });
    expect(result.isError).toBe(false);
    const request = lastMutation();
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/v2/meetings/${meeting.id}`);
    expect(sentBody()).toEqual({ notes: 'Bring CV', location: null });
    expect(result.text).toBe(
      'Updated notes; cleared location. The meeting is at 2025-03-10 Mon 10:00-04 America/New_York. Everything else as sent.',
    );
    expect(h.sandbox.store.get(meeting.id)).toMatchObject({ notes: 'Bring CV', location: null, meetingType: 'virtual' });
  });

  it("reads a wall-clock date in the meeting's current zone when no timeZone is given", async () => {
    const meeting = await create({ timeZone: 'Europe/Berlin', meetingDate: '2025-03-10T10:00' });
    const result = await h.call('update_meeting', { meetingId: meeting.id, meetingDate: '2025-03-31T10:00' });
    expect(sentBody()).toEqual({ meetingDate: Date.UTC(2025, 2, 31, 8) }); // CEST, after the change
    expect(result.text).toContain('2025-03-31 Mon 10:00+02 Europe/Berlin');
  });

  it('reads a wall-clock date in the new timeZone when one is given', async () => {
    const meeting = await create();
    const result = await h.call('update_meeting', { meetingId: meeting.id, meetingDate: '2025-03-10T10:00', timeZone: 'Asia/Kolkata' });
    expect(sentBody()).toEqual({ meetingDate: Date.UTC(2025, 2, 10, 4, 30), timeZone: 'Asia/Kolkata' });
    expect(result.text).toMatch(/^Updated meetingDate, timeZone\./);
    expect(result.text).toContain('2025-03-10 Mon 10:00+05:30 Asia/Kolkata');
  });

  it('refuses an empty change, a bad id, a bad zone and a DST-gap time without sending anything', async () => {
    const meeting = await create();
    const before = h.sandbox.requests.length;
    const empty = await h.call('update_meeting', { meetingId: meeting.id });
    expect(empty.text).toMatch(/nothing to change.*meetingDate, timeZone, meetingType, ownerId, location, notes/);
    const gap = await h.call('update_meeting', { meetingId: meeting.id, meetingDate: '2025-03-09T02:30', timeZone: 'America/New_York' });
    expect(gap.text).toMatch(/does not exist/);
    const epochSeconds = await h.call('update_meeting', { meetingId: meeting.id, meetingDate: 1741615200 });
    expect(epochSeconds.text).toMatch(/epoch seconds/);
    const zone = await h.call('update_meeting', { meetingId: meeting.id, timeZone: 'CET' });
    expect(zone.text).toMatch(/abbreviation/);
    for (const meetingId of ['../meetings', '%2e%2e', 'a?b', 'a#b', 'a/b', ' ', 'x'.repeat(200)]) {
      const bad = await h.call('update_meeting', { meetingId, notes: 'x' });
      expect(bad.isError).toBe(true);
      expect(bad.text).toMatch(/Invalid meetingId/);
    }
    const prospect = await h.call('update_meeting', { meetingId: meeting.id, prospectId: 'other' });
    expect(prospect.text).toMatch(/prospectId.*not an argument/);
    expect(h.sandbox.requests.length).toBe(before);
  });

  it('names the id when the meeting does not exist', async () => {
    const result = await h.call('update_meeting', { meetingId: '0123456789abcdef0123456789abcdef', notes: 'x' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/No meeting with id 0123456789abcdef0123456789abcdef.*list_meetings/);
  });
});

describe('get_meeting and delete_meeting', () => {
  it('reads one meeting with every field the model needs', async () => {
    const meeting = await create({ location: 'Room "Ada" | 5th floor', notes: 'line one\nline two' });
    const result = await h.call('get_meeting', { meetingId: meeting.id });
    expect(result.structured).toEqual({ meeting });
    // One labelled line per field; a note with a line break is JSON-quoted so it stays on its line.
    expect(result.text.split('\n')).toEqual([
      '2025-03-10 Mon 10:00-04 America/New_York, virtual',
      `prospect ${meeting.prospectId}`,
      `owner ${meeting.ownerId}`,
      'created by API key "Sandbox key"',
      'location Room "Ada" | 5th floor',
      'notes "line one\\nline two"',
    ]);
  });

  it('deletes with DELETE and then reports the id as missing', async () => {
    const meeting = await create();
    const result = await h.call('delete_meeting', { meetingId: meeting.id });
    expect(result.isError).toBe(false);
    expect(lastMutation().method).toBe('DELETE');
    expect(lastMutation().headers['x-idempotency-key']).toMatch(/^hcmcp-v2-/);
    expect(result.text).toBe('Deleted; the meeting is cancelled.');
    expect(result.structured).toMatchObject({ meetingId: meeting.id, deleted: true });
    const gone = await h.call('get_meeting', { meetingId: meeting.id });
    expect(gone.isError).toBe(true);
    expect(gone.text).toContain(`No meeting with id ${meeting.id}`);
  });
});

describe('API failures as model-facing errors', () => {
  it.each([
    [401, /rejected the API key.*HIRINGCENTER_API_KEY/],
    [403, /Not allowed \(HTTP 403\)/],
    [409, /conflict \(HTTP 409\)/],
    [429, /rate-limiting.*try again in 12 seconds/i],
    [500, /server error \(HTTP 500, 1 attempt\).*usually temporary.*after \d\d:\d\d:\d\d UTC/],
    [502, /server error \(HTTP 502/],
  ])('HTTP %i', async (status, message) => {
    h.sandbox.faults.push({ status, headers: { 'retry-after': '12' } });
    const result = await h.call('list_meetings', {});
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(message);
  });

  it('an HTML page from a proxy', async () => {
    h.sandbox.faults.push({ status: 200, body: '<html>Gateway</html>' });
    const result = await h.call('delete_meeting', { meetingId: h.seeded[0]!.id });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/cannot trust.*HTML.*may have been applied: check with get_meeting/);
  });

  it('never shows the key, even when the API echoes it', async () => {
    h.sandbox.faults.push({ status: 401, body: JSON.stringify({ message: `invalid key ${TEST_KEY}` }) });
    const result = await h.call('list_meetings', {});
    expect(result.text).not.toContain(TEST_KEY);
  });

  it('a missing key names HIRINGCENTER_API_KEY and sends nothing', async () => {
    const keyless = await startHarness({ apiKey: undefined, seedCount: 0 });
    try {
      for (const [name, args] of [
        ['list_meetings', {}],
        ['delete_meeting', { meetingId: 'abc' }],
      ] as const) {
        const result = await keyless.call(name, args);
        expect(result.isError).toBe(true);
        expect(result.text).toMatch(/HIRINGCENTER_API_KEY/);
        expect(result.text).toMatch(/--sandbox/);
      }
      expect(keyless.sandbox.requests).toHaveLength(0);
    } finally {
      await keyless.close();
    }
  });

  it('an unknown tool', async () => {
    const result = await h.call('cancel_meeting', {});
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/Unknown tool "cancel_meeting".*delete_meeting/);
  });
});
