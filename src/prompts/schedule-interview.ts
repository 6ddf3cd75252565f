import { addDays, weekdayOf } from '../time/calendar-days.js';
import { definePrompt, TIME_RULES } from './define-prompt.js';
import { argument, optional } from './prompt-arguments.js';
import { quotedMeetingTypes, type DocumentedMeetingType } from '../tools/arguments.js';

const DEFAULT_TYPE: DocumentedMeetingType = 'virtual';

export const scheduleInterview = definePrompt({
  name: 'schedule_interview',
  title: 'Schedule an interview',
  description: "Find a free slot in the owner's day, propose it, and create the meeting once you agree.",
  arguments: [
    argument('prospectId', 'prospectId', 'The candidate (a prospect id).'),
    argument('ownerId', 'ownerId', 'The interviewer who owns the meeting (a user id).'),
    argument('day', 'day', 'The day, e.g. "2026-12-07".'),
    argument('timeZone', 'timeZone', 'Zone of the day and time, e.g. "America/New_York".'),
    optional('time', 'time', 'Preferred 24h time, e.g. "14:30" (default: the first free slot).'),
    optional('meetingType', 'meetingType', `e.g. ${quotedMeetingTypes()} (default: ${DEFAULT_TYPE}).`),
  ],
  tools: ['list_meetings', 'create_meeting'],
  render(args) {
    const { day, timeZone: zone, time } = args;
    const type = args.meetingType ?? DEFAULT_TYPE;
    const window = { ownerId: args.ownerId, meetingDateAfter: day, meetingDateBefore: addDays(day, 1), timeZone: zone };
    const create = { prospectId: args.prospectId, ownerId: args.ownerId, meetingType: type, meetingDate: `${day}T<HH:MM>`, timeZone: zone };
    return [
      `Schedule a ${type} interview (prospect and owner below) on ${weekdayOf(day)} ${day}${time ? ` at about ${time}` : ''} in ${zone}.`,
      '',
      `1. Call list_meetings with ${JSON.stringify(window)} to see the owner's meetings that day.`,
      `2. Propose ${time ? `${time} if it is 30 minutes clear of other meetings, else ` : ''}the nearest slot between 09:00 and 18:00 that is; show date, weekday, 24h time, offset.`,
      `3. Only after I agree, call create_meeting with ${JSON.stringify(create)} (wall-clock time; the server applies DST). If it refuses the time, say why and propose another.`,
      '',
      TIME_RULES,
    ].join('\n');
  },
});
