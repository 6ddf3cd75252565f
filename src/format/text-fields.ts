/**
 * The small grammar of list lines: fields separated by spaces; a value that
 * could break that (spaces, quotes, line breaks) is a JSON string; "-" is none.
 */
const MISSING = '-';

// Bare words that would read as something else: none, a tag ("by=…", "reviewed") or a stand-in ("@1").
const RESERVED = /^(?:-|reviewed|by=.*|@.*)$/;

/** Any value as one field: a bare word when safe, else a JSON string. */
export function word(value: string | null | undefined): string {
  if (value == null) return MISSING;
  return /^[^\s"]+$/.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

/**
 * The last field of a line: plain text to the end of the line, which saves the
 * quotes on most notes. JSON-quoted only when plain text would be ambiguous.
 */
export function restOfLine(value: string | null | undefined): string {
  if (value == null) return MISSING;
  // Quoted too when it starts like a stand-in ("@1 …"), which a reader would look up.
  const plain = value !== MISSING && value.trim() === value && value !== '' && !/^"|^@\d|[\r\n\t\u2028\u2029]/.test(value);
  return plain ? value : JSON.stringify(value);
}
