import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  type CallToolResult,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { HiringCenterClient } from './api/client.js';
import { ApiHttpError, MissingApiKeyError } from './api/errors.js';
import { describeError, report, type ErrorReport } from './format/error-text.js';
import { InputError } from './input-error.js';
import { silentLogger, type Logger } from './log.js';
import type { Confirm, Progress } from './tools/define-tool.js';
import { inputErrorFromIssues } from './tools/input-issues.js';
import { selectTools, type ToolPolicy } from './tools/select-tools.js';
import type { ToolSource } from './tools/tool-source.js';
import { normalizeArguments } from './tools/tolerant-input.js';
import { VERSION } from './version.js';

export interface ServerDeps {
  api: HiringCenterClient;
  /** Values never to show (the API key). */
  secrets: readonly string[];
  defaultUserId?: string;
  tools: ToolSource;
  /** Read-only mode and the allow-list (default: every tool). */
  policy?: ToolPolicy;
  /** Ask the user before delete_meeting when the client supports elicitation. */
  confirmDeletes?: boolean;
  now?: () => number;
  log?: Logger;
}

const INSTRUCTIONS =
  'HiringCenter recruiting meetings. Times are local date, weekday, 24h time and UTC offset in the meeting\'s IANA zone. ' +
  'Use ids exactly as shown, in full. Mutations are safe to repeat: an identical call never creates a duplicate.';

/**
 * The MCP server, without transport or side effects. It uses the SDK's
 * low-level Server rather than McpServer.registerTool because McpServer
 * reports bad arguments as "MCP error -32602" plus zod's issue list, which
 * models read badly, and rebuilds every JSON Schema on each tools/list. Here
 * tools stay zod-typed data; validation errors become one plain sentence.
 */
export function createServer(deps: ServerDeps): Server {
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? Date.now;
  const { offered, hidden } = selectTools(deps.tools.catalog, deps.policy ?? { readOnly: false, allow: undefined });
  const listed: Tool[] = offered;
  const offeredNames = new Set(listed.map((tool) => tool.name));

  const server = new Server(
    { name: 'hiringcenter-mcp', title: 'HiringCenter Meetings', version: VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: lazyValidator() },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name } = request.params;
    const why = hidden.get(name);
    if (why) return failure(report('tool_disabled', why));
    // The definitions (zod schemas, handlers) load at the first call, not at start-up.
    const tool = offeredNames.has(name) ? (await deps.tools.load()).find((candidate) => candidate.name === name) : undefined;
    if (!tool) {
      return failure(report('unknown_tool', `Unknown tool "${name.slice(0, 64)}". Available tools: ${[...offeredNames].join(', ')}.`));
    }
    const context = { tool: name, mutation: !tool.annotations.readOnlyHint, secrets: deps.secrets, now: now() };
    const names = Object.keys(tool.inputSchema.shape);
    const parsed = tool.inputSchema.safeParse(normalizeArguments(request.params.arguments ?? {}, names));
    if (!parsed.success) return failure(describeError(inputErrorFromIssues(parsed.error, names), context));

    const meetingId = typeof parsed.data.meetingId === 'string' ? parsed.data.meetingId : undefined;
    const progressToken = extra._meta?.progressToken;
    const progress: Progress | undefined =
      progressToken === undefined
        ? undefined
        : (done, total, message) =>
            extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: done, total, message } });
    // Elicitation only when the client declared it; otherwise its own approval prompt (destructiveHint) guards deletes.
    const canAsk = deps.confirmDeletes !== false && !!server.getClientCapabilities()?.elicitation;
    const confirm: Confirm | undefined = canAsk
      ? async (question) => {
          const answer = await server.elicitInput(
            {
              message: question,
              requestedSchema: {
                type: 'object',
                properties: { confirm: { type: 'boolean', title: 'Confirm', default: false } },
                required: ['confirm'],
              },
            },
            { signal: extra.signal },
          );
          return answer.action === 'accept' && answer.content?.confirm !== true ? 'decline' : answer.action;
        }
      : undefined;
    try {
      const call = deps.api.callOptions(extra.signal);
      const answer = await tool.handle(parsed.data, { api: deps.api, now, defaultUserId: deps.defaultUserId, call, progress, confirm });
      return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.structured };
    } catch (error) {
      // Expected failures (bad input, 4xx) are the model's to handle; anything else is worth a line on stderr.
      const expected =
        error instanceof InputError || error instanceof MissingApiKeyError || (error instanceof ApiHttpError && error.status < 500);
      (expected ? log.debug : log.warn)(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return failure(describeError(error, { ...context, meetingId }));
    }
  });

  return server;
}

/**
 * The SDK builds an Ajv instance for every Server up front (~5 ms of start-up);
 * it only checks elicitation answers, so ours is made at the first one.
 */
function lazyValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return { getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema) };
}

/** The model reads the message; programs read the same facts, with a stable code, in structuredContent. */
function failure(error: ErrorReport): CallToolResult {
  return { content: [{ type: 'text', text: error.message }], structuredContent: { error }, isError: true };
}
