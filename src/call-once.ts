import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Command } from './config.js';
import { VERSION } from './version.js';

type CallCommand = Extract<Command, { kind: 'call' }>;

/**
 * `hiringcenter-mcp call <tool> [json-args]`: one tool call through the real
 * server (same validation, same text), for scripts and for trying the API
 * without an MCP client. Returns the exit code: 0 done, 1 tool error, 2 bad args.
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
  const client = new Client({ name: 'hiringcenter-mcp-call', version: VERSION });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const result = await client.callTool({ name: command.tool, arguments: args as Record<string, unknown> });
  const text = (result.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
  out(command.json ? `${JSON.stringify(result.structuredContent ?? {}, null, 2)}\n` : `${text}\n`);
  await client.close();
  return result.isError ? 1 : 0;
}
