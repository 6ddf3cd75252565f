import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  SetLevelRequestSchema,
  type CallToolRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { HiringCenterClient } from '../api/client.js';
import { silentLogger, type Logger } from '../log.js';
import { VERSION } from '../version.js';
import type { BeyondTools } from './beyond-tools.js';
import { callTool, type CallToolDeps } from './call-tool.js';
import { registerCompletions } from './completion-handler.js';
import { confirmationFor, DEFAULT_CONFIRM_TIMEOUT_MS } from './confirmation.js';
import { handle } from './handle-request.js';
import { ICONS } from './icon.js';
import { clientLog } from './mcp-log.js';
import { registerPrompts } from './prompt-handlers.js';
import { recentValuesFor, type RecentValues } from './recent-values.js';
import { listedMeetingIds, registerResources } from './resource-handlers.js';
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
  /** What completion suggests from earlier answers (default: the store for this credential's key). */
  recent?: RecentValues;
  /** Hosted mode: told when HiringCenter refuses the request's own key (see call-tool.ts). */
  onKeyRefused?: () => void;
  /** Prompts, resource templates and completion data, loaded at the first request that needs them (beyond-tools.ts). */
  beyondTools: () => Promise<BeyondTools>;
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
    { name: 'hiringcenter-mcp', title: 'HiringCenter Meetings', version: VERSION, icons: ICONS },
    {
      capabilities: { tools: {}, prompts: {}, resources: { listChanged: true }, completions: {}, logging: {} },
      instructions: INSTRUCTIONS,
      jsonSchemaValidator: lazyValidator(),
    },
  );
  const recent = deps.recent ?? recentValuesFor(deps.credential);
  const log = clientLog(deps.secrets);
  const now = deps.now ?? Date.now;
  const confirmer = confirmationFor(server, {
    enabled: deps.confirmDeletes !== false,
    timeoutMs: deps.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS,
    secrets: deps.secrets,
  });
  const callDeps: CallToolDeps = {
    api: deps.api,
    credential: deps.credential,
    tools: deps.tools,
    selection,
    secrets: deps.secrets,
    defaultUserId: deps.defaultUserId,
    now,
    log: deps.log ?? silentLogger,
    confirmer,
    recent,
    notifyClient: log.notify,
    onShown: resourceListWatcher(server, recent),
    onKeyRefused: deps.onKeyRefused,
  };
  const guard = { requireInitialize: deps.requireInitialize !== false };
  handle(server, ListToolsRequestSchema, () => ({ tools: selection.offered }), guard);
  // The SDK's Server validates every tools/call against CallToolRequestSchema itself (answering -32602), so it is not
  // parsed a second time here: zod parsing is the largest allocation per call. test/hardening/stdio-protocol checks -32602.
  handle(server, CallToolRequestSchema, (request, extra) => callTool(request, extra, callDeps), { ...guard, validatedBySdk: true });
  handle(server, SetLevelRequestSchema, (request) => (log.setLevel(request.params.level), {}), guard);
  const load = deps.beyondTools;
  const offers = selection.offers;
  registerPrompts(server, { offers, now, load, guard });
  registerResources(server, {
    recent,
    offers,
    now,
    load,
    guard,
    runTool: (name, args, extra) =>
      callTool({ method: 'tools/call', params: { name, arguments: args } } satisfies CallToolRequest, extra, callDeps),
  });
  registerCompletions(server, { recent, now, load, offers, guard });
  return server;
}

/** resources/list shows the latest meetings shown: when those change, clients are told to fetch it again (their @-menus). */
function resourceListWatcher(server: Server, recent: RecentValues): () => void {
  let listed = '';
  return () => {
    const now = listedMeetingIds(recent).join();
    if (now === listed) return;
    listed = now;
    void server.sendResourceListChanged().catch(() => undefined);
  };
}

/**
 * The SDK builds an Ajv instance for every Server up front (~5 ms of start-up);
 * it only checks elicitation answers, so ours is made at the first one.
 */
function lazyValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return { getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema) };
}
