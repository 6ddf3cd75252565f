import type { Meeting } from '../api/schemas.js';
import { EmulatorError } from './emulator-error.js';
import { decodePageToken, encodePageToken, hashFilters } from './page-token.js';

/** Who is calling: the emulator attributes API-created meetings to this key. */
export interface ApiKeyIdentity {
  id: string;
  name: string;
}

export interface ListPage {
  items: Meeting[];
  nextPageToken?: string;
  totalCount: number;
}

export interface StoreOptions {
  /** Most meetings held at once; a create beyond it is refused (422 sandbox_full). */
  maxMeetings?: number;
}

const DEFAULT_LIMIT = 50;
// Enough for every demo, soak and benchmark; a runaway client cannot grow the process without bound.
const DEFAULT_MAX_MEETINGS = 20_000;
const MAX_LIMIT = 200;
const CREATE_FIELDS = ['prospectId', 'meetingDate', 'timeZone', 'meetingType', 'ownerId', 'userId', 'location', 'notes'];
const UPDATE_FIELDS = ['userId', 'meetingDate', 'timeZone', 'meetingType', 'ownerId', 'location', 'notes'];

/**
 * The Meetings resource (docs/hiringcenter-api.md), in memory. Where the
 * contract is silent the emulator picks one reading and says so here:
 * - meetingDateAfter is inclusive, meetingDateBefore exclusive (windows tile);
 * - list order is meetingDate descending, then id ascending for equal dates;
 * - unknown body fields and a prospectId on update are 400s, so client bugs show.
 */
export class MeetingStore {
  private readonly meetings = new Map<string, Meeting>();
  private readonly maxMeetings: number;
  /** Meetings created, changed or deleted so far (`call --sandbox` says a change is gone only when there was one). */
  changes = 0;

  constructor(
    private readonly now: () => number = Date.now,
    options: StoreOptions = {},
  ) {
    this.maxMeetings = options.maxMeetings ?? DEFAULT_MAX_MEETINGS;
  }

  get size(): number {
    return this.meetings.size;
  }

  /** Every meeting, in list order (for tests and the soak's state comparison). */
  all(): Meeting[] {
    return [...this.meetings.values()].sort(listOrder).map((m) => ({ ...m }));
  }

  /** Puts a complete meeting in place, as seeding does. */
  insert(meeting: Meeting): void {
    this.meetings.set(meeting.id, { ...meeting });
  }

  list(query: URLSearchParams): ListPage {
    const filters = {
      prospectId: query.get('prospectId') ?? undefined,
      ownerId: query.get('ownerId') ?? undefined,
      meetingType: query.get('meetingType') ?? undefined,
      after: optionalDate(query.get('meetingDateAfter'), 'meetingDateAfter'),
      before: optionalDate(query.get('meetingDateBefore'), 'meetingDateBefore'),
    };
    const limit = parseLimit(query.get('limit'));
    const filterHash = hashFilters(filters);
    const matching = [...this.meetings.values()]
      .filter(
        (m) =>
          (filters.prospectId === undefined || m.prospectId === filters.prospectId) &&
          (filters.ownerId === undefined || m.ownerId === filters.ownerId) &&
          (filters.meetingType === undefined || m.meetingType === filters.meetingType) &&
          (filters.after === undefined || m.meetingDate >= filters.after) &&
          (filters.before === undefined || m.meetingDate < filters.before),
      )
      .sort(listOrder);
    let start = 0;
    const token = query.get('pageToken');
    if (token) {
      const cursor = decodePageToken(token);
      if (cursor.filterHash !== filterHash) {
        throw new EmulatorError(400, 'invalid_page_token', 'pageToken belongs to a list with different filters.');
      }
      // Resume after the cursor's position, so inserts and deletes between pages never repeat or skip a meeting.
      start = matching.findIndex((m) => listOrder(m, { meetingDate: cursor.meetingDate, id: cursor.id }) > 0);
      if (start === -1) start = matching.length;
    }
    const items = matching.slice(start, start + limit);
    const last = items.at(-1);
    const more = start + limit < matching.length && last;
    return {
      items: items.map((m) => ({ ...m })),
      totalCount: matching.length,
      ...(more ? { nextPageToken: encodePageToken({ meetingDate: last.meetingDate, id: last.id, filterHash }) } : {}),
    };
  }

  get(id: string): Meeting {
    const meeting = this.meetings.get(id);
    if (!meeting) throw new EmulatorError(404, 'not_found', `Meeting ${id} not found.`);
    return { ...meeting };
  }

  create(body: unknown, key: ApiKeyIdentity): Meeting {
    const input = asObject(body);
    if (this.meetings.size >= this.maxMeetings) {
      throw new EmulatorError(422, 'sandbox_full', `The sandbox holds at most ${this.maxMeetings} meetings; delete some first.`);
    }
    rejectUnknown(input, CREATE_FIELDS);
    const userId = optionalString(input, 'userId');
    const at = this.now();
    const meeting: Meeting = {
      id: globalThis.crypto.randomUUID().replaceAll('-', ''),
      prospectId: requiredString(input, 'prospectId'),
      meetingDate: requiredDate(input.meetingDate, 'meetingDate'),
      timeZone: requiredZone(input.timeZone),
      meetingType: requiredString(input, 'meetingType'),
      ownerId: requiredString(input, 'ownerId'),
      location: nullableString(input, 'location') ?? null,
      notes: nullableString(input, 'notes') ?? null,
      createdBy: userId ?? null,
      createdByApi: userId === undefined,
      createdByApiKeyId: userId === undefined ? key.id : null,
      createdByApiKeyName: userId === undefined ? key.name : null,
      createdAt: at,
      updatedAt: at,
      review: null,
    };
    this.meetings.set(meeting.id, meeting);
    this.changes += 1;
    return { ...meeting };
  }

  update(id: string, body: unknown): Meeting {
    const input = asObject(body);
    if ('prospectId' in input) throw new EmulatorError(400, 'validation_error', 'prospectId cannot be changed.');
    rejectUnknown(input, UPDATE_FIELDS);
    const current = this.get(id);
    optionalString(input, 'userId');
    const next: Meeting = { ...current };
    if (input.meetingDate !== undefined) next.meetingDate = requiredDate(input.meetingDate, 'meetingDate');
    if (input.timeZone !== undefined) next.timeZone = requiredZone(input.timeZone);
    if (input.meetingType !== undefined) next.meetingType = requiredString(input, 'meetingType');
    if (input.ownerId !== undefined) next.ownerId = requiredString(input, 'ownerId');
    const location = nullableString(input, 'location');
    if (location !== undefined) next.location = location;
    const notes = nullableString(input, 'notes');
    if (notes !== undefined) next.notes = notes;
    next.updatedAt = this.now();
    this.meetings.set(id, next);
    this.changes += 1;
    return { ...next };
  }

  delete(id: string): void {
    this.get(id);
    this.meetings.delete(id);
    this.changes += 1;
  }
}

function listOrder(a: Pick<Meeting, 'meetingDate' | 'id'>, b: Pick<Meeting, 'meetingDate' | 'id'>): number {
  return b.meetingDate - a.meetingDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const invalid = (message: string) => new EmulatorError(400, 'validation_error', message);

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('Body must be a JSON object.');
  return body as Record<string, unknown>;
}

function rejectUnknown(input: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(input).filter((k) => !allowed.includes(k));
  if (unknown.length) throw invalid(`Unknown field(s): ${unknown.join(', ')}.`);
}

function requiredString(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (typeof value !== 'string' || !value.trim()) throw invalid(`${field} is required and must be a non-empty string.`);
  return value;
}

function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  return input[field] === undefined ? undefined : requiredString(input, field);
}

function nullableString(input: Record<string, unknown>, field: string): string | null | undefined {
  const value = input[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw invalid(`${field} must be a string or null.`);
  return value;
}

function requiredZone(value: unknown): string {
  if (typeof value !== 'string' || !value) throw invalid('timeZone is required.');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new EmulatorError(422, 'invalid_time_zone', `timeZone "${value}" is not a valid IANA time zone.`);
  }
  return value;
}

// The contract allows epoch ms or an ISO 8601 string; an ISO string without an offset has no single meaning, so it is refused.
function requiredDate(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw invalid(`${field} must be epoch milliseconds or an ISO 8601 string with an offset.`);
}

function optionalDate(raw: string | null, field: string): number | undefined {
  if (raw === null || raw === '') return undefined;
  return requiredDate(/^-?\d+$/.test(raw) ? Number(raw) : raw, field);
}

function parseLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid(`limit must be an integer from 1 to ${MAX_LIMIT}.`);
  }
  return limit;
}
