import { defineResourceTemplate } from './define-resource.js';

// "Upcoming": the next 30 days, at most 200 meetings — a recruiter's horizon, never a full dump.
const HORIZON_MS = 30 * 24 * 60 * 60 * 1000;

/** One person's upcoming meetings, as list_meetings shows them: an owner's, or a prospect's. */
function upcomingMeetings(who: 'owner' | 'prospect') {
  const variable = `${who}Id` as const;
  const title = `${who === 'owner' ? 'Owner' : 'Prospect'}'s upcoming meetings`;
  return defineResourceTemplate({
    name: `${who}_upcoming_meetings`,
    title,
    description: `A ${who}'s meetings in the next 30 days, as list_meetings shows them.`,
    uriTemplate: `hiringcenter://${who}s/{${variable}}/meetings`,
    variables: { [variable]: variable },
    tool: 'list_meetings',
    toolArguments: (variables, now) => ({
      [variable]: variables[variable],
      meetingDateAfter: now,
      meetingDateBefore: now + HORIZON_MS,
      maxResults: 200,
    }),
  });
}

export const ownerUpcoming = upcomingMeetings('owner');
export const prospectUpcoming = upcomingMeetings('prospect');
