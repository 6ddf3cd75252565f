import { describe, expect, it } from 'vitest';
import { fakeMeeting, lyingApiSuite } from '../helpers/lying-api.js';

// Item 3: paging is bounded by what was asked, not by what the API offers.

const suite = lyingApiSuite({ maxRetries: 0 });

async function listing(args: Record<string, unknown>) {
  const from = suite.fake.requests.length;
  const result = await suite.server.call('list_meetings', args);
  return { ...result, requests: suite.fake.requests.length - from, meetings: (result.structured?.meetings ?? []) as { id: string }[] };
}

describe('an API whose pages lie', () => {
  it('empty pages that always offer another: stops at the first empty page', async () => {
    let n = 0;
    suite.fake.answer(() => ({ body: { success: true, items: [], pagination: { nextPageToken: `t${++n}` } } }));
    const result = await listing({ maxResults: 10 });
    expect(result.isError, result.text).toBe(false);
    expect(result.requests).toBe(1);
    expect(result.text).toMatch(/HiringCenter sent an empty page that offered another; stopped there/);
  });

  it('a repeated page token: stops, and every meeting is shown once', async () => {
    const meeting = fakeMeeting();
    suite.fake.answer(() => ({ body: { success: true, items: [meeting], pagination: { nextPageToken: 'loop', totalCount: 1 } } }));
    const result = await listing({ maxResults: 1000 });
    expect(result.isError, result.text).toBe(false);
    expect(result.requests).toBeLessThanOrEqual(2);
    expect(result.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(result.text).not.toMatch(/-\d+ more/);
    expect(result.text).toMatch(/^1 of 1 meetings/);
    expect(result.text).toMatch(/repeated a page token/);
  });

  it('the same meeting on every page is shown once', async () => {
    const meeting = fakeMeeting();
    let n = 0;
    suite.fake.answer(() => ({ body: { success: true, items: [meeting], pagination: { nextPageToken: `p${++n}` } } }));
    const result = await listing({ maxResults: 50 });
    expect(result.meetings).toHaveLength(1);
    expect(result.requests).toBeLessThanOrEqual(2);
  });

  it('an API that ignores limit: only what was asked reaches the model', async () => {
    const items = Array.from({ length: 2_000 }, () => fakeMeeting());
    suite.fake.answer(() => ({ body: { success: true, items, pagination: { nextPageToken: 'more', totalCount: 2_000 } } }));
    const one = await listing({ limit: 1 });
    expect(one.isError, one.text).toBe(false);
    expect(one.meetings).toHaveLength(1);
    expect(one.text.length).toBeLessThan(1_500);
    expect(one.text).toMatch(/HiringCenter sent 2000 meetings when 1 were asked for/);
    // Its token would skip the meetings not shown, so it is not offered.
    expect(one.structured).not.toHaveProperty('nextPageToken');
    const some = await listing({ maxResults: 30 });
    expect(some.meetings).toHaveLength(30);
    expect(some.requests).toBe(1);
  });

  it('a totalCount smaller than what was listed is not repeated as a count', async () => {
    const items = [fakeMeeting(), fakeMeeting(), fakeMeeting()];
    suite.fake.answer(() => ({ body: { success: true, items, pagination: { totalCount: 1 } } }));
    const result = await listing({});
    expect(result.text).toMatch(/^3 meetings, latest first/);
  });

  it('an endless supply of fresh pages: a hard cap on requests per call', async () => {
    let n = 0;
    suite.fake.answer(() => ({ body: { success: true, items: [fakeMeeting()], pagination: { nextPageToken: `fresh${++n}` } } }));
    const result = await listing({ maxResults: 1000 });
    expect(result.isError, result.text).toBe(false);
    expect(result.requests).toBe(25);
    expect(result.meetings).toHaveLength(25);
    expect(result.text).toMatch(/Stopped after 25 pages/);
    // The way to go on is still offered, since those meetings were never skipped.
    expect(result.text).toMatch(/pageToken "fresh25"/);
  });
});
