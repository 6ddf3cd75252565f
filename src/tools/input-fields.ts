import { z } from 'zod';
import { SAFE_PATH_SEGMENT } from '../api/schemas.js';

/**
 * Argument schemas shared by the tools, with the API's own names. Descriptions
 * are what a model reads to call well; accepted-forms.ts is what it reads after
 * calling badly.
 */

// Ids are printable tokens: no spaces, line breaks, control or invisible characters, which in an id are always a mistake.
const PRINTABLE_TOKEN = /^[^\s\p{C}\p{Z}]+$/u;
const TOKEN_MESSAGE = 'must be one printable token: no spaces, line breaks, control or invisible characters.';
// A label: no line breaks, control or invisible characters (spaces are fine: "in person").
const PLAIN_LABEL = /^[^\p{C}\p{Zl}\p{Zp}]+$/u;

// list_meetings writes a value used twice (an id, a location) as "@1=<value>", then "@1": the stand-in is not the value.
const STAND_IN = /^@\d+$/;
const notStandIn = (what: 'id' | 'location') => ({
  message: `is a stand-in from a list answer, not ${what === 'id' ? 'an id' : 'a location'}. Pass the full ${what} it stands for (written "@n=<${what}>" at its first use in that answer).`,
});

export const meetingId = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .refine((id) => !STAND_IN.test(id), notStandIn('id'))
  // A single path segment: no "/", "..", "%", "?" or "#" can reach the URL.
  .regex(SAFE_PATH_SEGMENT, 'contains characters that are not allowed (an id is a single token: no "/", "..", "?", "#", "%" or spaces).')
  .describe('Meeting id (32 hex chars).');

const entityId = (what: string) =>
  z.string().trim().min(1).max(128).regex(PRINTABLE_TOKEN, TOKEN_MESSAGE).refine((id) => !STAND_IN.test(id), notStandIn('id')).describe(what);

export const prospectId = entityId('Prospect (candidate) id.');
export const ownerId = entityId('User id of the meeting owner.');
export const userId = entityId('Acting user id (audit). Default: HIRINGCENTER_USER_ID, else the API key.');
export const meetingType = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(PLAIN_LABEL, 'must be one line of text: no line breaks, control or invisible characters.')
  .describe('Label such as "virtual", "phone", "in-person".');

export const meetingDate = z
  .union([z.number(), z.string().max(64)])
  .describe(
    'When. Epoch ms, ISO 8601 with offset ("2025-03-10T10:00-04:00"), or wall-clock "2025-03-10T10:00" meaning that local time in timeZone (DST-aware).',
  );

export const timeZone = z.string().trim().min(1).max(64).describe('IANA zone, e.g. "America/New_York" (not "EST" or "+05:00").');

export const location = z
  .string()
  .max(2000)
  .refine((text) => !STAND_IN.test(text.trim()), notStandIn('location'))
  .nullable()
  .describe('Where, e.g. "Zoom" or an address; null clears it.');
export const notes = z.string().max(10_000).nullable().describe('Internal notes; null clears them.');

export const dateBound = (edge: 'lower' | 'upper') =>
  z
    .union([z.number(), z.string().max(64)])
    .describe(
      edge === 'lower'
        ? 'Earliest start, inclusive: epoch ms, ISO with offset, or wall-clock "2025-03-10" (00:00) / "2025-03-10T09:00" read in timeZone.'
        : 'Latest start, exclusive; same forms.',
    );

export const limit = z.number().int().min(1).max(200).describe('Page size, 1-200 (default 50).');
export const pageToken = z.string().trim().min(1).max(2048).regex(PRINTABLE_TOKEN, TOKEN_MESSAGE).describe('From the previous page; same filters.');

export const idempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(255)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may hold only letters, digits, "-", "_", ".", ":" (it is sent as an HTTP header).')
  .describe('Rarely needed: your own retry key for this exact change.');

export const dryRun = z.boolean().describe('true: show what would change, send nothing.');
