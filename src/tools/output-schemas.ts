import { z } from 'zod';
import { MeetingSchema } from '../api/schemas.js';

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
