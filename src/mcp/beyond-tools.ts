/**
 * What the server offers a person besides tools — prompts, resource templates,
 * what completion draws on, and what resources/list shows — in one module the bin loads at the first such
 * request (cli.ts imports it lazily, as it does the tools), so a starting server
 * reads none of it. Tests import it directly.
 */
export { meetingTitle } from '../format/meeting-text.js';
export { allPrompts } from '../prompts/index.js';
export { checked, checkedArguments } from '../prompts/prompt-arguments.js';
export { allResourceTemplates } from '../resources/index.js';
export { addDays, mondayOf, todayIn } from '../time/calendar-days.js';
export { knownZone } from '../time/known-zone.js';
export { completeTimeZone } from '../time/zone-names.js';
export { meetingPage } from '../tools/output-schemas.js';

// The module's own shape, for those that receive it loaded (createServer's `beyondTools`).
import type * as Self from './beyond-tools.js';
export type BeyondTools = typeof Self;
