import { defineResourceTemplate } from './define-resource.js';

export const meetingResource = defineResourceTemplate({
  name: 'meeting',
  title: 'Meeting',
  description: 'One meeting, as get_meeting shows it: local time with weekday and offset, type, prospect, owner, location, notes.',
  uriTemplate: 'hiringcenter://meetings/{meetingId}',
  variables: { meetingId: 'meetingId' },
  tool: 'get_meeting',
  toolArguments: ({ meetingId }) => ({ meetingId }),
});
