import type { PromptDefinition } from './define-prompt.js';
import { rescheduleMeeting } from './reschedule-meeting.js';
import { scheduleInterview } from './schedule-interview.js';
import { weeklyAgenda } from './weekly-agenda.js';

export const allPrompts: readonly PromptDefinition[] = [weeklyAgenda, scheduleInterview, rescheduleMeeting];
