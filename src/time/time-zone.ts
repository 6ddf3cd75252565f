import { Temporal } from 'temporal-polyfill';
import { InputError } from '../input-error.js';

// Abbreviations models reach for. They are not IANA zones (or, like EST, name a
// fixed offset with no DST), so accepting them would silently shift meetings.
const ABBREVIATION_HINTS: Record<string, string> = {
  EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York',
  CST: 'America/Chicago', CDT: 'America/Chicago', CT: 'America/Chicago',
  MST: 'America/Denver', MDT: 'America/Denver', MT: 'America/Denver',
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles',
  BST: 'Europe/London', CET: 'Europe/Paris', CEST: 'Europe/Paris',
  IST: 'Asia/Kolkata', JST: 'Asia/Tokyo', AEST: 'Australia/Sydney',
};

const canonicalByInput = new Map<string, string>();

/** The canonical IANA name for `name`, or an InputError that says what to send. */
export function resolveTimeZone(name: string, field = 'timeZone'): string {
  const cached = canonicalByInput.get(name);
  if (cached) return cached;
  const trimmed = name.trim();
  const upper = trimmed.toUpperCase();
  const hint = ABBREVIATION_HINTS[upper];
  if (hint) {
    throw new InputError(field, `"${trimmed}" is an abbreviation, not an IANA time zone.`, `Use an IANA name such as "${hint}".`);
  }
  // Offsets ("+05:00") are valid Temporal zones but carry no DST rules, so a meeting's zone must be a name.
  const looksIana = /^[A-Za-z]/.test(trimmed) && (trimmed.includes('/') || upper === 'UTC' || upper === 'GMT');
  let canonical: string | undefined;
  if (looksIana) {
    try {
      // Temporal fixes the case ("america/new_york" -> "America/New_York") without swapping links (Asia/Kolkata stays).
      canonical = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(trimmed).timeZoneId;
    } catch {
      canonical = undefined;
    }
  }
  if (!canonical) {
    throw new InputError(
      field,
      `"${trimmed.slice(0, 64)}" is not a known IANA time zone.`,
      'Use an IANA name such as "America/New_York", "Europe/London", "Asia/Kolkata" or "UTC" (not an offset like "+05:00").',
    );
  }
  canonicalByInput.set(name, canonical);
  return canonical;
}
