import * as z from 'zod/v4';
import { deleteMeetingOnce } from '../api/meeting-mutations.js';
import { deleteQuestion, formatDeleted, formatNotDeleted, formatWouldDelete } from '../format/mutation-text.js';
import { destructive } from './annotations.js';
import { defineTool } from './define-tool.js';
import { dryRun, idempotencyKey, meetingId } from './arguments.js';
import { deletion } from './output-schemas.js';

export const deleteMeeting = defineTool({
  name: 'delete_meeting',
  title: 'Cancel meeting',
  description: 'Cancel (permanently delete) a meeting by id. dryRun shows what would be deleted; the user may be asked to confirm.',
  annotations: destructive,
  inputSchema: z.strictObject({ meetingId, dryRun: dryRun.optional(), idempotencyKey: idempotencyKey.optional() }),
  example: { meetingId: 'add957ea5fa5d2501abfe7b2420479bc', dryRun: true },
  outputSchema: deletion,
  async handle(input, { api, call, confirm }) {
    // Read first only when someone will look at it: a dry run, or the user's confirmation.
    const meeting = input.dryRun || confirm ? await api.getMeeting(input.meetingId, call) : undefined;
    if (meeting && input.dryRun) {
      return {
        text: formatWouldDelete(meeting),
        structured: { meetingId: input.meetingId, deleted: false, dryRun: true as const, meeting },
      };
    }
    if (meeting && confirm) {
      const answer = await confirm(deleteQuestion(meeting));
      if (answer !== 'accept') {
        const message = typeof answer === 'string' ? `user chose ${answer}` : 'no answer from the user';
        return { text: formatNotDeleted(answer), structured: { meetingId: input.meetingId, deleted: false, meeting, message } };
      }
    }
    const result = await deleteMeetingOnce(api, input.meetingId, call, input.idempotencyKey);
    return {
      text: formatDeleted(),
      structured: { meetingId: input.meetingId, deleted: true, ...(result.message ? { message: result.message } : {}) },
    };
  },
});
