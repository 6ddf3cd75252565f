import { z } from 'zod';
import { MeetingSchema } from '../api/schemas.js';
import { ERROR_CODES } from '../format/error-text.js';

// structuredContent carries the API's objects unchanged (MeetingSchema keeps unknown fields), so programs lose nothing.

export const meetingResult = z.object({
  meeting: MeetingSchema,
  /** How an ambiguous wall-clock time was read, when it was. */
  note: z.string().optional(),
});

export const meetingPage = z.object({
  meetings: z.array(MeetingSchema),
  totalCount: z.number().int().optional(),
  nextPageToken: z.string().optional(),
});

export const deletion = z.object({
  meetingId: z.string(),
  deleted: z.literal(true),
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
