/**
 * The date and time forms the server reads, as text, in one place: the tools (resolve-date-input.ts), the
 * prompts' arguments and completion's calendar days all check against these.
 */

/** A calendar date: "2026-12-07". */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Wall-clock date and time, no offset: "2026-12-07T14:30" (seconds and a fraction optional; a space for the T). */
export const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/i;
/** Date and time with "Z" or a UTC offset, and optionally an RFC 9557 zone suffix: "2026-12-07T14:30-05:00". */
export const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)(?:\[[^\]]{1,64}\])?$/i;
/** Epoch milliseconds written as digits. */
export const EPOCH_DIGITS = /^\d{1,16}$/;
/** A 24h local time: "14:30" (or "9:05"). */
export const LOCAL_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
