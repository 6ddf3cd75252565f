import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { redactor } from '../../src/api/redact.js';
import type { ElicitResult } from '@modelcontextprotocol/client';
import { HiringCenterClient } from '../../src/api/client.js';
import type { Meeting } from '../../src/api/schemas.js';
import { startSandboxApi, type SandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';
import { createServer } from '../../src/mcp/create-server.js';
import { principalOf, stateSealer } from '../../src/mcp/request-state.js';
import { allTools } from '../../src/tools/index.js';
import { toolSourceOf } from '../../src/mcp/describe-tools.js';
import { buildInventory } from '../../src/mcp/inventory.js';
export const TEST_KEY = 'hc_test_9f3b2c7d41e84a6f';
/** A fixed "now" for reproducible text: 2025-03-05T15:00:00Z, a Wednesday. */
export const FIXED_NOW = Date.UTC(2025, 2, 5, 15, 0, 0);

export interface ToolCall {
  text: string;
  isError: boolean;
  structured: Record<string, unknown> | undefined;
}

/** The real server and an SDK Client joined in memory, with the client talking to `baseUrl`. */
export interface Connected {
  api: HiringCenterClient;
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<ToolCall>;
  close(): Promise<void>;
}

export interface Harness extends Connected {
  sandbox: SandboxApi;
  seeded: Meeting[];
}

export interface ConnectOptions {
  apiKey?: string | undefined;
  defaultUserId?: string;
  timeoutMs?: number;
  callBudgetMs?: number;
  maxRetries?: number;
  readOnly?: boolean;
  allow?: string[];
  confirmDeletes?: boolean;
  /** How long the server waits for a person to answer a confirmation. */
  confirmTimeoutMs?: number;
  /** Makes the client declare elicitation and answer every question with this (and record the question). */
  elicit?: (message: string) => ElicitResult | Promise<ElicitResult>;
}

export interface HarnessOptions extends ConnectOptions {
  seedCount?: number;
  /** Talk to this emulator instead of a new one (a "restarted" server keeps the API's state). */
  sandbox?: SandboxApi;
}

/** The real server and SDK Client joined in memory, talking to the emulator over HTTP on 127.0.0.1. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownSandbox = !options.sandbox;
  const sandbox = options.sandbox ?? (await startSandboxApi({ apiKey: TEST_KEY, now: () => FIXED_NOW }));
  const seeded = ownSandbox ? seedMeetings(sandbox.store, { now: FIXED_NOW, count: options.seedCount ?? 30 }) : [];
  const connected = await connectServer(sandbox.baseUrl, options);
  return {
    ...connected,
    sandbox,
    seeded,
    async close() {
      await connected.close();
      if (ownSandbox) await sandbox.close();
    },
  };
}

/** The real server and SDK Client joined in memory, talking to any API at `baseUrl` (the emulator, or a lying one). */
export async function connectServer(baseUrl: string, options: ConnectOptions = {}): Promise<Connected> {
  const apiKey = 'apiKey' in options ? options.apiKey : TEST_KEY;
  const api = new HiringCenterClient({
    baseUrl,
    apiKey,
    timeoutMs: options.timeoutMs ?? 5_000,
    callBudgetMs: options.callBudgetMs ?? 10_000,
    // Short backoff keeps the suite fast; the policy's shape is what is under test.
    retry: { maxRetries: options.maxRetries ?? 3, baseDelayMs: 5, maxDelayMs: 40 },
    userAgent: 'hiringcenter-mcp/test',
  });
  const server = createServer({
    api,
    redactor: redactor([apiKey]),
    defaultUserId: options.defaultUserId,
    now: () => FIXED_NOW,
    inventory: buildInventory(toolSourceOf(allTools), { readOnly: options.readOnly ?? false, allow: options.allow }),
    confirmDeletes: options.confirmDeletes,
    confirmTimeoutMs: options.confirmTimeoutMs,
    sealer: stateSealer(undefined),
    principal: principalOf(apiKey ?? ''),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1.0.0' }, options.elicit ? { capabilities: { elicitation: {} } } : {});
  const elicit = options.elicit;
  if (elicit) client.setRequestHandler('elicitation/create', (request) => elicit(request.params.message));
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  // Listing tools makes the SDK Client validate every structuredContent against the published outputSchema.
  await client.listTools();

  return {
    api,
    client,
    async call(name, args = {}) {
      // A person may take longer than the SDK's default 60 s request timeout to answer a confirmation.
      const result = await client.callTool({ name, arguments: args }, { timeout: 120_000 });
      const content = result.content as { type: string; text?: string }[];
      return {
        text: content.map((c) => c.text ?? '').join('\n'),
        isError: result.isError === true,
        structured: result.structuredContent as Record<string, unknown> | undefined,
      };
    },
    async close() {
      await client.close();
      await server.close();
      await api.close();
    },
  };
}

/** A client for tests of the client itself: the test key, short timeouts, no retries unless asked. */
export function testClient(
  baseUrl: string,
  options: Partial<ConstructorParameters<typeof HiringCenterClient>[0]> = {},
): HiringCenterClient {
  return new HiringCenterClient({
    baseUrl,
    apiKey: TEST_KEY,
    timeoutMs: 1_000,
    callBudgetMs: 5_000,
    retry: { maxRetries: 0 },
    userAgent: 'test',
    ...options,
  });
}

/** Requests that reached the emulator after `from` (to prove bad input sent nothing). */
export function requestsSince(harness: Harness, from: number) {
  return harness.sandbox.requests.slice(from);
}
