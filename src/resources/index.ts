import type { ResourceTemplateDefinition } from './define-resource.js';
import { meetingResource } from './meeting.js';
import { ownerUpcoming, prospectUpcoming } from './upcoming-meetings.js';

export const allResourceTemplates: readonly ResourceTemplateDefinition[] = [meetingResource, ownerUpcoming, prospectUpcoming];
