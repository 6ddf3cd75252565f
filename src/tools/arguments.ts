import { z } from 'zod';
import { SAFE_PATH_SEGMENT } from '../api/schemas.js';

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
  meetingType: { about: 'Label such as "virtual", "phone", "in-person".', send: 'a short label such as "virtual", "phone" or "in-person"' },
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
  location: { about: 'Where, e.g. "Zoom" or an address; null clears it.', send: 'text up to 2000 characters, or null to clear it' },
  notes: { about: 'Internal notes; null clears them.', send: 'text up to 10000 characters, or null to clear them' },
  limit: { about: 'Page size, 1-200 (default 50).', send: 'a whole number from 1 to 200' },
  pageToken: { about: 'From the previous page; same filters.', send: 'nextPageToken exactly as the previous list_meetings answer gave it' },
  maxResults: { about: 'Fetch up to this many (1-1000), following pages.', send: 'a whole number from 1 to 1000' },
  idempotencyKey: {
    about: 'Your own retry key (rarely needed).',
    send: '8-255 letters, digits, "-", "_", ".", ":" — or leave it out and the server derives one',
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

const about = (name: ArgumentName) => ARGUMENTS[name].about;

// Ids are printable tokens: no spaces, line breaks, control or invisible characters, which in an id are always a mistake.
const PRINTABLE_TOKEN = /^[^\s\p{C}\p{Z}]+$/u;
const TOKEN_MESSAGE = 'must be one printable token: no spaces, line breaks, control or invisible characters.';
// A label: no line breaks, control or invisible characters (spaces are fine: "in person").
const PLAIN_LABEL = /^[^\p{C}\p{Zl}\p{Zp}]+$/u;

// list_meetings writes a repeated id as "@1=<id>" then "@1", a repeated location as "#1=<location>" then "#1": stand-ins, not values.
const ID_STAND_IN = /^@\d+$/;
const LOCATION_STAND_IN = /^[@#]\d+$/;
const notStandIn = (what: 'id' | 'location') => ({
  message:
    what === 'id'
      ? 'is a stand-in from a list answer, not an id. Pass the full id it stands for (written "@n=<id>" at its first use in that answer).'
      : 'is a stand-in from a list answer, not a location. Pass the full location it stands for (written "#n=<location>" at its first use in that answer).',
});

export const meetingId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .refine((id) => !ID_STAND_IN.test(id), notStandIn('id'))
  // A single path segment: no "/", "..", "%", "?" or "#" can reach the URL.
  .regex(SAFE_PATH_SEGMENT, 'contains characters that are not allowed (an id is a single token: no "/", "..", "?", "#", "%" or spaces).')
  .describe(about('meetingId'));

const entityId = (name: ArgumentName) =>
  z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(PRINTABLE_TOKEN, TOKEN_MESSAGE)
    .refine((id) => !ID_STAND_IN.test(id), notStandIn('id'))
    .describe(about(name));

export const prospectId = entityId('prospectId');
export const ownerId = entityId('ownerId');
export const userId = entityId('userId');
export const meetingType = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(PLAIN_LABEL, 'must be one line of text: no line breaks, control or invisible characters.')
  .describe(about('meetingType'));

export const meetingDate = z.union([z.number(), z.string().max(64)]).describe(about('meetingDate'));

export const timeZone = z.string().trim().min(1).max(64).describe(about('timeZone'));

export const location = z
  .string()
  .max(2000)
  .refine((text) => !LOCATION_STAND_IN.test(text.trim()), notStandIn('location'))
  .nullable()
  .describe(about('location'));
export const notes = z.string().max(10_000).nullable().describe(about('notes'));

export const dateBound = (name: 'meetingDateAfter' | 'meetingDateBefore') =>
  z.union([z.number(), z.string().max(64)]).describe(about(name));

export const limit = z.number().int().min(1).max(200).describe(about('limit'));
export const maxResults = z.number().int().min(1).max(1000).describe(about('maxResults'));
export const pageToken = z.string().trim().min(1).max(2048).regex(PRINTABLE_TOKEN, TOKEN_MESSAGE).describe(about('pageToken'));

export const idempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(255)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may hold only letters, digits, "-", "_", ".", ":" (it is sent as an HTTP header).')
  .describe(about('idempotencyKey'));

export const dryRun = z.boolean().describe(about('dryRun'));
export const confirmDate = z.boolean().describe(about('confirmDate'));
