import { createHash } from 'node:crypto';

/** Arguments whose values completion offers from what the server has already shown. */
export type RecentKind = 'ownerId' | 'prospectId' | 'meetingId' | 'meetingType';

interface Shown {
  id?: unknown;
  ownerId?: unknown;
  prospectId?: unknown;
  meetingType?: unknown;
}

const KINDS: readonly RecentKind[] = ['ownerId', 'prospectId', 'meetingId', 'meetingType'];
const FIELD: Record<RecentKind, keyof Shown> = {
  ownerId: 'ownerId',
  prospectId: 'prospectId',
  meetingId: 'id',
  meetingType: 'meetingType',
};
// Per kind: enough for a recruiter's week, small enough to send whole.
const MAX_PER_KIND = 100;
// Printable, one token, short: a value from the API becomes a suggestion in a person's UI.
const SHOWABLE = /^[\x21-\x7e]{1,64}$/;

/**
 * Ids and types from the meetings the server's answers have shown, most
 * recent list first: what completion suggests. Completion never calls the API
 * (a list of everything would be slow and is not the server's to volunteer).
 */
export class RecentValues {
  private readonly byKind = new Map<RecentKind, string[]>();

  /** One answer's meetings, in the order shown: they become the most recent values. */
  record(meetings: readonly Shown[]): void {
    if (!meetings.length) return;
    for (const kind of KINDS) {
      const field = FIELD[kind];
      const seen = new Set<string>();
      for (const meeting of meetings) {
        const value = meeting[field];
        if (typeof value === 'string' && !seen.has(value) && SHOWABLE.test(value)) seen.add(value);
      }
      if (!seen.size) continue;
      const merged = [...seen];
      for (const value of this.byKind.get(kind) ?? []) if (merged.length < MAX_PER_KIND && !seen.has(value)) merged.push(value);
      this.byKind.set(kind, merged.length > MAX_PER_KIND ? merged.slice(0, MAX_PER_KIND) : merged);
    }
  }

  values(kind: RecentKind): readonly string[] {
    return this.byKind.get(kind) ?? [];
  }
}

// Hosted mode: a store per API key (never shared between people), for at most this many keys per replica.
const MAX_KEYS = 1_000;
const byKey = new Map<string, RecentValues>();

/** The store for one API key (undefined: the server's own — stdio, or a server-held key). */
export function recentValuesFor(apiKey: string | undefined): RecentValues {
  const slot = apiKey === undefined ? '' : createHash('sha256').update(apiKey).digest('hex');
  let store = byKey.get(slot);
  if (store) {
    byKey.delete(slot);
  } else {
    store = new RecentValues();
    const oldest = byKey.size >= MAX_KEYS ? byKey.keys().next() : undefined;
    if (oldest && !oldest.done) byKey.delete(oldest.value);
  }
  byKey.set(slot, store);
  return store;
}

/** The meetings an answer's structured content shows (a list, or one meeting). */
export function meetingsShown(structured: unknown): Shown[] {
  const value = structured as { meetings?: unknown; meeting?: unknown } | undefined;
  if (Array.isArray(value?.meetings)) return value.meetings as Shown[];
  return value?.meeting && typeof value.meeting === 'object' ? [value.meeting as Shown] : [];
}
