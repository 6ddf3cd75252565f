// The contract's rules for ids, apart from the response schemas: checking an id builds no zod schema, so a
// starting server needs none (client.ts loads the schemas with the first answer).

/** The contract's meeting id: 32 lowercase hex characters. */
export const MEETING_ID = /^[0-9a-f]{32}$/;

/**
 * What may stand as one segment of a URL path: no "/", ".", "%", "?", "#" or
 * space, so no id can climb out of /meetings/ or add a query.
 */
export const SAFE_PATH_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Ids are hex; the API may spell them in either case. */
export function sameMeetingId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
