import * as z from 'zod/v4';
import { SAFE_PATH_SEGMENT } from '../api/meeting-id.js';
import { ARGUMENT_BOUNDS as B, ARGUMENTS, type ArgumentName } from './argument-forms.js';

export { acceptedForm, ARGUMENTS, type ArgumentName } from './argument-forms.js';
export { quotedMeetingTypes, type DocumentedMeetingType } from '../api/meeting-types.js';

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
  .max(B.id)
  .refine((id) => !ID_STAND_IN.test(id), notStandIn('id'))
  // A single path segment: no "/", "..", "%", "?" or "#" can reach the URL.
  .regex(SAFE_PATH_SEGMENT, 'contains characters that are not allowed (an id is a single token: no "/", "..", "?", "#", "%" or spaces).')
  .describe(about('meetingId'));

const entityId = (name: ArgumentName) =>
  z
    .string()
    .trim()
    .min(1)
    .max(B.id)
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
  .max(B.meetingType)
  .regex(PLAIN_LABEL, 'must be one line of text: no line breaks, control or invisible characters.')
  .describe(about('meetingType'));

export const meetingDate = z.union([z.number(), z.string().max(B.dateText)]).describe(about('meetingDate'));

export const timeZone = z.string().trim().min(1).max(B.timeZone).describe(about('timeZone'));

export const location = z
  .string()
  .max(B.location)
  .refine((text) => !LOCATION_STAND_IN.test(text.trim()), notStandIn('location'))
  .nullable()
  .describe(about('location'));
export const notes = z.string().max(B.notes).nullable().describe(about('notes'));

export const dateBound = (name: 'meetingDateAfter' | 'meetingDateBefore') =>
  z.union([z.number(), z.string().max(B.dateText)]).describe(about(name));

export const limit = z.number().int().min(B.limit.min).max(B.limit.max).describe(about('limit'));
export const maxResults = z.number().int().min(B.maxResults.min).max(B.maxResults.max).describe(about('maxResults'));
export const pageToken = z.string().trim().min(1).max(B.pageToken).regex(PRINTABLE_TOKEN, TOKEN_MESSAGE).describe(about('pageToken'));

export const idempotencyKey = z
  .string()
  .trim()
  .min(B.idempotencyKey.min)
  .max(B.idempotencyKey.max)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may hold only letters, digits, "-", "_", ".", ":" (it is sent as an HTTP header).')
  .describe(about('idempotencyKey'));

export const dryRun = z.boolean().describe(about('dryRun'));
export const confirmDate = z.boolean().describe(about('confirmDate'));
