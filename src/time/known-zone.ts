import { Temporal } from 'temporal-polyfill';
import { BoundedCache, stringBytes } from '../bounded-cache.js';
import { KiB, MiB } from '../byte-size.js';

/** A zone Intl can show: its canonical name and the formatter that reads its UTC offset. */
export interface KnownZone {
  /** IANA's own spelling ("America/New_York"), links kept as named ("Asia/Kolkata" stays). */
  name: string;
  offsetFormatter: Intl.DateTimeFormat;
}

/** IANA's longest name is 32 characters ("America/Argentina/ComodRivadavia"); anything longer is refused unread. */
export const MAX_ZONE_NAME = 64;

// Zone names ignore case, so one zone has ~2^29 spellings: the spelling cache is keyed by the lower-case form
// (one entry per zone, however it is spelled) and the formatters by the canonical name. Unknown names are
// remembered too (a lying API repeats them on every meeting), within the same bounds.
export const ZONE_CACHE_BOUNDS = {
  spellings: { entries: 2_048, bytes: 256 * KiB },
  // One per canonical zone (the database has ~600); an Intl.DateTimeFormat holds ~1 KiB of its own.
  formatters: { entries: 1_024, bytes: 2 * MiB },
} as const;

const FORMATTER_BYTES = 2_048;
const bySpelling = new BoundedCache<string, KnownZone | null>(
  ZONE_CACHE_BOUNDS.spellings.entries,
  ZONE_CACHE_BOUNDS.spellings.bytes,
  (key) => stringBytes(key),
  'zone_spellings',
);
const byName = new BoundedCache<string, KnownZone>(
  ZONE_CACHE_BOUNDS.formatters.entries,
  ZONE_CACHE_BOUNDS.formatters.bytes,
  (name) => stringBytes(name) + FORMATTER_BYTES,
  'zone_formatters',
);

/**
 * The zone `spelling` names, if Intl can show it — exact-case or not, but not
 * trimmed — or undefined. Validated (length first) before anything is cached.
 */
export function knownZone(spelling: string): KnownZone | undefined {
  if (spelling.length === 0 || spelling.length > MAX_ZONE_NAME) return undefined;
  const key = spelling.toLowerCase();
  const cached = bySpelling.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const zone = lookUp(spelling);
  bySpelling.set(key, zone ?? null);
  return zone;
}

function lookUp(spelling: string): KnownZone | undefined {
  let name: string;
  try {
    // Temporal fixes the case ("america/new_york" -> "America/New_York") without swapping links, as Intl would.
    name = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(spelling).timeZoneId;
  } catch {
    return undefined;
  }
  const cached = byName.get(name);
  if (cached) return cached;
  let offsetFormatter: Intl.DateTimeFormat;
  try {
    // Temporal takes offsets ("+05:00") as zones; Node 20's Intl does not, and meetings need a named zone.
    offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    return undefined;
  }
  const zone = Object.freeze({ name, offsetFormatter });
  byName.set(name, zone);
  return zone;
}

/** What the zone caches hold now (tests; docs/reliability.md gives the bounds). */
export function zoneCacheSizes(): { spellings: { entries: number; bytes: number }; formatters: { entries: number; bytes: number } } {
  return { spellings: bySpelling.size, formatters: byName.size };
}
