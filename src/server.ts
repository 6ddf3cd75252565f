import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type ServerNotification,
  type ServerRequest,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { CallScope } from './api/call-scope.js';
import type { HiringCenterClient } from './api/client.js';
import { ApiHttpError, InvalidApiKeyError, MissingApiKeyError } from './api/errors.js';
import { redact, redactDeep } from './api/redact.js';
import { describeError, report, type ErrorReport } from './format/error-text.js';
import { quote } from './format/inert-text.js';
import type { NotConfirmed } from './format/mutation-text.js';
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
  /** How long a person has to answer a confirmation (default 10 minutes). */
  confirmTimeoutMs?: number;
  now?: () => number;
  log?: Logger;
}

const INSTRUCTIONS =
  'HiringCenter recruiting meetings. Times are local date, weekday, 24h time and UTC offset in the meeting\'s IANA zone. ' +
  'Use ids exactly as shown, in full. Mutations are safe to repeat: an identical call never creates a duplicate.';

// A person reads the question and decides; the SDK's default of 60 s for any request is too short for that.
const DEFAULT_CONFIRM_TIMEOUT_MS = 10 * 60 * 1000;

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

  handle(server, ListToolsRequestSchema, () => ({ tools: listed }));

  handle(server, CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name } = request.params;
    const why = hidden.get(name);
    if (why) return failure(report('tool_disabled', why));
    // The definitions (zod schemas, handlers) load at the first call, not at start-up.
    const tool = offeredNames.has(name) ? (await deps.tools.load()).find((candidate) => candidate.name === name) : undefined;
    if (!tool) {
      return failure(report('unknown_tool', `Unknown tool ${quote(name.slice(0, 64))}. Available tools: ${[...offeredNames].join(', ')}.`));
    }
    const context = { tool: name, mutation: !tool.annotations.readOnlyHint, secrets: deps.secrets, now: now() };
    const names = Object.keys(tool.inputSchema.shape);
    const parsed = tool.inputSchema.safeParse(normalizeArguments(request.params.arguments ?? {}, names));
    if (!parsed.success) return failure(describeError(inputErrorFromIssues(parsed.error, names), context));

    const meetingId = typeof parsed.data.meetingId === 'string' ? parsed.data.meetingId : undefined;
    const prospectId = typeof parsed.data.prospectId === 'string' ? parsed.data.prospectId : undefined;
    const progressToken = extra._meta?.progressToken;
    const progress: Progress | undefined =
      progressToken === undefined
        ? undefined
        : (done, total, message) =>
            extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: done, total, message } });
    const call = deps.api.startCall(extra.signal);
    try {
      const confirm = confirmer(call, extra.signal);
      const answer = await tool.handle(parsed.data, { api: deps.api, now, defaultUserId: deps.defaultUserId, call, progress, confirm });
      // The API's answers are shown as they came, so whatever the API echoed (the key included) is removed here.
      return {
        content: [{ type: 'text', text: redact(answer.text, deps.secrets) }],
        structuredContent: redactDeep(answer.structured, deps.secrets),
      };
    } catch (error) {
      // Expected failures (bad input, 4xx) are the model's to handle; anything else is worth a line on stderr.
      const expected =
        error instanceof InputError ||
        error instanceof MissingApiKeyError ||
        error instanceof InvalidApiKeyError ||
        (error instanceof ApiHttpError && error.status < 500);
      (expected ? log.debug : log.warn)(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return failure(describeError(error, { ...context, outcome: call.outcome, requestsMade: call.requestsMade, meetingId, prospectId }));
    } finally {
      call.release();
    }
  });

  /** Elicitation only when the client declared it; otherwise its own approval prompt (destructiveHint) guards deletes. */
  function confirmer(call: CallScope, signal: AbortSignal): Confirm | undefined {
    if (deps.confirmDeletes === false || !server.getClientCapabilities()?.elicitation) return undefined;
    const timeout = deps.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS;
    return (question) =>
      // A person's time is not the network's: the call's API deadline stops while the question is open.
      call.notCounting(async (): Promise<'accept' | NotConfirmed> => {
        try {
          const answer = await server.elicitInput(
            {
              message: redact(question, deps.secrets),
              requestedSchema: {
                type: 'object',
                properties: { confirm: { type: 'boolean', title: 'Confirm', default: false } },
                required: ['confirm'],
              },
            },
            { signal, timeout },
          );
          return answer.action === 'accept' && answer.content?.confirm !== true ? 'decline' : answer.action;
        } catch (error) {
          if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return { unansweredWithinMs: timeout };
          throw error;
        }
      });
  }

  return server;
}

/**
 * Registers `handler` for `schema`'s method, refusing it before initialize
 * (MCP lifecycle) and answering params that do not fit `schema` with -32602
 * and a readable message. The SDK parses params itself and reports a mismatch
 * as -32603 "internal error", so it is given a schema that only names the method.
 */
function handle<S extends z.ZodObject<{ method: z.ZodLiteral<string> }>, R>(
  server: Server,
  schema: S,
  handler: (request: z.output<S>, extra: RequestHandlerExtra<ServerRequest, ServerNotification>) => R | Promise<R>,
): void {
  const method = schema.shape.method.value;
  const loose = z.looseObject({ method: z.literal(method) });
  server.setRequestHandler(loose, (request, extra) => {
    if (!server.getClientVersion()) {
      throw new McpError(ErrorCode.InvalidRequest, `${method} before initialize: send initialize first (MCP lifecycle).`);
    }
    const parsed = schema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'params';
      throw new McpError(ErrorCode.InvalidParams, `Invalid params for ${method}: ${where} ${issue?.message ?? 'is invalid'}.`);
    }
    return handler(parsed.data, extra) as never;
  });
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
