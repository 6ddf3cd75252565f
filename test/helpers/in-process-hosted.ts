import { createMcpHandler } from '@modelcontextprotocol/server';
import { allTools } from '../../src/tools/index.js';
import { HiringCenterClient } from '../../src/api/client.js';
import { hostedServers } from '../../src/mcp/create-server.js';
import { stateSealer } from '../../src/mcp/request-state.js';
import { toolSourceOf } from '../../src/mcp/describe-tools.js';
import { buildInventory } from '../../src/mcp/inventory.js';
import { startHttpServer, type HostedServer, type HttpOptions } from '../../src/transports/http/http-server.js';
import { silentLogger } from '../../src/log.js';

export interface InProcessHosted extends HostedServer {
  api: HiringCenterClient;
  close(): Promise<void>;
}

/**
 * The hosted server in this process, over real HTTP on 127.0.0.1, for tests that need a bound the bin does
 * not expose (a short body deadline) or to count what it holds. Built as the bin builds it (cli.ts serveHttp).
 */
export async function startInProcessHosted(
  baseUrl: string,
  options: Partial<HttpOptions> & {
    serverKey?: string;
    stateSecret?: string;
    maxConnections?: number;
    timeoutMs?: number;
    maxRetries?: number;
  } = {},
): Promise<InProcessHosted> {
  const api = new HiringCenterClient({
    baseUrl,
    apiKey: options.serverKey,
    timeoutMs: options.timeoutMs ?? 5_000,
    callBudgetMs: 20_000,
    retry: { maxRetries: options.maxRetries ?? 0, baseDelayMs: 5, maxDelayMs: 40 },
    userAgent: 'hiringcenter-mcp/test',
    maxConnections: options.maxConnections,
  });
  const sealer = stateSealer(options.stateSecret);
  const inventory = buildInventory(toolSourceOf(allTools), { readOnly: false, allow: undefined });
  const hosted = await startHttpServer(
    {
      host: '127.0.0.1',
      port: 0,
      token: undefined,
      allowedOrigins: [],
      publicUrl: undefined,
      maxPerCredential: 1024,
      ...options,
    },
    {
      newServer: hostedServers({ api, sealer, inventory }),
      createMcpHandler,
      serverKey: options.serverKey,
      log: silentLogger,
    },
  );
  return {
    ...hosted,
    api,
    async close() {
      await hosted.drain(0);
      await api.close();
    },
  };
}
