import { basename, isAbsolute, relative } from 'node:path';
import { apiKeyProblem } from './api/api-key.js';
import { redactor } from './api/redact.js';
import { HiringCenterClient } from './api/client.js';
import { ConfigError, loadConfig, SETTINGS, usage, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { SandboxApi } from './sandbox/sandbox-api.js';
import { createServer, hostedServers } from './mcp/create-server.js';
import { principalOf, stateSealer } from './mcp/request-state.js';
import { LineStdioTransport } from './transports/stdio/stdio-transport.js';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { buildInventory, type Inventory } from './mcp/inventory.js';
import { binToolSource } from './mcp/lazy-boundary.js';
import { VERSION } from './version.js';
import { cacheSizes } from './bounded-cache.js';
import type { Telemetry } from './telemetry.js';
import type { HostedMetrics } from './transports/http/metrics.js';
import type * as HostedModule from './transports/http/http-server.js';

// Work in flight gets this long to end after stdin closes or SIGTERM.
const SHUTDOWN_GRACE_MS = 800;
// Hosted: calls in flight get this long to finish after SIGTERM (a load balancer has stopped sending by then).
const HTTP_GRACE_MS = 10_000;

/** The bin: config -> (sandbox) -> client -> server -> stdio. The only place that exits the process. */
async function main(): Promise<void> {
  const tools = await binToolSource();
  const toolNames = tools.catalog.map((tool) => tool.name);
  let config: Config;
  try {
    config = loadConfig(process.env, process.argv.slice(2), toolNames);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`hiringcenter-mcp: ${error.message}\n`);
    process.exit(2);
  }
  const { command } = config;
  if (command.kind === 'help') return void process.stdout.write(usage(toolNames, invokedAs()));
  if (command.kind === 'version') return void process.stdout.write(`${VERSION}\n`);
  if (command.kind === 'toolHelp') {
    const [{ toolHelp }, definitions] = await Promise.all([import('./tool-help.js'), tools.load()]);
    // The name was checked against the catalog, which the build describes from these very definitions.
    const tool = definitions.find((candidate) => candidate.name === command.tool);
    if (tool) return void process.stdout.write(toolHelp(tool, invokedAs()));
    throw new Error(`no definition for ${command.tool}`);
  }
  // One selection for every server this process makes: tools, prompts and templates, and what a sign-in grants.
  const inventory = buildInventory(tools, { readOnly: config.readOnly, allow: config.tools });

  // stdio spends one key, the configured one: the log and every answer are redacted for it.
  const keyRedactor = redactor([config.apiKey]);
  const log = createLogger({ level: config.logLevel, redactor: keyRedactor });
  if (config.unexpanded.length) {
    log.warn(
      `${config.unexpanded.join(', ')} held a placeholder the host did not fill in (\${user_config.…}); read as unset. Set the value in the extension's settings, or leave it empty.`,
    );
  }
  if (command.kind === 'http') {
    // The hosted server is a file of its own (dist/http.js): stdio, the common case, never loads it, nor the metrics.
    const hosted = await import('./transports/http/http-server.js');
    const metrics = command.metricsPort === undefined ? undefined : hosted.hostedMetrics(cacheSizes);
    const backend = await connectBackend(config, log, true, metrics);
    return serveHttp(command, config, backend, inventory, log, hosted, metrics);
  }
  const backend = await connectBackend(config, log, command.kind !== 'call');
  const sealer = stateSealer(config.stateSecret);
  // stdio spends one key (the configured one, or the sandbox's): every confirmation belongs to it.
  const principal = principalOf(backend.apiKey ?? '');
  const newServer = () =>
    createServer({
      api: backend.api,
      redactor: keyRedactor,
      defaultUserId: config.userId,
      inventory,
      confirmDeletes: config.confirmDeletes,
      log,
      sealer,
      principal,
    });

  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${describe(reason)}`));
  process.on('uncaughtException', (error) => log.error(`uncaught exception: ${describe(error)}`));

  if (command.kind === 'call') {
    // Loaded only here: a served session never needs the client side of the SDK.
    const { callOnce } = await import('./call-once.js');
    const changesBefore = backend.sandbox?.store.changes ?? 0;
    const written: Promise<void>[] = [];
    const code = await callOnce(
      newServer(),
      command,
      (text) => written.push(writeOut(text)),
      (text) => process.stderr.write(text),
    );
    // Said only when the call changed something: not after a dry run, a refused create or a read-only refusal.
    if (backend.sandbox && backend.sandbox.store.changes > changesBefore) {
      process.stderr.write(
        'hiringcenter-mcp: --sandbox starts every run from the same sample meetings; this change is gone when the command ends.\n',
      );
    }
    // Exit only once stdout has taken all of it: a pipe takes 64 KiB at a time, and exit() drops the rest.
    await Promise.all([...written, backend.api.close(), backend.sandbox?.close()]);
    process.exit(code);
  }

  // A person who ran it in a terminal sees a silent program: say what it waits for and how to try it instead.
  if (process.stdin.isTTY) {
    const self = invokedAs();
    process.stderr.write(
      `hiringcenter-mcp ${VERSION}: an MCP server on stdio, waiting for an MCP client (Claude Desktop, Claude Code, Cursor…) to talk to it; ` +
        'a client starts it with the command in its configuration (README: "Use it from an MCP client").\n' +
        `To try it here: ${self} call list_meetings '{"limit": 3}' --sandbox   ·   ${self} --help   ·   Ctrl-C to stop.\n`,
    );
  }

  // Both eras on one connection type: the opening message pins 2026-07-28 (server/discover, enveloped requests) or
  // 2025 (initialize). The transport is ours (stdio-transport.ts says why); the SDK's entry owns it once handed over.
  const transport = new LineStdioTransport();
  const connection = serveStdio(newServer, { transport, onerror: (error) => log.debug(`stdio: ${error.message}`) });

  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.debug(`stopping: ${why}`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    // Requests in flight are aborted, not awaited (the API client's close). Closing the connection flushes stdout first.
    void Promise.allSettled([connection.close(), backend.api.close(), backend.sandbox?.close()]).then(() => process.exit(0));
  };
  // Whatever closes the transport — stdin ending, a broken pipe — ends the process: never a server left running deaf.
  void transport.ended.then(() => stop('the stdio transport closed'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** `--http`: MCP Streamable HTTP for a team; SIGTERM stops accepting and lets calls in flight finish. */
async function serveHttp(
  command: Extract<Config['command'], { kind: 'http' }>,
  config: Config,
  backend: { api: HiringCenterClient; sandbox?: SandboxApi; apiKey: string | undefined },
  inventory: Inventory,
  log: Logger,
  { startHttpServer }: typeof HostedModule,
  metrics: HostedMetrics | undefined,
): Promise<void> {
  // The key check runs here, not in dist/http.js: the API client and its error classes are the bin's own.
  const [{ checkApiKey }, { createMcpHandler }] = await Promise.all([
    import('./oauth/key-check.js'),
    import('@modelcontextprotocol/server'),
  ]);
  if (!config.stateSecret) {
    log.warn(
      'neither HIRINGCENTER_STATE_SECRET nor HIRINGCENTER_OAUTH_SECRET is set: a delete confirmed by a 2026-07-28 client must come back to this same process (set one on every replica).',
    );
  }
  const sealer = stateSealer(config.stateSecret);
  const personalSandboxKey = config.sandboxKey !== undefined && !command.token;
  const hosted = await startHttpServer(
    // --sandbox takes any client, unless its key was chosen: then each client sends it, as it would its HiringCenter key.
    { ...command, open: config.sandbox && !command.token && !command.oauth && !personalSandboxKey },
    {
      checkKey: (key) => checkApiKey(backend.api, key),
      createMcpHandler,
      // The sign-in page says the access granted is read-only when no tool offered writes.
      readOnly: inventory.readOnly,
      newServer: hostedServers({
        api: backend.api,
        sealer,
        inventory,
        defaultUserId: config.userId,
        confirmDeletes: config.confirmDeletes,
        log,
        telemetry: metrics,
      }),
      serverKey: personalSandboxKey ? undefined : backend.apiKey,
      log,
      metrics,
    },
  );
  const scrape = metrics && command.metricsPort !== undefined ? await metrics.listen(command.host, command.metricsPort) : undefined;

  const who = command.oauth
    ? 'people sign in with their HiringCenter API key (OAuth), or clients send the key'
    : command.token
      ? 'clients send HIRINGCENTER_HTTP_TOKEN'
      : personalSandboxKey
        ? `sandbox data; clients send the emulator's key (${SETTINGS.sandboxKey.env}) as their own`
        : config.sandbox
          ? 'sandbox data, open to any client that reaches it'
          : 'clients send their HiringCenter API key';
  log.info(`listening on ${hosted.url} (${who})`);
  if (scrape) log.info(`metrics: ${scrape.url}`);
  if (hosted.oauth) {
    log.info(
      `oauth: issuer ${hosted.oauth.issuer}${command.publicUrl ? '' : ' — the address listened on, as HIRINGCENTER_PUBLIC_URL is not set (right for one replica on this machine)'}`,
    );
    if (!hosted.oauth.sharedStore)
      log.info('oauth: codes and refresh tokens are used once on this replica only; with more replicas, set HIRINGCENTER_REDIS_URL');
    // The emulator's key is random per process; a person trying sign-in needs it, and it opens sample data only.
    if (config.sandbox && backend.apiKey) log.info(`sandbox: sign in with the emulator's key ${backend.apiKey}`);
  }
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`stopping (${why}): no new requests, calls in flight get ${HTTP_GRACE_MS / 1000} s`);
    void hosted
      .drain(HTTP_GRACE_MS)
      .then(() => Promise.allSettled([backend.api.close(), backend.sandbox?.close(), scrape?.close()]))
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Writes to stdout, resolved once the text has been handed on (or stdout is gone). */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(text, () => resolve());
  });
}

/** The API to talk to: HiringCenter itself, or with --sandbox the built-in emulator on a loopback port. */
async function connectBackend(
  config: Config,
  log: Logger,
  serving: boolean,
  telemetry?: Telemetry,
): Promise<{ api: HiringCenterClient; sandbox?: SandboxApi; apiKey: string | undefined }> {
  let sandbox: SandboxApi | undefined;
  let baseUrl = config.baseUrl;
  let apiKey = config.apiKey;
  if (config.sandbox) {
    const [{ startSandboxApi }, { seedMeetings }] = await Promise.all([import('./sandbox/sandbox-api.js'), import('./sandbox/seed.js')]);
    // A fresh random key per process unless one was chosen: the emulator listens on a loopback port, and no other
    // local process may use it.
    const sandboxKey =
      config.sandboxKey ??
      `hcsbx_${Array.from(globalThis.crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    sandbox = await startSandboxApi({ apiKey: sandboxKey, record: false });
    const seeded = seedMeetings(sandbox.store, { now: Date.now() });
    baseUrl = sandbox.baseUrl;
    apiKey = sandboxKey;
    (serving ? log.info : log.debug)(`sandbox: ${seeded.length} sample meetings served by the built-in emulator at ${baseUrl}`);
  } else if (!apiKey) {
    if (config.command.kind !== 'http')
      log.warn('HIRINGCENTER_API_KEY is not set: tools will answer with an error until it is (or start with --sandbox).');
  } else {
    const problem = apiKeyProblem(apiKey);
    if (problem)
      log.warn(
        `HIRINGCENTER_API_KEY cannot be sent in an HTTP header (${problem}): tools will answer with an error until it is pasted again.`,
      );
  }
  const api = new HiringCenterClient({
    baseUrl,
    apiKey,
    timeoutMs: config.timeoutMs,
    callBudgetMs: config.callTimeoutMs,
    retry: { maxRetries: config.maxRetries },
    userAgent: `hiringcenter-mcp/${VERSION}`,
    telemetry,
    // The sandbox's address is the server's own choice: nobody could have mistyped it.
    baseUrlSetting: config.baseUrlSet && !sandbox ? 'HIRINGCENTER_BASE_URL' : undefined,
  });
  return { api, sandbox, apiKey };
}

/**
 * How this run was started, as a person would type it again: `hiringcenter-mcp` through npm's link (npx, a global
 * install, npm link), else `node <path to this file>` — from a clone, `node dist/cli.js`.
 */
function invokedAs(): string {
  const script = process.argv[1] ?? '';
  if (basename(script) === 'hiringcenter-mcp') return 'hiringcenter-mcp';
  const path = relative(process.cwd(), script);
  return `node ${path && !path.startsWith('..') && !isAbsolute(path) ? path : script}`;
}

function describe(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : String(value);
}

main().catch((error: unknown) => {
  process.stderr.write(`hiringcenter-mcp: failed to start: ${describe(error)}\n`);
  process.exit(1);
});
