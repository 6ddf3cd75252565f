import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 30 });
});
afterAll(() => h.close());

const EPOCH_LIKE = /\b\d{12,}\b/;

describe('list_meetings', () => {
  it('lists a page: header with count, total and now; one line per meeting; the next-page instruction', async () => {
    const result = await h.call('list_meetings', { limit: 5 });
    expect(result.isError).toBe(false);
    const lines = result.text.split('\n');
    expect(lines[0]).toMatch(/^5 meetings of 30, latest first\. Now: 2025-03-05 Wed 15:00 \+00:00 UTC\./);
    const meetings = result.structured!.meetings as Meeting[];
    expect(meetings).toHaveLength(5);
    for (const meeting of meetings) {
      expect(result.text).toContain(meeting.id);
      expect(result.text).toContain(meeting.prospectId);
    }
    const token = result.structured!.nextPageToken as string;
    expect(lines.at(-1)).toBe(`More: call list_meetings again with the same filters and pageToken "${token}".`);
    expect(result.text).not.toMatch(EPOCH_LIKE);
  });

  it('shows each meeting in its own zone with date, weekday, 24h time and offset', async () => {
    const result = await h.call('list_meetings', { limit: 30 });
    const meetings = result.structured!.meetings as Meeting[];
    for (const meeting of meetings) {
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: meeting.timeZone,
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short',
      }).formatToParts(meeting.meetingDate);
      const part = (type: string) => local.find((p) => p.type === type)!.value;
      const line = result.text.split('\n').find((l) => l.startsWith(meeting.id))!;
      expect(line).toContain(`${part('year')}-${part('month')}-${part('day')} ${part('weekday')} ${part('hour')}:${part('minute')}`);
      expect(line).toContain(meeting.timeZone);
      expect(line).toMatch(/ [+-]\d{2}:\d{2} /);
    }
  });

  it('follows pageToken to the end and says when there are no more pages', async () => {
    const ids = new Set<string>();
    let pageToken: string | undefined;
    let last = '';
    do {
      const result = await h.call('list_meetings', { limit: 12, ...(pageToken ? { pageToken } : {}) });
      for (const m of result.structured!.meetings as Meeting[]) ids.add(m.id);
      pageToken = result.structured!.nextPageToken as string | undefined;
      last = result.text;
    } while (pageToken);
    expect(ids.size).toBe(30);
    expect(last.split('\n').at(-1)).toBe('No more pages.');
  });

  it('filters by owner and by a wall-clock window read in timeZone, and shows times in that zone', async () => {
    const owner = h.seeded[0]!.ownerId;
    const result = await h.call('list_meetings', {
      ownerId: owner,
      meetingDateAfter: '2025-03-05',
      meetingDateBefore: '2025-03-20T00:00',
      timeZone: 'Asia/Tokyo',
      limit: 200,
    });
    expect(result.isError).toBe(false);
    const request = h.sandbox.requests.at(-1)!;
    expect(request.query.get('meetingDateAfter')).toBe(String(Date.UTC(2025, 2, 4, 15)));
    expect(request.query.get('meetingDateBefore')).toBe(String(Date.UTC(2025, 2, 19, 15)));
    const expected = h.sandbox.store
      .all()
      .filter((m) => m.ownerId === owner && m.meetingDate >= Date.UTC(2025, 2, 4, 15) && m.meetingDate < Date.UTC(2025, 2, 19, 15));
    expect((result.structured!.meetings as Meeting[]).map((m) => m.id)).toEqual(expected.map((m) => m.id));
    expect(result.text).toContain('Times in Asia/Tokyo');
    for (const line of result.text.split('\n').slice(2, -1)) expect(line).toContain('+09:00 Asia/Tokyo');
  });

  it('says plainly when nothing matches', async () => {
    const result = await h.call('list_meetings', { prospectId: 'nobody' });
    expect(result.text).toMatch(/^0 meetings of 0/);
    expect(result.text).toMatch(/No meetings match these filters\.$/);
  });

  it.each([
    [{ meetingDateAfter: '2025-03-10T09:00' }, /meetingDateAfter.*needs a time zone/],
    [{ meetingDateAfter: '2025-03-10', meetingDateBefore: '2025-03-01', timeZone: 'UTC' }, /meetingDateBefore.*later than meetingDateAfter/],
    [{ limit: 500 }, /limit.*at most 200.*1 to 200/],
    [{ limit: 0 }, /limit.*at least 1/],
    [{ limit: 2.5 }, /limit/],
    [{ timeZone: 'EST' }, /abbreviation/],
    [{ pageToken: '' }, /pageToken/],
    [{ owner: 'x' }, /owner.*not an argument.*Did you mean "ownerId"/],
  ])('refuses %j before sending anything', async (args, message) => {
    const before = h.sandbox.requests.length;
    const result = await h.call('list_meetings', args);
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(message);
    expect(result.text).toMatch(/Nothing was sent/);
    expect(h.sandbox.requests.length).toBe(before);
  });
});
