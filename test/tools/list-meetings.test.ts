import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { FIXED_NOW, startHarness, type Harness } from '../helpers/harness.js';
import { parseMeetingPage, type ParsedMeeting } from '../helpers/parse-meeting-page.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 30 });
});
afterAll(() => h.close());

const EPOCH_LIKE = /\b\d{12,}\b/;

/** What the text must carry of each meeting, taken from the API's own object. */
function expected(meeting: Meeting): ParsedMeeting {
  return {
    id: meeting.id,
    meetingDate: meeting.meetingDate,
    timeZone: meeting.timeZone,
    meetingType: meeting.meetingType,
    ownerId: meeting.ownerId,
    prospectId: meeting.prospectId,
    location: meeting.location ?? null,
    notes: meeting.notes ?? null,
    createdBy: meeting.createdBy ?? null,
    createdByApi: meeting.createdByApi ?? false,
    reviewed: meeting.review != null,
  };
}

describe('list_meetings', () => {
  it('states count, total and now in the header, and exactly how to get the next page', async () => {
    const result = await h.call('list_meetings', { limit: 5 });
    expect(result.isError).toBe(false);
    const page = parseMeetingPage(result.text);
    expect(page).toMatchObject({ shown: 5, total: 30, now: '2025-03-05 Wed 15:00+00 UTC' });
    expect(page.nextPageToken).toBe(result.structured!.nextPageToken);
    expect(page.footer).toBe(`More: call list_meetings again with the same filters and pageToken "${page.nextPageToken}".`);
    expect(result.text).not.toMatch(EPOCH_LIKE);
  });

  it('round-trips: the text of a 50-meeting page parses back into the API meetings, tricky text included', async () => {
    const big = await startHarness({ seedCount: 80 });
    try {
      // The latest nine: all of them on the first page of 50, whatever the seed draws.
      const [a, b, c, d, e, f, g, i, j] = [...big.seeded].sort((x, y) => y.meetingDate - x.meetingDate);
      const tricky: [Meeting, Partial<Meeting>][] = [
        [a!, { notes: 'line one\nline two | "quoted" \\ back\u2028slash', location: '-' }],
        [b!, { notes: '-', location: '"Ada" room' }],
        [c!, { notes: '"starts with a quote', location: '' }],
        [d!, { notes: '  padded  ', location: 'by=api', meetingType: 'panel interview' }],
        // A literal "@…" text, and a long location used twice (written once, then as "@n").
        [e!, { location: '@12', notes: '@1 is not a stand-in here' }],
        [f!, { location: 'Room "Ada"\n5th floor, @2=east wing' }],
        [g!, { location: 'Room "Ada"\n5th floor, @2=east wing' }],
        // A bare location, then notes that begin like the separator; a literal "#n" location and notes.
        [i!, { location: 'Zoom', notes: '— dash first' }],
        [j!, { location: '#3', notes: '#2 is not a stand-in either' }],
      ];
      for (const [meeting, change] of tricky) big.sandbox.store.insert({ ...meeting, ...change });
      for (const args of [{ limit: 50 }, { limit: 50, timeZone: 'Pacific/Chatham' }, { limit: 50, ownerId: a!.ownerId }]) {
        const result = await big.call('list_meetings', args);
        const meetings = result.structured!.meetings as Meeting[];
        expect(meetings.length).toBeGreaterThan(10);
        expect(parseMeetingPage(result.text).meetings).toEqual(meetings.map(expected));
        // Day lines only go back in time: each local date heads one block, in order.
        const days = result.text.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2} \w{3}$/.test(line));
        expect(new Set(days).size).toBe(days.length);
        expect([...days].sort().reverse()).toEqual(days);
      }
      expect((await big.call('list_meetings', { limit: 50 })).text).toMatch(/ #\d+="Room \\"Ada\\"\\n5th floor, @2=east wing" /);
    } finally {
      await big.close();
    }
  });

  it('shows each meeting in its own zone: date line with weekday, 24h time and offset', async () => {
    const result = await h.call('list_meetings', { limit: 30 });
    const meetings = result.structured!.meetings as Meeting[];
    const lines = result.text.split('\n');
    for (const meeting of meetings) {
      const local = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone: meeting.timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          weekday: 'short',
        })
          .formatToParts(meeting.meetingDate)
          .map((p) => [p.type, p.value]),
      );
      const at = lines.findIndex((l) => l.startsWith(meeting.id));
      const dateLine = lines
        .slice(0, at)
        .reverse()
        .find((l) => /^\d{4}-\d{2}-\d{2} \w{3}$/.test(l));
      expect(dateLine).toBe(`${local.year}-${local.month}-${local.day} ${local.weekday}`);
      expect(lines[at]).toMatch(new RegExp(`^${meeting.id} ${local.hour}:${local.minute}[+-]\\d{2}(:\\d{2})? ${meeting.timeZone} `));
    }
  });

  it('follows pageToken to the end and says when there are no more pages', async () => {
    const ids = new Set<string>();
    let pageToken: string | undefined;
    let last: string;
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
      meetingDateBefore: '2025-04-20T00:00',
      timeZone: 'Asia/Tokyo',
      limit: 200,
    });
    expect(result.isError).toBe(false);
    const request = h.sandbox.requests.at(-1)!;
    expect(request.query.get('meetingDateAfter')).toBe(String(Date.UTC(2025, 2, 4, 15)));
    expect(request.query.get('meetingDateBefore')).toBe(String(Date.UTC(2025, 3, 19, 15)));
    const matching = h.sandbox.store
      .all()
      .filter((m) => m.ownerId === owner && m.meetingDate >= Date.UTC(2025, 2, 4, 15) && m.meetingDate < Date.UTC(2025, 3, 19, 15));
    expect(matching.length).toBeGreaterThan(0);
    expect((result.structured!.meetings as Meeting[]).map((m) => m.id)).toEqual(matching.map((m) => m.id));
    const page = parseMeetingPage(result.text);
    expect(page.pageZone).toBe('Asia/Tokyo');
    expect(page.now).toBe('2025-03-06 Thu 00:00+09 Asia/Tokyo');
    expect(result.text).toContain(`All with owner ${owner}.`);
    // The owner is stated once, not on every line.
    expect(result.text.split(owner)).toHaveLength(2);
    expect(page.meetings.map((m) => m.id)).toEqual(matching.map((m) => m.id));
  });

  it('says plainly when nothing matches', async () => {
    const result = await h.call('list_meetings', { prospectId: 'nobody' });
    expect(result.text).toMatch(/^0 of 0 meetings/);
    expect(result.text).toMatch(/No meetings match these filters\.$/);
  });

  it.each([
    [{ meetingDateAfter: '2025-03-10T09:00' }, /meetingDateAfter.*needs a time zone/],
    [
      { meetingDateAfter: '2025-03-10', meetingDateBefore: '2025-03-01', timeZone: 'UTC' },
      /meetingDateBefore.*later than meetingDateAfter/,
    ],
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

  it('the header "now" is the server clock, not the process zone', () => {
    expect(new Date(FIXED_NOW).getTimezoneOffset()).not.toBe(0);
  });
});
