import { definePrompt, TIME_RULES } from './define-prompt.js';
import { argument, optional } from './prompt-arguments.js';

export const rescheduleMeeting = definePrompt({
  name: 'reschedule_meeting',
  title: 'Reschedule a meeting',
  description: 'Preview moving a meeting to a new time (dryRun), check the day for clashes, then update once you agree.',
  arguments: [
    argument('meetingId', 'meetingId', 'The meeting to move (its id).'),
    argument('meetingDate', 'meetingDate', 'New local date and time, e.g. "2026-12-07T14:30".'),
    optional('timeZone', 'timeZone', "Zone of the new time (default: the meeting's own)."),
  ],
  tools: ['get_meeting', 'list_meetings', 'update_meeting'],
  render(args) {
    const update = { meetingId: args.meetingId, meetingDate: args.meetingDate, ...(args.timeZone ? { timeZone: args.timeZone } : {}) };
    return [
      `Move meeting ${args.meetingId} to ${args.meetingDate} ${args.timeZone ? `in ${args.timeZone}` : "in the meeting's own time zone"}.`,
      '',
      `1. Call get_meeting with ${JSON.stringify({ meetingId: args.meetingId })}; note its time, zone and owner.`,
      '2. Call list_meetings for that owner on the new day (meetingDateAfter, meetingDateBefore, timeZone) and tell me about anything within 30 minutes of the new time.',
      `3. Preview: call update_meeting with ${JSON.stringify({ ...update, dryRun: true })} and show me before and after.`,
      '4. Only after I confirm, call update_meeting the same way without dryRun.',
      '',
      `A wall-clock meetingDate is read in timeZone if given, else in the meeting's own zone. ${TIME_RULES}`,
    ].join('\n');
  },
});
