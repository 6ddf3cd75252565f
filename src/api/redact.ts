const REDACTED = '[redacted]';

/**
 * Removes `secrets` from text that may have come from the API (some APIs echo
 * the credential back in 401 messages) or from an exception, plus anything
 * shaped like a bearer credential.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(/(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`);
}
