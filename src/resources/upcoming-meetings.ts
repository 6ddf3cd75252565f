import { defineResourceTemplate } from './define-resource.js';

// "Upcoming": the next 30 days, at most 200 meetings — a recruiter's horizon, never a full dump.
const HORIZON_MS = 30 * 24 * 60 * 60 * 1000;
const upcoming = (now: number) => ({ meetingDateAfter: now, meetingDateBefore: now + HORIZON_MS, maxResults: 200 });

export const ownerUpcoming = defineResourceTemplate({
  name: 'owner_upcoming_meetings',
  title: "Owner's upcoming meetings",
  description: "An owner's meetings in the next 30 days, as list_meetings shows them.",
  uriTemplate: 'hiringcenter://owners/{ownerId}/meetings',
  variables: { ownerId: 'ownerId' },
  tool: 'list_meetings',
  toolArguments: ({ ownerId }, now) => ({ ownerId, ...upcoming(now) }),
});

export const prospectUpcoming = defineResourceTemplate({
  name: 'prospect_upcoming_meetings',
  title: "Prospect's upcoming meetings",
  description: "A prospect's meetings in the next 30 days, as list_meetings shows them.",
  uriTemplate: 'hiringcenter://prospects/{prospectId}/meetings',
  variables: { prospectId: 'prospectId' },
  tool: 'list_meetings',
  toolArguments: ({ prospectId }, now) => ({ prospectId, ...upcoming(now) }),
});
