import type { ToolDefinition } from './define-tool.js';

const DAY_MS = 86_400_000;

/**
 * A tool's example arguments as shown to someone about to copy them: a
 * declared wall-clock meetingDate is moved to two weeks from `now` (same time
 * of day), so the example is never a date in the past that the tool refuses.
 */
export function exampleArguments(tool: Pick<ToolDefinition, 'example'>, now: number): Record<string, unknown> {
  const example = { ...(tool.example as Record<string, unknown>) };
  if (typeof example.meetingDate === 'string') {
    const day = new Date(now + 14 * DAY_MS).toISOString().slice(0, 10);
    example.meetingDate = example.meetingDate.replace(/^\d{4}-\d{2}-\d{2}/, day);
  }
  return example;
}
