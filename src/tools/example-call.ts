import type { ToolDefinition } from './define-tool.js';

const DAY_MS = 86_400_000;
const DATE_FIELDS = ['meetingDate', 'meetingDateAfter', 'meetingDateBefore'] as const;

/**
 * A tool's example arguments as shown to someone about to copy them: every
 * declared date is moved by the same number of days, so that the earliest is
 * two weeks from `now` (time of day and the span between dates kept). The
 * example is then never a date in the past that the tool refuses, and its ids
 * are the sandbox's own, so it runs as shown with --sandbox.
 */
export function exampleArguments(tool: Pick<ToolDefinition, 'example'>, now: number): Record<string, unknown> {
  const example = { ...(tool.example as Record<string, unknown>) };
  const dayOf = (value: unknown) => (typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] : undefined);
  const days = DATE_FIELDS.flatMap((field) => dayOf(example[field]) ?? []).sort();
  const earliest = days[0];
  if (earliest === undefined) return example;
  const shift = Date.parse(new Date(now + 14 * DAY_MS).toISOString().slice(0, 10)) - Date.parse(earliest);
  for (const field of DATE_FIELDS) {
    const value = example[field];
    const day = dayOf(value);
    if (typeof value === 'string' && day) example[field] = new Date(Date.parse(day) + shift).toISOString().slice(0, 10) + value.slice(10);
  }
  return example;
}
