import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInstant, isKnownTimeZone } from '../../src/time/describe-instant.js';
import { knownZone, MAX_ZONE_NAME, ZONE_CACHE_BOUNDS, zoneCacheSizes } from '../../src/time/known-zone.js';
import { resolveTimeZone } from '../../src/time/time-zone.js';
import { startHarness, type Harness } from '../helpers/harness.js';

// Zone names ignore case: "America/New_York" alone has 2^13 spellings, and a caller could send them all.
function spellings(zone: string, count: number): string[] {
  const letters = [...zone].map((c, i) => ({ c, i })).filter(({ c }) => c.toLowerCase() !== c.toUpperCase());
  return Array.from({ length: count }, (_, n) =>
    [...zone].map((c, i) => (((n >> letters.findIndex((l) => l.i === i)) & 1) === 1 ? c.toUpperCase() : c.toLowerCase())).join(''),
  );
}

describe('time-zone caches are keyed by the canonical zone and bounded by entries and bytes', () => {
  it('every spelling of one zone shares one cache entry, and shows the canonical name', () => {
    const before = zoneCacheSizes();
    const variants = spellings('America/New_York', 2_000);
    expect(new Set(variants).size).toBe(2_000);
    for (const spelling of variants) {
      expect(isKnownTimeZone(spelling)).toBe(true);
      expect(describeInstant(Date.UTC(2025, 2, 10, 14), spelling).timeZone).toBe('America/New_York');
      expect(resolveTimeZone(spelling)).toBe('America/New_York');
    }
    const after = zoneCacheSizes();
    expect(after.spellings.entries - before.spellings.entries).toBeLessThanOrEqual(1);
    expect(after.formatters.entries - before.formatters.entries).toBeLessThanOrEqual(1);
    // Links keep the name asked for: Intl alone would turn Asia/Kolkata into Asia/Calcutta.
    expect(knownZone('asia/kolkata')?.name).toBe('Asia/Kolkata');
  });

  it('an overlong zone is refused unread, and no cache keeps it', () => {
    const before = zoneCacheSizes();
    const huge = 'Europe/' + 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) expect(isKnownTimeZone(huge + i)).toBe(false);
    expect(() => resolveTimeZone(huge)).toThrow(/longer than any IANA time zone name \(at most 64 characters\)/);
    expect(zoneCacheSizes().spellings.bytes - before.spellings.bytes).toBe(0);
    expect(isKnownTimeZone('Europe/' + 'x'.repeat(MAX_ZONE_NAME))).toBe(false);
  });

  it('unknown names within the length cap stay within the entry and byte bounds', () => {
    for (let i = 0; i < ZONE_CACHE_BOUNDS.spellings.entries + 500; i++) isKnownTimeZone(`Nowhere/${'z'.repeat(40)}${i}`);
    const { spellings: held } = zoneCacheSizes();
    expect(held.entries).toBeLessThanOrEqual(ZONE_CACHE_BOUNDS.spellings.entries);
    expect(held.bytes).toBeLessThanOrEqual(ZONE_CACHE_BOUNDS.spellings.bytes);
    // A real zone still resolves after the unknown ones pushed it out.
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });
});

describe('completion and prompts cannot grow the zone caches (they never call HiringCenter)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seedCount: 5 });
  });
  afterAll(() => h.close());

  it('completion/complete with many spellings and 1 MB zones holds one entry per zone', async () => {
    const before = zoneCacheSizes();
    const zones = [...spellings('Pacific/Auckland', 300), ...Array.from({ length: 5 }, (_, i) => `${i}${'y'.repeat(1024 * 1024)}`)];
    for (const timeZone of zones) {
      const { completion } = await h.client.complete({
        ref: { type: 'ref/prompt', name: 'schedule_interview' },
        argument: { name: 'day', value: '20' },
        context: { arguments: { timeZone } },
      });
      expect(completion.values.length).toBeGreaterThan(0);
    }
    const after = zoneCacheSizes();
    expect(after.spellings.entries - before.spellings.entries).toBeLessThanOrEqual(1);
    expect(after.spellings.bytes - before.spellings.bytes).toBeLessThan(1024);
  });

  it('prompts/get with many spellings of a zone keeps one entry, and refuses an overlong zone in a sentence', async () => {
    const before = zoneCacheSizes();
    for (const timeZone of spellings('Asia/Singapore', 300)) {
      const prompt = await h.client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: 'owner-1', timeZone } });
      expect(JSON.stringify(prompt.messages)).toContain('Asia/Singapore');
    }
    expect(zoneCacheSizes().spellings.entries - before.spellings.entries).toBeLessThanOrEqual(1);
    await expect(
      h.client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: 'owner-1', timeZone: 'A/' + 'b'.repeat(100_000) } }),
    ).rejects.toThrow(/timeZone: is longer than any IANA time zone name/);
  });
});
