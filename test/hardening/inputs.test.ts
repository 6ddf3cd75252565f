import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';
import { SAMPLE_MEETING_FIELDS } from '../helpers/fixtures.js';

// Items 11, 13 and 14: what the model sends is checked to the same standard everywhere.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 3 });
});
afterAll(() => h.close());

async function refused(name: string, args: Record<string, unknown>) {
  const from = h.sandbox.requests.length;
  const result = await h.call(name, args);
  expect(result.isError, result.text).toBe(true);
  expect(result.structured).toMatchObject({ error: { code: 'invalid_argument' } });
  expect(result.text).toMatch(/Nothing was sent/);
  expect(h.sandbox.requests.length).toBe(from);
  return result;
}

describe('wall-clock dates get the same range check as every other form (item 11)', () => {
  it.each(['0001-01-01T10:00', '9999-12-31T10:00', '1900-06-01T09:00'])('%s is refused before anything is sent', async (meetingDate) => {
    const result = await refused('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate });
    expect(result.text).toMatch(/outside the supported range \(1973 to 2199\)/);
    expect(result.structured).toMatchObject({ error: { field: 'meetingDate' } });
  });

  it('a bare-date list bound too', async () => {
    await refused('list_meetings', { meetingDateAfter: '0001-01-01', timeZone: 'UTC' });
  });
});

describe('an API key that cannot be sent in a header (item 13)', () => {
  it.each([
    ['a line break', 'hc_live_abc\ndef123456'],
    ['a typographic quote', '\u201chc_live_abcdef123456\u201d'],
    ['a space', 'hc_live abcdef123456'],
  ])('with %s is named as a key problem, sends nothing and is not retried', async (_what, apiKey) => {
    const keyed = await startHarness({ seedCount: 0, apiKey });
    try {
      const result = await keyed.call('list_meetings', {});
      expect(result.isError).toBe(true);
      expect(result.structured).toMatchObject({ error: { code: 'invalid_api_key', retryable: false } });
      expect(result.text).toMatch(/HIRINGCENTER_API_KEY contains a character that cannot be sent in an HTTP header/);
      expect(result.text).not.toMatch(/connection|does not exist/);
      expect(result.text).not.toContain(apiKey);
      expect(keyed.sandbox.requests).toHaveLength(0);
    } finally {
      await keyed.close();
    }
  });
});

describe('small things said plainly (item 14)', () => {
  it('a short idempotencyKey is "too short", not "empty"', async () => {
    const result = await refused('delete_meeting', { meetingId: h.seeded[0]!.id, idempotencyKey: 'short' });
    expect(result.text).toMatch(/idempotencyKey.*at least 8 characters/);
    expect(result.text).not.toMatch(/empty/);
  });

  it.each([
    ['Etc/GMT+5', /"Etc\/GMT\+5" means UTC-05:00/],
    ['Etc/GMT-3', /"Etc\/GMT-3" means UTC\+03:00/],
  ])('%s, whose sign is inverted, is refused with what it means', async (timeZone, meaning) => {
    const result = await refused('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate: '2025-04-01T10:00', timeZone });
    expect(result.text).toMatch(meaning);
    expect(result.text).toMatch(/city/);
  });

  it('a leap second is refused, not silently moved to :59', async () => {
    const result = await refused('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate: '2025-06-30T23:59:60', timeZone: 'UTC' });
    expect(result.text).toMatch(/leap second/);
    await refused('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate: '2025-06-30T23:59:60Z' });
  });

  it('a legacy SystemV zone is refused rather than sent misspelt', async () => {
    const result = await refused('create_meeting', { ...SAMPLE_MEETING_FIELDS, meetingDate: '2025-04-01T10:00', timeZone: 'SystemV/EST5' });
    expect(result.text).toMatch(/not an IANA time zone/);
  });

  it('zones that are fine keep their exact IANA spelling', async () => {
    const result = await h.call('create_meeting', {
      ...SAMPLE_MEETING_FIELDS,
      meetingDate: '2025-04-01T10:00',
      timeZone: 'america/port-au-prince',
    });
    expect(result.isError, result.text).toBe(false);
    expect(h.sandbox.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body).timeZone)).toContain(
      'America/Port-au-Prince',
    );
  });
});
