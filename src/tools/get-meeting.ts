import * as z from 'zod/v4';
import { formatMeeting } from '../format/meeting-text.js';
import { readOnly } from './annotations.js';
import { defineTool } from './define-tool.js';
import { meetingId } from './arguments.js';
import { meetingResult } from './output-schemas.js';

export const getMeeting = defineTool({
  name: 'get_meeting',
  title: 'Get meeting',
  description: 'Read one meeting by id: local time with weekday and offset, type, prospect, owner, location, notes, creator.',
  annotations: readOnly,
  inputSchema: z.strictObject({ meetingId }),
  example: { meetingId: 'add957ea5fa5d2501abfe7b2420479bc' },
  outputSchema: meetingResult,
  async handle(input, { api, call }) {
    const meeting = await api.getMeeting(input.meetingId, call);
    return { text: formatMeeting(meeting), structured: { meeting } };
  },
});
