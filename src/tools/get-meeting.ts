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
  example: { meetingId: 'f4d8a2c17b9e4f3aa6c01d5e7b2f9c44' },
  outputSchema: meetingResult,
  async handle(input, { api, call }) {
    const meeting = await api.getMeeting(input.meetingId, call);
    return { text: formatMeeting(meeting), structured: { meeting } };
  },
});
