/**
 * The one shape for "a value, or why not": every step that can refuse returns this, so callers branch on `ok`
 * and never on which property happens to be present.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function notOk<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
