import { API_DEFAULT_PAGE, API_MAX_PAGE } from '../api/meeting-pages.js';
import { quotedMeetingTypes } from '../api/meeting-types.js';

/** Every bound on an argument, once: the schemas (arguments.ts) enforce these, and the texts below say them. */
export const ARGUMENT_BOUNDS = {
  /** An id's characters. */
  id: 128,
  meetingType: 64,
  /** A date written as text (an epoch written as a number has its own range check). */
  dateText: 64,
  timeZone: 64,
  location: 2000,
  notes: 10_000,
  limit: { min: 1, max: API_MAX_PAGE, default: API_DEFAULT_PAGE },
  maxResults: { min: 1, max: 1000 },
  pageToken: 2048,
  idempotencyKey: { min: 8, max: 255 },
} as const;
const B = ARGUMENT_BOUNDS;

// Plain data, no schemas: the error path (call-tool, input-issues) reads it from a starting server without building
// the zod schemas of arguments.ts.

/**
 * Every tool argument once, with the API's own names: what a model reads
 * before calling (`about`, the schema's description) and after calling badly
 * (`send`, the accepted forms, as "Send …" in every error about that argument
 * and in `call <tool> --help`).
 */
export const ARGUMENTS = {
  meetingId: {
    about: 'Meeting id (32 hex chars).',
    send: 'the 32-character meeting id exactly as list_meetings or get_meeting shows it',
  },
  prospectId: { about: 'Prospect (candidate) id.', send: 'the prospect (candidate) id as HiringCenter shows it' },
  ownerId: { about: 'User id of the meeting owner.', send: "the owning user's id as HiringCenter shows it" },
  userId: {
    about: 'Acting user id (audit). Default: HIRINGCENTER_USER_ID, else the API key.',
    send: 'a HiringCenter user id, or leave it out',
  },
  meetingType: { about: `Label such as ${quotedMeetingTypes()}.`, send: `a short label such as ${quotedMeetingTypes(' or ')}` },
  meetingDate: {
    about:
      'When. Epoch ms, ISO 8601 with offset ("2025-03-10T10:00-04:00"), or wall-clock "2025-03-10T10:00" meaning that local time in timeZone (DST-aware).',
    send: 'epoch milliseconds, ISO 8601 with an offset ("2025-03-10T10:00:00-04:00" or "…Z"), or wall-clock time "2025-03-10T10:00" with timeZone',
  },
  meetingDateAfter: {
    about:
      'Earliest start, inclusive: epoch ms, ISO with offset, or wall-clock "2025-03-10" (00:00) / "2025-03-10T09:00" read in timeZone.',
    send: 'epoch ms, ISO 8601 with an offset, or a wall-clock date or time ("2025-03-10" or "2025-03-10T09:00") with timeZone',
  },
  meetingDateBefore: {
    about: 'Latest start, exclusive; same forms.',
    send: 'epoch ms, ISO 8601 with an offset, or a wall-clock date or time ("2025-03-17" or "2025-03-17T18:00") with timeZone',
  },
  timeZone: {
    about: 'IANA zone, e.g. "America/New_York" (not "EST" or "+05:00").',
    send: 'an IANA time zone name such as "America/New_York" or "Europe/Berlin"',
  },
  location: {
    about: 'Where, e.g. "Zoom" or an address; null clears it.',
    send: `text up to ${B.location} characters, or null to clear it`,
  },
  notes: { about: 'Internal notes; null clears them.', send: `text up to ${B.notes} characters, or null to clear them` },
  limit: {
    about: `Page size, ${B.limit.min}-${B.limit.max} (default ${B.limit.default}).`,
    send: `a whole number from ${B.limit.min} to ${B.limit.max}`,
  },
  pageToken: { about: 'From the previous page; same filters.', send: 'nextPageToken exactly as the previous list_meetings answer gave it' },
  maxResults: {
    about: `Fetch up to this many (${B.maxResults.min}-${B.maxResults.max}), following pages.`,
    send: `a whole number from ${B.maxResults.min} to ${B.maxResults.max}`,
  },
  idempotencyKey: {
    about: 'Your own retry key (rarely needed).',
    send: `${B.idempotencyKey.min}-${B.idempotencyKey.max} letters, digits, "-", "_", ".", ":" — or leave it out and the server derives one`,
  },
  dryRun: { about: 'true: show what would change, send nothing.', send: 'true or false' },
  confirmDate: {
    about: 'true: a past or over-a-year-ahead meetingDate is intended.',
    send: 'true, only once you have checked the date with the user',
  },
} as const satisfies Record<string, { about: string; send: string }>;

export type ArgumentName = keyof typeof ARGUMENTS;

/** The error hint for `field`: "Send …." — undefined for a name that is not an argument. */
export function acceptedForm(field: string): string | undefined {
  return field in ARGUMENTS ? `Send ${ARGUMENTS[field as ArgumentName].send}.` : undefined;
}
