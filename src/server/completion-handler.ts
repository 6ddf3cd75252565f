import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CompleteRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ArgumentKind } from '../prompts/define-prompt.js';
import type { BeyondTools } from './beyond-tools.js';
import { handle } from './handle-request.js';
import type { RecentValues } from './recent-values.js';

// MCP caps a completion answer at 100 values.
const MAX_VALUES = 100;
const COMMON_TYPES = ['virtual', 'phone', 'in-person'];

/**
 * completion/complete for prompt arguments and resource-template variables:
 * zones by prefix or city, meeting types, dates, and ids from the lists the
 * server has shown — never an API call.
 */
export function registerCompletions(
  server: Server,
  deps: { recent: RecentValues; now: () => number; load: () => Promise<BeyondTools>; guard: { requireInitialize: boolean } },
): void {
  handle(
    server,
    CompleteRequestSchema,
    async (request) => {
      const { ref, argument, context } = request.params;
      const kit = await deps.load();
      const kind = kindOf(kit, ref, argument.name);
      const values = kind ? candidates(kit, kind, argument.value, { ...deps, zone: context?.arguments?.timeZone }) : [];
      return { completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES } };
    },
    deps.guard,
  );
}

function kindOf(kit: BeyondTools, ref: { type: string; name?: string; uri?: string }, argument: string): ArgumentKind | undefined {
  if (ref.type === 'ref/prompt') {
    return kit.allPrompts.find((prompt) => prompt.name === ref.name)?.arguments.find((arg) => arg.name === argument)?.kind;
  }
  return kit.allResourceTemplates.find((template) => template.uriTemplate === ref.uri)?.variables[argument];
}

function candidates(
  kit: BeyondTools,
  kind: ArgumentKind,
  typed: string,
  deps: { recent: RecentValues; now: () => number; zone: string | undefined },
): string[] {
  const startsWith = (values: readonly string[]) => values.filter((value) => value.toLowerCase().startsWith(typed.trim().toLowerCase()));
  switch (kind) {
    case 'timeZone':
      return kit.completeTimeZone(typed);
    case 'meetingType':
      return startsWith([...new Set([...deps.recent.values('meetingType'), ...COMMON_TYPES])]);
    case 'ownerId':
    case 'prospectId':
    case 'meetingId':
      return startsWith(deps.recent.values(kind));
    case 'week':
    case 'day': {
      const { addDays, mondayOf, todayIn, isKnownTimeZone } = kit;
      const today = todayIn(deps.zone && isKnownTimeZone(deps.zone) ? deps.zone : 'UTC', deps.now());
      const dates =
        kind === 'week'
          ? [0, 7, 14, 21, 28, 35].map((d) => addDays(mondayOf(today), d))
          : [...Array(14).keys()].map((d) => addDays(today, d));
      return startsWith(dates);
    }
    case 'time':
      return startsWith(
        [...Array(21).keys()].map((half) => `${String(8 + Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`),
      );
    case 'meetingDate':
      return [];
  }
}
