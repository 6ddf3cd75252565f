// Bearer credentials are visible ASCII (RFC 6750 token68 is a subset); anything else is a paste accident.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

const NAMES: Record<string, string> = {
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\t': 'a tab',
  ' ': 'a space',
  '\u00a0': 'a non-breaking space',
  '\u201c': 'a curly quote',
  '\u201d': 'a curly quote',
  '\u2018': 'a curly quote',
  '\u2019': 'a curly quote',
};

/**
 * Why `key` cannot be sent as `Authorization: Bearer <key>`, naming the first
 * bad character and where it is — never the key itself; undefined when it can.
 */
export function apiKeyProblem(key: string): string | undefined {
  if (HEADER_SAFE.test(key)) return undefined;
  const index = [...key].findIndex((char) => !HEADER_SAFE.test(char));
  const char = [...key][index] ?? '';
  const codePoint = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `character ${index + 1} is ${NAMES[char] ?? codePoint}${NAMES[char] ? ` (${codePoint})` : ''}`;
}
