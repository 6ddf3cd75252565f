import { InputError } from '../input-error.js';
import { knownZone, MAX_ZONE_NAME } from './known-zone.js';

// Abbreviations models reach for. They are not IANA zones (or, like EST, name a
// fixed offset with no DST), so accepting them would silently shift meetings.
const ABBREVIATION_HINTS: Record<string, string> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  AEST: 'Australia/Sydney',
};

// A zone with that fixed UTC offset all year, to suggest instead of an Etc/GMT name (whose sign is inverted).
const CITY_AT_OFFSET: Record<number, string> = {
  [-11]: 'Pacific/Pago_Pago',
  [-10]: 'Pacific/Honolulu',
  [-9]: 'Pacific/Gambier',
  [-8]: 'Pacific/Pitcairn',
  [-7]: 'America/Phoenix',
  [-6]: 'America/Guatemala',
  [-5]: 'America/Bogota',
  [-4]: 'America/La_Paz',
  [-3]: 'America/Argentina/Buenos_Aires',
  [-2]: 'America/Noronha',
  [-1]: 'Atlantic/Cape_Verde',
  1: 'Africa/Lagos',
  2: 'Africa/Johannesburg',
  3: 'Europe/Istanbul',
  4: 'Asia/Dubai',
  5: 'Asia/Karachi',
  6: 'Asia/Dhaka',
  7: 'Asia/Bangkok',
  8: 'Asia/Singapore',
  9: 'Asia/Tokyo',
  10: 'Australia/Brisbane',
  11: 'Pacific/Guadalcanal',
  12: 'Pacific/Tarawa',
  13: 'Pacific/Fakaofo',
  14: 'Pacific/Kiritimati',
};

/** The canonical IANA name for `name`, or an InputError that says what to send. */
export function resolveTimeZone(name: string, field = 'timeZone'): string {
  // Checked before anything else reads it: a zone name is never long, and no cache sees an overlong one.
  if (name.length > MAX_ZONE_NAME * 2) throw tooLong(field);
  const trimmed = name.trim();
  if (trimmed.length > MAX_ZONE_NAME) throw tooLong(field);
  const upper = trimmed.toUpperCase();
  const hint = ABBREVIATION_HINTS[upper];
  if (hint) {
    throw new InputError(field, `"${trimmed}" is an abbreviation, not an IANA time zone.`, `Use an IANA name such as "${hint}".`);
  }
  const etc = /^etc\/gmt([+-])(\d{1,2})$/i.exec(trimmed);
  if (etc && Number(etc[2]) !== 0) throw etcGmtError(trimmed, etc[1] === '+' ? -Number(etc[2]) : Number(etc[2]), field);
  // Old System V names are not in the IANA database (and Temporal would misspell them "Systemv/…").
  if (/^systemv\//i.test(trimmed)) {
    throw new InputError(
      field,
      `"${trimmed.slice(0, 64)}" is a legacy System V name, not an IANA time zone.`,
      'Use the IANA name of a city, e.g. "America/New_York".',
    );
  }
  // Offsets ("+05:00") are valid Temporal zones but carry no DST rules, so a meeting's zone must be a name.
  const looksIana = /^[A-Za-z]/.test(trimmed) && (trimmed.includes('/') || upper === 'UTC' || upper === 'GMT');
  // Case fixed ("america/new_york" -> "America/New_York"), links kept (Asia/Kolkata stays); cached per zone, not per spelling.
  const canonical = looksIana ? knownZone(trimmed)?.name : undefined;
  if (!canonical) {
    throw new InputError(
      field,
      `"${trimmed.slice(0, 64)}" is not a known IANA time zone.`,
      'Use an IANA name such as "America/New_York", "Europe/London", "Asia/Kolkata" or "UTC" (not an offset like "+05:00").',
    );
  }
  return canonical;
}

function tooLong(field: string): InputError {
  return new InputError(
    field,
    `is longer than any IANA time zone name (at most ${MAX_ZONE_NAME} characters).`,
    'Send a zone name such as "America/New_York".',
  );
}

/** Etc/GMT+5 means UTC-05:00 (POSIX inverts the sign): too easy to misread to accept without a word. */
function etcGmtError(name: string, utcOffsetHours: number, field: string): InputError {
  const offset = `UTC${utcOffsetHours < 0 ? '-' : '+'}${String(Math.abs(utcOffsetHours)).padStart(2, '0')}:00`;
  const flipped = `UTC${utcOffsetHours < 0 ? '+' : '-'}${String(Math.abs(utcOffsetHours)).padStart(2, '0')}:00`;
  const same = CITY_AT_OFFSET[utcOffsetHours];
  const opposite = CITY_AT_OFFSET[-utcOffsetHours];
  return new InputError(
    field,
    `"${name}" means ${offset}, not ${flipped}: IANA's Etc zones invert the sign, so it is easy to misread.`,
    `Send a city's zone instead${same ? `: "${same}" is ${offset} all year` : ''}${opposite ? `; for ${flipped}, "${opposite}"` : ''}.`,
  );
}
