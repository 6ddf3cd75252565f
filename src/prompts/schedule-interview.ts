import { addDays, weekdayOf } from '../time/calendar-days.js';
import { definePrompt, TIME_RULES } from './define-prompt.js';
import { argument, checkedArguments } from './prompt-arguments.js';

export const scheduleInterview = definePrompt({
  name: 'schedule_interview',
  title: 'Schedule an interview',
  description: "Find a free slot in the owner's day, propose it, and create the meeting once you agree.",
  arguments: [
    argument('prospectId', 'prospectId', 'The candidate (a prospect id).'),
    argument('ownerId', 'ownerId', 'The interviewer who owns the meeting (a user id).'),
    argument('day', 'day', 'The day, e.g. "2026-12-07".'),
    argument('timeZone', 'timeZone', 'Zone of the day and time, e.g. "America/New_York".'),
    argument('time', 'time', 'Preferred 24h time, e.g. "14:30" (default: the first free slot).', false),
    argument('meetingType', 'meetingType', 'e.g. "virtual", "phone", "in-person" (default: virtual).', false),
  ],
  tools: ['list_meetings', 'create_meeting'],
  render(given) {
    const args = checkedArguments(this.arguments, given);
    const { day, timeZone: zone, time } = args;
    const type = args.meetingType ?? 'virtual';
    const window = { ownerId: args.ownerId, meetingDateAfter: day, meetingDateBefore: addDays(day!, 1), timeZone: zone };
    const create = { prospectId: args.prospectId, ownerId: args.ownerId, meetingType: type, meetingDate: `${day}T<HH:MM>`, timeZone: zone };
    return [
      `Schedule a ${type} interview with prospect ${args.prospectId}, owned by ${args.ownerId}, on ${weekdayOf(day!)} ${day}${time ? ` at about ${time}` : ''} in ${zone}.`,
      '',
      `1. Call list_meetings with ${JSON.stringify(window)} to see the owner's meetings that day.`,
      `2. Propose one slot: ${time ? `${time} if nothing starts within 30 minutes of it, else ` : ''}the nearest time between 09:00 and 18:00 with 30 minutes clear on both sides. Show it as date, weekday, 24h time and UTC offset.`,
      `3. Ask me to confirm. Only after I agree, call create_meeting with ${JSON.stringify(create)}; if it refuses the time (a DST gap, a past date), tell me why and propose another.`,
      '',
      `meetingDate is wall-clock time in timeZone; the server applies daylight saving. ${TIME_RULES}`,
    ].join('\n');
  },
});
