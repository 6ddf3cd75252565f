import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/api/schemas.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { parseMeetingPage } from '../helpers/parse-meeting-page.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 460 });
});
afterAll(() => h.close());

describe('tolerant input, strict meaning', () => {
  it('takes numbers sent as strings', async () => {
    const result = await h.call('list_meetings', { limit: ' 7 ' });
    expect(result.isError, result.text).toBe(false);
    expect(parseMeetingPage(result.text).shown).toBe(7);
  });

  it('takes the whole argument object sent as a JSON string under one wrapper key', async () => {
    const meeting = h.seeded[0]!;
    const result = await h.call('get_meeting', { arguments: JSON.stringify({ meetingId: meeting.id }) });
    expect(result.isError, result.text).toBe(false);
    expect(result.structured).toMatchObject({ meeting: { id: meeting.id } });
  });

  it('takes a documented meeting type in another case or spacing, and surrounding whitespace on ids', async () => {
    const sample = h.seeded[0]!;
    const result = await h.call('create_meeting', {
      prospectId: ` ${sample.prospectId} `,
      ownerId: sample.ownerId,
      meetingType: 'In Person',
      meetingDate: ' 2025-05-05T10:00 ',
      timeZone: ' europe/berlin ',
    });
    expect(result.isError, result.text).toBe(false);
    expect((result.structured as { meeting: Meeting }).meeting).toMatchObject({
      prospectId: sample.prospectId,
      meetingType: 'in-person',
      timeZone: 'Europe/Berlin',
    });
    const filtered = await h.call('list_meetings', { meetingType: 'Virtual', limit: 3 });
    expect(h.sandbox.requests.at(-1)!.query.get('meetingType')).toBe('virtual');
    expect(filtered.text).toContain('All with type virtual.');
  });

  it.each([
    [{ limit: 'fifty' }, /Invalid limit.*must be a number, not a string.*whole number from 1 to 200/],
    [{ limit: '5.5' }, /Invalid limit/],
    [{ meetingID: 'x' }, /meetingID.*not an argument.*Did you mean "meetingId"/, 'get_meeting'],
    [{ meeting_id: 'x' }, /Did you mean "meetingId"/, 'get_meeting'],
    [{ meetingId: '@3' }, /stand-in from a list answer.*full id/, 'get_meeting'],
    [{ ownerId: '@12' }, /Invalid ownerId.*stand-in/],
    [{ meetingId: '0123456789abcdef0123456789abcdef', location: ' @4' }, /Invalid location.*stand-in.*full location/, 'update_meeting'],
    [{ arguments: '{"bogus": 1}' }, /arguments.*not an argument/],
  ])('refuses %j and shows the accepted form', async (args, message, tool = 'list_meetings') => {
    const before = h.sandbox.requests.length;
    const result = await h.call(tool, args);
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(message);
    expect(result.structured).toMatchObject({ error: { code: 'invalid_argument', retryable: false } });
    expect(h.sandbox.requests.length).toBe(before);
  });
});

describe('errors for programs', () => {
  it('carry a stable code, the field or id, and whether to retry, and pass the client output-schema check', async () => {
    const missing = await h.call('get_meeting', { meetingId: '0123456789abcdef0123456789abcdef' });
    expect(missing.structured).toEqual({
      error: {
        code: 'not_found',
        message: missing.text,
        retryable: false,
        meetingId: '0123456789abcdef0123456789abcdef',
      },
    });
    h.sandbox.faults.push(...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '90' } })));
    const limited = await h.call('list_meetings', {});
    h.sandbox.faults.clear();
    expect(limited.structured).toMatchObject({ error: { code: 'rate_limited', retryable: true, retryAfterSeconds: 90 } });
    expect(limited.text).toMatch(/Try again in 90 seconds/);
    const bad = await h.call('create_meeting', {
      prospectId: 'p',
      meetingType: 'virtual',
      meetingDate: '2025-04-01T10:00',
      timeZone: 'UTC',
    });
    expect(bad.structured).toMatchObject({ error: { code: 'invalid_argument', field: 'ownerId' } });
    // Several missing at once are named in one answer, with one example call to copy.
    const several = await h.call('create_meeting', { prospectId: 'p' });
    expect(several.text).toMatch(
      /^Invalid arguments for create_meeting: ownerId, meetingType, meetingDate, timeZone are required\. Send them all in one call, e\.g\. create_meeting \{"prospectId":/,
    );
    expect(several.structured).toMatchObject({ error: { code: 'invalid_argument' } });
    const unknown = await h.call('reschedule', {});
    expect(unknown.structured).toMatchObject({ error: { code: 'unknown_tool' } });
  });
});

describe('maxResults', () => {
  it('follows pages itself, reports progress, and says how to continue', async () => {
    const updates: { progress: number; total?: number }[] = [];
    const result = await h.client.callTool(
      { name: 'list_meetings', arguments: { maxResults: 450 } },
      {
        onprogress: (p) => updates.push(p),
      },
    );
    const text = (result.content as { text: string }[])[0]!.text;
    const structured = result.structuredContent as { meetings: Meeting[]; nextPageToken?: string; totalCount: number };
    expect(structured.meetings).toHaveLength(450);
    expect(new Set(structured.meetings.map((m) => m.id)).size).toBe(450);
    expect(updates.map((u) => u.progress)).toEqual([200, 400, 450]);
    expect(updates.every((u) => u.total === 450)).toBe(true);
    const page = parseMeetingPage(text);
    expect(page.meetings).toHaveLength(450);
    expect(text).toContain(`Stopped at maxResults=450; ${structured.totalCount - 450} more match.`);
    expect(page.nextPageToken).toBe(structured.nextPageToken);

    const rest = await h.call('list_meetings', { maxResults: 450, pageToken: structured.nextPageToken });
    expect((rest.structured as { meetings: Meeting[] }).meetings).toHaveLength(structured.totalCount - 450);
    expect(rest.text.split('\n').at(-1)).toBe('No more pages.');
  });

  it('returns what it has, and how to continue, when a later page fails', async () => {
    // The first page is fine; the second is refused (401 is never retried).
    const first = h.sandbox.requests.length;
    h.sandbox.faults.push({ delayMs: 0 }, { status: 401 });
    const result = await h.call('list_meetings', { maxResults: 300 });
    expect(h.sandbox.requests.length - first).toBe(2);
    expect(result.isError).toBe(false);
    expect((result.structured as { meetings: Meeting[] }).meetings).toHaveLength(200);
    expect(result.text).toMatch(/Stopped early after 200 meetings: GET \/meetings: HTTP 401/);
    expect(result.text).toMatch(/More: call list_meetings again with the same filters and pageToken "/);
  });

  it('is refused above 1000', async () => {
    const result = await h.call('list_meetings', { maxResults: 5000 });
    expect(result.text).toMatch(/Invalid maxResults.*at most 1000/);
  });
});
