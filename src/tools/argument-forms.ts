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
