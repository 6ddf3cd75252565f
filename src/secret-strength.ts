/**
 * How much guessing a secret resists: its length times log2 of the alphabet it
 * draws from (lower-case hex 16, digits 10, letters 26 or 52, base64 64,
 * printable ASCII 95). Judged this way, `openssl rand -hex 32` and
 * `openssl rand -base64 32` always pass — a "distinct characters" rule refused
 * about a quarter of 256-bit hex secrets that happened to miss a digit — and a
 * long run of a few characters ("a" × 64, "abab…") still fails.
 */
export const MIN_SECRET_BITS = 128;

export function estimatedBits(secret: string): number {
  return secret.length * Math.log2(alphabetSize(secret));
}

/** Why `secret` is too weak to guard what it guards, or undefined. */
export function secretWeakness(secret: string): string | undefined {
  const bits = Math.floor(estimatedBits(secret));
  if (bits < MIN_SECRET_BITS) return `about ${bits} bits of randomness; at least ${MIN_SECRET_BITS} are needed`;
  // A random string of this length from this alphabet uses many of its characters: a few, repeated, is a pattern.
  const expected = Math.min(alphabetSize(secret), secret.length);
  if (new Set(secret).size * 4 < expected) return 'it repeats a few characters; a random one uses many';
  return undefined;
}

function alphabetSize(secret: string): number {
  if (/^[0-9]+$/.test(secret)) return 10;
  if (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) return 16;
  if (/^[a-z]+$/.test(secret) || /^[A-Z]+$/.test(secret)) return 26;
  if (/^[a-z0-9]+$/.test(secret) || /^[A-Z0-9]+$/.test(secret)) return 36;
  if (/^[A-Za-z]+$/.test(secret)) return 52;
  if (/^[A-Za-z0-9]+$/.test(secret)) return 62;
  if (/^[A-Za-z0-9+/=_-]+$/.test(secret)) return 64;
  return 95;
}
