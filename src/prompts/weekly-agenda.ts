import { addDays, mondayOf, todayIn, weekdayOf } from '../time/calendar-days.js';
import { definePrompt, TIME_RULES } from './define-prompt.js';
import { argument, optional } from './prompt-arguments.js';

export const weeklyAgenda = definePrompt({
  name: 'weekly_agenda',
  title: 'Weekly agenda',
  description: "One owner's meetings for a week, grouped by day, with clashes and free gaps flagged.",
  arguments: [
    argument('ownerId', 'ownerId', 'Whose meetings (a user id).'),
    argument('timeZone', 'timeZone', 'Zone to show the week in, e.g. "Europe/Berlin".'),
    optional('week', 'week', 'Any date in the week, e.g. "2026-12-07" (default: this week).'),
  ],
  tools: ['list_meetings'],
  render(args, { now }) {
    const zone = args.timeZone;
    const monday = mondayOf(args.week ?? todayIn(zone, now));
    const sunday = addDays(monday, 6);
    const query = {
      ownerId: args.ownerId,
      meetingDateAfter: monday,
      meetingDateBefore: addDays(monday, 7),
      timeZone: zone,
      maxResults: 200,
    };
    return [
      `Show owner ${args.ownerId}'s week from Mon ${monday} to ${weekdayOf(sunday)} ${sunday}, in ${zone}.`,
      '',
      `1. Call list_meetings with ${JSON.stringify(query)}.`,
      '2. Give an agenda grouped by day, Monday first, days without meetings included; one line per meeting: 24h local time, type, prospect id, location.',
      '3. Flag every two meetings that overlap or start less than 30 minutes apart, and list free gaps of 2 hours or more between 09:00 and 18:00 on weekdays.',
      '',
      TIME_RULES,
    ].join('\n');
  },
});
