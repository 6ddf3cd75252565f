import { EmulatorError } from './emulator-error.js';

/** Where the previous page ended, in list order, plus which filters it was for. */
export interface Cursor {
  meetingDate: number;
  id: string;
  filterHash: string;
}

// Opaque to clients (base64url JSON), but bound to the filters: reusing a token with other filters is a 400, as on most cursor APIs.
export function encodePageToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.meetingDate, cursor.id, cursor.filterHash])).toString('base64url');
}

export function decodePageToken(token: string): Cursor {
  try {
    const [meetingDate, id, filterHash] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
    if (typeof meetingDate === 'number' && typeof id === 'string' && typeof filterHash === 'string') {
      return { meetingDate, id, filterHash };
    }
  } catch {
    // fall through to the error below
  }
  throw new EmulatorError(400, 'invalid_page_token', 'pageToken is not a token this API issued.');
}

/** FNV-1a of the filters: enough to tell one filter set from another in a token. */
export function hashFilters(filters: Record<string, unknown>): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(filters)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(36);
}
