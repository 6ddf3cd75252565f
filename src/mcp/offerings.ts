/**
 * Everything the server offers besides tools — prompts, resource templates,
 * the resources it lists, completion — as request handlers, in the one
 * module the server loads at the first such request (lazy-boundary.ts).
 */
export { complete } from './completion-handler.js';
export { getPrompt, listPrompts } from './prompt-handlers.js';
export { listResources, listResourceTemplates, readResource } from './resource-handlers.js';
