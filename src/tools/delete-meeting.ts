import { z } from 'zod';
import { formatDeleted } from '../format/mutation-text.js';
import { destructive } from './annotations.js';
import { defineTool } from './define-tool.js';
import { meetingId } from './input-fields.js';
import { deletion } from './output-schemas.js';

export const deleteMeeting = defineTool({
  name: 'delete_meeting',
  title: 'Cancel meeting',
  description: 'Cancel (permanently delete) a meeting by id. Confirm the id with get_meeting first if unsure.',
  annotations: destructive('Cancel meeting'),
  inputSchema: z.strictObject({ meetingId }),
  outputSchema: deletion,
  async handle(input, { api, signal }) {
    const result = await api.deleteMeeting(input.meetingId, { signal });
    return {
      text: formatDeleted(input.meetingId, result.message),
      structured: { meetingId: input.meetingId, deleted: true as const, ...(result.message ? { message: result.message } : {}) },
    };
  },
});
