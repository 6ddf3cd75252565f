const REDACTED = '[redacted]';

/**
 * Removes `secrets` from text that may have come from the API (some APIs echo
 * the credential back in 401 messages) or from an exception, plus anything
 * shaped like a bearer credential. Redact first, cut after: a cut made first
 * could leave most of a key where the whole one would have been caught.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const out = removeSecrets(text, secrets);
  // Every answer passes here: text without a "Bearer" is returned as it is, not copied.
  return /Bearer\s/i.test(out) ? out.replace(/(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`) : out;
}

/**
 * `value` (an answer's structuredContent) with every string that contains a
 * secret redacted, at any depth. Copies only what changes: answers without a
 * secret — nearly all — come back as the same object.
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const usable = secrets.filter((secret) => secret.length >= 4);
  return usable.length ? (walk(value, usable) as T) : value;
}

function walk(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return secrets.some((secret) => value.includes(secret)) ? removeSecrets(value, secrets) : value;
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const next = walk(item, secrets);
      if (next !== item) (copy ??= [...value])[index] = next;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = walk(item, secrets);
    const name = walk(key, secrets) as string;
    if (next !== item || name !== key) {
      copy ??= { ...(value as Record<string, unknown>) };
      if (name !== key) delete copy[key];
      // defineProperty, not assignment: a key named "__proto__" (JSON.parse makes it an own property) must stay data.
      Object.defineProperty(copy, name, { value: next, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy ?? value;
}

function removeSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
