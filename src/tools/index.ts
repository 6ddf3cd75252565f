import { createMeeting } from './create-meeting.js';
import { deleteMeeting } from './delete-meeting.js';
import { getMeeting } from './get-meeting.js';
import { listMeetings } from './list-meetings.js';
import { updateMeeting } from './update-meeting.js';

/** Every tool the server offers, in the order hosts list them. Filtering is a filter over this array. */
export const allTools = [listMeetings, getMeeting, createMeeting, updateMeeting, deleteMeeting] as const;

/** A tool's name, as its declaration spells it: prompts and templates name the tools they need with this. */
export type ToolName = (typeof allTools)[number]['name'];
