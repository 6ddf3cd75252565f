import type { CacheHint, jsonSchemaValidator } from '@modelcontextprotocol/server';
import { Server } from '@modelcontextprotocol/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import {
  CompleteRequestSchema,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/core';
import type { HiringCenterClient } from '../api/client.js';
import type { Redactor } from '../api/redact.js';
import { silentLogger, type Logger } from '../log.js';
import { VERSION } from '../version.js';
import { callTool, runTool, type CallToolDeps } from './call-tool.js';
import { confirmationFor, DEFAULT_CONFIRM_TIMEOUT_MS } from './confirmation.js';
import { handle, refuseBeforeHandshake } from './handle-request.js';
import { ICONS } from './icon.js';
import { clientLog } from './mcp-log.js';
import { recentValuesFor, type RecentValues } from './recent-values.js';
import { principalOf, type StateSealer } from './request-state.js';
import type { OfferingContext } from './handler-deps.js';
import type { Inventory } from './inventory.js';
import { loadOfferings } from './lazy-boundary.js';
import type { Telemetry } from '../telemetry.js';
import type { TraceContext } from '../trace-context.js';

export interface ServerDeps {
  api: HiringCenterClient;
  /** What this server's answers, errors and client log lines never show: the key its calls spend, what its client presented. */
  redactor: Redactor;
  /**
   * Hosted mode: the API key the client sent with this request, used for its calls only (and never shown).
   * Without it, calls use the client's configured key (HIRINGCENTER_API_KEY).
   */
  credential?: string;
  defaultUserId?: string;
  /** What the server offers: tools, prompts, templates (inventory.ts), one selection for every server of this configuration. */
  inventory: Inventory;
  /** Ask the user before delete_meeting when the client supports elicitation. */
  confirmDeletes?: boolean;
  /** How long a person has to answer a confirmation (default 10 minutes). */
  confirmTimeoutMs?: number;
  /** Seals 2026-07-28 confirmations (requestState); shared by replicas that share HIRINGCENTER_STATE_SECRET. */
  sealer: StateSealer;
  /** A digest of the credential this server's calls spend (request-state.ts principalOf): confirmations bind it. */
  principal: string;
  now?: () => number;
  log?: Logger;
  /** Refuse tools/* before the 2025 initialize (stdio). Stateless HTTP serves each request with a fresh server, so it cannot. */
  requireInitialize?: boolean;
  /** What completion suggests from earlier answers (default: the store for this credential's key). */
  recent?: RecentValues;
  /** Hosted mode: told when HiringCenter refuses the request's own key (see call-tool.ts). */
  onKeyRefused?: () => void;
  /** Hosted mode: the trace the HTTP request's headers carried (a request's `_meta` wins). */
  trace?: TraceContext;
  /** Told about every tool call (hosted metrics). */
  telemetry?: Telemetry;
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
  const { inventory } = deps;
  const server = new Server(
    { name: 'hiringcenter-mcp', title: 'HiringCenter Meetings', version: VERSION, icons: ICONS },
    {
      // No listChanged: the tools and prompts depend only on configuration, and resources/list is read from the API per
      // caller, so nothing this process does changes a list (and one tenant's change is no other tenant's news).
      capabilities: { tools: {}, prompts: {}, resources: {}, completions: {}, logging: {} },
      instructions: INSTRUCTIONS,
      jsonSchemaValidator: lazyValidator(),
      cacheHints: CACHE_HINTS,
    },
  );
  const recent = deps.recent ?? recentValuesFor(deps.credential);
  const now = deps.now ?? Date.now;
  const log = deps.log ?? silentLogger;
  const confirmer = confirmationFor(server, {
    enabled: deps.confirmDeletes !== false,
    timeoutMs: deps.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS,
    redactor: deps.redactor,
    sealer: deps.sealer,
    principal: deps.principal,
  });
  const callDeps: CallToolDeps = {
    api: deps.api,
    credential: deps.credential,
    inventory,
    redactor: deps.redactor,
    defaultUserId: deps.defaultUserId,
    now,
    log,
    confirmer,
    recent,
    clientLog: clientLog(deps.redactor),
    onKeyRefused: deps.onKeyRefused,
    trace: deps.trace,
    telemetry: deps.telemetry,
  };
  const guard = { requireInitialize: deps.requireInitialize !== false };
  handle(server, ListToolsRequestSchema, () => ({ tools: [...inventory.tools] }), guard);
  // The SDK's Server validates every tools/call against its own schema (answering -32602), so it is registered
  // directly, not parsed a second time: zod parsing is the largest allocation per call (test/hardening/stdio-protocol).
  server.setRequestHandler('tools/call', (request, extra) => {
    refuseBeforeHandshake(server, guard, 'tools/call');
    return callTool(request, extra, callDeps);
  });
  // Prompts, resources and completion: their handlers load at the first request for any of them (lazy-boundary.ts).
  const ctx: OfferingContext = {
    now,
    inventory,
    recent,
    log,
    runTool: (name, args, extra) => runTool(name, args, extra, callDeps),
  };
  handle(server, ListPromptsRequestSchema, async () => (await loadOfferings()).listPrompts(ctx), guard);
  handle(server, GetPromptRequestSchema, async (request) => (await loadOfferings()).getPrompt(request, ctx), guard);
  handle(server, ListResourcesRequestSchema, async (_request, extra) => (await loadOfferings()).listResources(extra, ctx), guard);
  handle(server, ListResourceTemplatesRequestSchema, async () => (await loadOfferings()).listResourceTemplates(ctx), guard);
  handle(server, ReadResourceRequestSchema, async (request, extra) => (await loadOfferings()).readResource(request, extra, ctx), guard);
  handle(server, CompleteRequestSchema, async (request) => (await loadOfferings()).complete(request, ctx), guard);
  return server;
}

/** Who one hosted request is from, as far as the server made for it needs to know (the HTTP transport says). */
export interface HostedCaller {
  /** The request's own API key; undefined: the server-held one. */
  apiKey: string | undefined;
  /** What the client presented (its key, our token, the team token). */
  presented: string;
  redactor: Redactor;
  onKeyRefused?: () => void;
  /** The trace its HTTP headers carried. */
  trace?: TraceContext;
}

/** Hosted mode's factory: a stateless server of its own for each request, made for that request's caller. */
export function hostedServers(
  shared: Omit<ServerDeps, 'redactor' | 'credential' | 'onKeyRefused' | 'principal' | 'requireInitialize' | 'trace'>,
): (caller: HostedCaller) => Server {
  return ({ apiKey, presented, redactor, onKeyRefused, trace }) =>
    createServer({
      ...shared,
      redactor,
      credential: apiKey,
      onKeyRefused,
      trace,
      // Confirmations belong to the key the calls spend, or to what was presented when the server holds the key.
      principal: principalOf(apiKey ?? presented),
      // Stateless: each request has a server of its own, which never saw the client's initialize.
      requireInitialize: false,
    });
}

/**
 * 2026-07-28 cache hints (`ttlMs`, `cacheScope`); 2025 answers never carry them.
 * Lists that follow from configuration alone may be shared; anything read from
 * the API belongs to the caller and is kept briefly.
 */
const CACHE_HINTS: Partial<
  Record<'tools/list' | 'prompts/list' | 'resources/list' | 'resources/templates/list' | 'resources/read', CacheHint>
> = {
  // The tools follow from configuration (read-only, allow-list) and the version: the same for every caller of this deployment.
  'tools/list': { ttlMs: 60 * 60 * 1000, cacheScope: 'public' },
  // Prompts too: they are offered by the tools they need, nothing else.
  'prompts/list': { ttlMs: 60 * 60 * 1000, cacheScope: 'public' },
  // Templates too (the meeting and upcoming-meeting URI forms).
  'resources/templates/list': { ttlMs: 60 * 60 * 1000, cacheScope: 'public' },
  // The caller's own next meetings, read from HiringCenter: theirs alone, and stale once anyone schedules or cancels.
  'resources/list': { ttlMs: 30 * 1000, cacheScope: 'private' },
  // One meeting or one person's agenda as HiringCenter has it now: the caller's, and it changes with any edit.
  'resources/read': { ttlMs: 0, cacheScope: 'private' },
};

/**
 * The SDK builds an Ajv instance for every Server up front (~5 ms of start-up);
 * it only checks elicitation answers, so ours is made at the first one.
 */
function lazyValidator(): jsonSchemaValidator {
  let ajv: AjvJsonSchemaValidator | undefined;
  return { getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema) };
}
