/**
 * The meetingType labels HiringCenter documents. The field is a free label, so others are sent as typed; these are
 * what descriptions name, completion offers, and a case or spacing variant ("In Person") is read as.
 */
export const DOCUMENTED_MEETING_TYPES = ['virtual', 'phone', 'in-person'] as const;
export type DocumentedMeetingType = (typeof DOCUMENTED_MEETING_TYPES)[number];

/** `"virtual", "phone" or "in-person"` (`last` joins the last two). */
export function quotedMeetingTypes(last: ', ' | ' or ' = ', '): string {
  const quoted = DOCUMENTED_MEETING_TYPES.map((type) => `"${type}"`);
  return `${quoted.slice(0, -1).join(', ')}${last}${quoted.at(-1)}`;
}
