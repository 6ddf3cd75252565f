import { CallToolResultSchema } from '@modelcontextprotocol/core';
import type { JSONRPCMessage, Server } from '@modelcontextprotocol/server';
import { InMemoryTransport, LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/server';
import type { Command } from './config.js';
import { VERSION } from './version.js';

type CallCommand = Extract<Command, { kind: 'call' }>;

/**
 * `hiringcenter-mcp call <tool> [json-args]`: one tool call through the real
 * server (same validation, same text), for scripts and for trying the API
 * without an MCP client. Returns the exit code (EXIT_CODES in config.ts): 0 done, 1 the call failed, 2 bad input —
 * arguments that are not a JSON object, or that the tool refused before sending anything.
 *
 * The two requests are written by hand rather than through the SDK's Client:
 * the Client would double the bin's size and its start-up for one exchange.
 */
export async function callOnce(
  server: Server,
  command: CallCommand,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let args: unknown = {};
  if (command.args !== undefined) {
    try {
      args = JSON.parse(command.args);
    } catch {
      args = undefined;
    }
  }
  if (!args || typeof args !== 'object' || Array.isArray(args)) {
    err(`hiringcenter-mcp: call arguments must be one JSON object, e.g. '{"limit": 5}'.\n`);
    return 2;
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const answers = new Map<number, (message: JSONRPCMessage) => void>();
  clientSide.onmessage = (message) => {
    if ('id' in message && typeof message.id === 'number' && !('method' in message)) answers.get(message.id)?.(message);
  };
  await server.connect(serverSide);
  await clientSide.start();
  const request = (id: number, method: string, params: Record<string, unknown>) =>
    new Promise<JSONRPCMessage>((resolve) => {
      answers.set(id, resolve);
      void clientSide.send({ jsonrpc: '2.0', id, method, params });
    });
  await request(1, 'initialize', {
    protocolVersion: LATEST_PROTOCOL_VERSION,
    capabilities: {},
    clientInfo: { name: 'hiringcenter-mcp-call', version: VERSION },
  });
  await clientSide.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  const answer = await request(2, 'tools/call', { name: command.tool, arguments: args });
  await clientSide.close();
  if ('error' in answer) {
    err(`hiringcenter-mcp: ${answer.error.message}\n`);
    return 1;
  }
  const result = CallToolResultSchema.parse('result' in answer ? answer.result : {});
  const text = result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
  out(command.json ? `${JSON.stringify(result.structuredContent ?? {}, null, 2)}\n` : `${text}\n`);
  if (!result.isError) return 0;
  return REFUSED_INPUT.has(errorCode(result.structuredContent)) ? 2 : 1;
}

// Error codes that mean the call was refused as typed, before anything was sent to HiringCenter.
const REFUSED_INPUT: ReadonlySet<string | undefined> = new Set(['invalid_argument', 'unknown_tool', 'tool_disabled']);

function errorCode(structured: unknown): string | undefined {
  const error = (structured as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}
