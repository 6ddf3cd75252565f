import type { Redactor } from '../api/redact.js';

/**
 * What makes text from the API or the model safe to show: after this, no
 * value can start a new line, reorder or hide characters, or pass for text
 * the server wrote. Unsafe are control characters (C0, DEL, C1), format
 * characters (bidi overrides, zero-width), line and paragraph separators,
 * unassigned and private-use code points, and lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** A JSON string literal of `text` with every unsafe character as a \uXXXX escape (JSON.stringify leaves U+2028, bidi marks and C1 as they are). */
export function quote(text: string): string {
  return JSON.stringify(text).replace(UNSAFE_ALL, escapeCharacter);
}

/** `text` with every unsafe character written as \uXXXX: for sentences and log lines. */
export function inert(text: string): string {
  return text.replace(UNSAFE_ALL, escapeCharacter);
}

/** Text as it may leave the process — in an answer, an error, a log line: without secrets, then made inert. */
export function shown(text: string, redactor: Redactor): string {
  return inert(redactor.text(text));
}

function escapeCharacter(character: string): string {
  let out = '';
  for (let i = 0; i < character.length; i++) out += `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
