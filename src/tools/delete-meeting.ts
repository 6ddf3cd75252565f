import { z } from 'zod';
import { deleteMeetingOnce } from '../api/meeting-mutations.js';
import { formatDeleted } from '../format/mutation-text.js';
import { destructive } from './annotations.js';
import { defineTool } from './define-tool.js';
import { idempotencyKey, meetingId } from './input-fields.js';
import { deletion } from './output-schemas.js';

export const deleteMeeting = defineTool({
  name: 'delete_meeting',
  title: 'Cancel meeting',
  description: 'Cancel (permanently delete) a meeting by id. Confirm the id with get_meeting first if unsure.',
  annotations: destructive('Cancel meeting'),
  inputSchema: z.strictObject({ meetingId, idempotencyKey: idempotencyKey.optional() }),
  outputSchema: deletion,
  async handle(input, { api, call }) {
    const result = await deleteMeetingOnce(api, input.meetingId, call, input.idempotencyKey);
    return {
      text: formatDeleted(),
      structured: { meetingId: input.meetingId, deleted: true as const, ...(result.message ? { message: result.message } : {}) },
    };
  },
});
