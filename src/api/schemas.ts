import * as z from 'zod/v4';

/**
 * The meeting object of the contract (docs/hiringcenter-api.md). Loose: the contract says
 * responses may carry fields we do not know yet, and dropping them would make
 * structuredContent lossy.
 */
export const MeetingSchema = z.looseObject({
  id: z.string(),
  prospectId: z.string(),
  meetingDate: z.number().int(),
  timeZone: z.string(),
  meetingType: z.string(),
  ownerId: z.string(),
  location: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  createdBy: z.string().nullable().optional(),
  createdByApi: z.boolean().optional(),
  createdByApiKeyId: z.string().nullable().optional(),
  createdByApiKeyName: z.string().nullable().optional(),
  createdAt: z.number().int().optional(),
  updatedAt: z.number().int().optional(),
  review: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingListEnvelope = z.looseObject({
  success: z.literal(true).optional(),
  items: z.array(MeetingSchema),
  pagination: z
    .looseObject({
      nextPageToken: z.string().nullable().optional(),
      totalCount: z.number().int().nonnegative().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type MeetingList = z.infer<typeof MeetingListEnvelope>;

export const MeetingItemEnvelope = z.looseObject({
  success: z.literal(true).optional(),
  item: MeetingSchema,
});

export const DeleteEnvelope = z.looseObject({
  success: z.literal(true).optional(),
  message: z.string().optional(),
});
export type DeleteResult = z.infer<typeof DeleteEnvelope>;

/** Query of GET /meetings, after the tools layer resolved dates to epoch ms. */
export interface MeetingQuery {
  prospectId?: string;
  ownerId?: string;
  meetingType?: string;
  meetingDateAfter?: number;
  meetingDateBefore?: number;
  limit?: number;
  pageToken?: string;
}

/** Body of POST /meetings. */
export interface CreateMeetingBody {
  prospectId: string;
  meetingDate: number;
  timeZone: string;
  meetingType: string;
  ownerId: string;
  userId?: string;
  location?: string | null;
  notes?: string | null;
}

/** Body of POST /meetings/{id}: only what changes; null clears location/notes. */
export type UpdateMeetingBody = Partial<Omit<CreateMeetingBody, 'prospectId'>>;
