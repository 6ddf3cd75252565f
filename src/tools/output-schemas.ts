import * as z from 'zod/v4';
import { MeetingSchema } from '../api/schemas.js';
import { ERROR_CODES } from '../format/error-text.js';

// structuredContent carries the API's objects unchanged (MeetingSchema keeps unknown fields), so programs lose nothing.

const fieldValue = z.union([z.string(), z.number(), z.null()]);

export const meetingResult = z.object({
  /** The meeting after the change; with dryRun, as it is now. */
  meeting: MeetingSchema,
  /** How an ambiguous wall-clock time was read, when it was. */
  note: z.string().optional(),
  /** Set on a dry run: nothing was sent. */
  dryRun: z.literal(true).optional(),
  /** On a dry run, what would change, in API values. */
  changes: z.array(z.object({ field: z.string(), from: fieldValue, to: fieldValue })).optional(),
});

export const meetingPage = z.object({
  meetings: z.array(MeetingSchema),
  totalCount: z.number().int().optional(),
  nextPageToken: z.string().optional(),
});

export const deletion = z.object({
  meetingId: z.string(),
  /** False on a dry run or when the user declined. */
  deleted: z.boolean(),
  dryRun: z.literal(true).optional(),
  /** The meeting as it was, when it was read first (dry run, confirmation). */
  meeting: MeetingSchema.optional(),
  message: z.string().optional(),
});

/**
 * What an isError result carries in structuredContent: the stable code and the
 * facts behind the message. Published as the alternative branch of every
 * tool's output schema, so an error never fails a client's validation.
 */
export const toolError = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    retryable: z.boolean(),
    retryAfterSeconds: z.number().int().optional(),
    field: z.string().optional(),
    meetingId: z.string().optional(),
  }),
});
