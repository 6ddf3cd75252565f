import { createMeeting } from './create-meeting.js';
import type { ToolDefinition } from './define-tool.js';
import { deleteMeeting } from './delete-meeting.js';
import { getMeeting } from './get-meeting.js';
import { listMeetings } from './list-meetings.js';
import { updateMeeting } from './update-meeting.js';

/** Every tool the server offers, in the order hosts list them. Filtering is a filter over this array. */
export const allTools: readonly ToolDefinition[] = [listMeetings, getMeeting, createMeeting, updateMeeting, deleteMeeting];
