import { hasUnsafeCharacters, quote } from './inert-text.js';

/**
 * The small grammar of list lines: fields separated by spaces; a value that
 * could break that (spaces, quotes, line breaks, any unsafe character) is a
 * JSON string; "-" is none. Every value from the API goes through word() or
 * restOfLine(), so none can shift a column or start a line of its own.
 */
const MISSING = '-';

/** Longest value a list shows; get_meeting shows up to SINGLE_VALUE_MAX. structuredContent always has all of it. */
export const LIST_VALUE_MAX = 1_000;
export const SINGLE_VALUE_MAX = 10_000;

// Bare words that would read as something else: none, a tag ("by=…", "reviewed", "zone=…") or a stand-in ("@1", "#1").
const RESERVED = /^(?:-|—|reviewed|[a-z]+=.*|@.*|#\d.*)$/;
const BARE = /^[^\s"\\\p{C}\p{Z}]+$/u;

/** Any value as one field: a bare word when safe, else a JSON string. */
export function word(value: string | null | undefined, max: number = LIST_VALUE_MAX): string {
  if (value == null) return MISSING;
  if (value.length > max) return quote(clip(value, max));
  return BARE.test(value) && !RESERVED.test(value) ? value : quote(value);
}

/**
 * The last field of a line: plain text to the end of the line, which saves the
 * quotes on most notes. JSON-quoted only when plain text would be ambiguous.
 */
export function restOfLine(value: string | null | undefined, max: number = LIST_VALUE_MAX): string {
  if (value == null) return MISSING;
  if (value.length > max) return quote(clip(value, max));
  // Quoted too when it starts like a stand-in ("@1 …", "#1 …"), which a reader would look up.
  const plain = value !== MISSING && value.trim() === value && value !== '' && !/^"|^[@#]\d/.test(value) && !hasUnsafeCharacters(value);
  return plain ? value : quote(value);
}

/** `value` cut to `max` characters, saying how much was left out (as it is when it fits). */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  return `${value.slice(0, max)}… [cut: ${value.length - max} more characters]`;
}
