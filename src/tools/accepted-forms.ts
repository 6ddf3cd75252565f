/**
 * What a model reads after calling badly: the accepted form of each argument.
 * Kept apart from the zod schemas (input-fields.ts) so error messages never
 * need the schemas loaded; keep the two in step.
 */
export const ACCEPTED_FORM: Record<string, string> = {
  meetingId: 'Send the 32-character meeting id exactly as list_meetings or get_meeting shows it.',
  prospectId: 'Send the prospect (candidate) id as HiringCenter shows it.',
  ownerId: 'Send the owning user\'s id as HiringCenter shows it.',
  userId: 'Send a HiringCenter user id, or leave it out.',
  meetingType: 'Send a short label such as "virtual", "phone" or "in-person".',
  meetingDate:
    'Send epoch milliseconds, ISO 8601 with an offset ("2025-03-10T10:00:00-04:00"), or wall-clock time "2025-03-10T10:00" with timeZone.',
  meetingDateAfter: 'Send epoch ms, ISO 8601 with an offset, or a wall-clock date/time ("2025-03-10" or "2025-03-10T09:00") with timeZone.',
  meetingDateBefore: 'Send epoch ms, ISO 8601 with an offset, or a wall-clock date/time ("2025-03-17" or "2025-03-17T18:00") with timeZone.',
  timeZone: 'Send an IANA time zone name such as "America/New_York" or "Europe/Berlin".',
  location: 'Send text up to 2000 characters, or null to clear it.',
  notes: 'Send text up to 10000 characters, or null to clear them.',
  limit: 'Send a whole number from 1 to 200.',
  pageToken: 'Send nextPageToken exactly as the previous list_meetings answer gave it.',
  idempotencyKey: 'Send 8-255 characters of letters, digits, "-", "_", ".", ":" — or leave it out and the server derives one.',
};
