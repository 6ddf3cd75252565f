const REDACTED = '[redacted]';
// Shorter values are not looked for: "[redacted]" in place of every "abc" would make answers unreadable.
const MIN_SECRET_LENGTH = 4;

/**
 * What must never be shown for one credential — the key its calls spend, what
 * its client presented — as one value handed to every edge where text leaves
 * the process: the answers (call-tool.ts), the errors (error-text.ts), the
 * logs (log.ts, mcp-log.ts), the confirmation question, the API's echoes.
 */
export interface Redactor {
  /** `text` without any secret, or anything shaped like a bearer credential. */
  text(text: string): string;
  /** `value` with every string that holds a secret redacted, at any depth; the same object when none does. */
  deep<T>(value: T): T;
  /** Whether `text` holds a secret: an answer built from it is then redacted deep. */
  holds(text: string): boolean;
  /** Redact first, cut after: a cut made first could leave most of a key where the whole one would have been caught. */
  excerpt(text: string, maxLength: number): string;
}

export function redactor(values: readonly (string | undefined)[]): Redactor {
  const secrets = values.filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_LENGTH);
  return {
    text: (text) => redact(text, secrets),
    deep: (value) => redactDeep(value, secrets),
    holds: (text) => secrets.some((secret) => text.includes(secret)),
    excerpt: (text, maxLength) => redact(text, secrets).slice(0, maxLength),
  };
}

/** For what holds no credential of its own (a bearer-shaped value is still removed). */
export const NO_SECRETS: Redactor = redactor([]);

/**
 * Removes `secrets` from text that may have come from the API (some APIs echo
 * the credential back in 401 messages) or from an exception, plus anything
 * shaped like a bearer credential. Redact first, cut after: a cut made first
 * could leave most of a key where the whole one would have been caught.
 */
function redact(text: string, secrets: readonly string[]): string {
  const out = removeSecrets(text, secrets);
  // Every answer passes here: text without a "Bearer" is returned as it is, not copied.
  return /Bearer\s/i.test(out) ? out.replace(/(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`) : out;
}

/**
 * `value` (an answer's structuredContent) with every string that contains a
 * secret redacted, at any depth. Copies only what changes: answers without a
 * secret — nearly all — come back as the same object.
 */
function redactDeep<T>(value: T, secrets: readonly string[]): T {
  return secrets.length ? (walk(value, secrets) as T) : value;
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
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
