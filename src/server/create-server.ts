import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { z } from 'zod';
import type { HiringCenterClient } from '../api/client.js';
import { silentLogger, type Logger } from '../log.js';
import { VERSION } from '../version.js';
import { callTool, type Extra } from './call-tool.js';
import { confirmationFor, DEFAULT_CONFIRM_TIMEOUT_MS } from './confirmation.js';
import { selectTools, type ToolPolicy } from './select-tools.js';
import type { ToolSource } from './tool-source.js';

export interface ServerDeps {
  api: HiringCenterClient;
  /** Values never to show (the API key). */
  secrets: readonly string[];
  /**
   * Hosted mode: the API key the client sent with this request, used for its calls only (and never shown).
   * Without it, calls use the client's configured key (HIRINGCENTER_API_KEY).
   */
  credential?: string;
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
  /** Refuse tools/* before initialize (stdio). Stateless HTTP serves each request with a fresh server, so it cannot. */
  requireInitialize?: boolean;
}

const INSTRUCTIONS =
  "HiringCenter recruiting meetings. Times are local date, weekday, 24h time and UTC offset in the meeting's IANA zone. " +
  'Use ids exactly as shown, in full. Mutations are safe to repeat: an identical call never creates a duplicate.';

/**
 * The MCP server, without transport or side effects. It uses the SDK's
 * low-level Server rather than McpServer.registerTool because McpServer
 * reports bad arguments as "MCP error -32602" plus zod's issue list, which
 * models read badly, and rebuilds every JSON Schema on each tools/list. Here
 * tools stay zod-typed data (src/tools); validation errors become one plain
 * sentence (call-tool.ts).
 */
export function createServer(deps: ServerDeps): Server {
  const selection = selectTools(deps.tools.catalog, deps.policy ?? { readOnly: false, allow: undefined });
  const server = new Server(
    { name: 'hiringcenter-mcp', title: 'HiringCenter Meetings', version: VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: lazyValidator() },
  );
  const confirmer = confirmationFor(server, {
    enabled: deps.confirmDeletes !== false,
    timeoutMs: deps.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS,
    secrets: deps.secrets,
  });
  const callDeps = {
    api: deps.api,
    credential: deps.credential,
    tools: deps.tools,
    selection,
    secrets: deps.secrets,
    defaultUserId: deps.defaultUserId,
    now: deps.now ?? Date.now,
    log: deps.log ?? silentLogger,
    confirmer,
  };
  const guard = { requireInitialize: deps.requireInitialize !== false };
  handle(server, ListToolsRequestSchema, () => ({ tools: selection.offered }), guard);
  // The SDK's Server validates every tools/call against CallToolRequestSchema itself (answering -32602), so it is not
  // parsed a second time here: zod parsing is the largest allocation per call. test/hardening/stdio-protocol checks -32602.
  handle(server, CallToolRequestSchema, (request, extra) => callTool(request, extra, callDeps), { ...guard, validatedBySdk: true });
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
  handler: (request: z.output<S>, extra: Extra) => R | Promise<R>,
  options: { requireInitialize: boolean; validatedBySdk?: boolean },
): void {
  const method = schema.shape.method.value;
  server.setRequestHandler(z.looseObject({ method: z.literal(method) }), (request, extra) => {
    if (options.requireInitialize && !server.getClientVersion()) {
      throw new McpError(ErrorCode.InvalidRequest, `${method} before initialize: send initialize first (MCP lifecycle).`);
    }
    if (options.validatedBySdk) return handler(request as z.output<S>, extra) as never;
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
