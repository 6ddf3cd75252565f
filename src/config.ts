import { DEFAULT_RETRY_POLICY } from './api/retry-policy.js';
import { isLoopbackHost } from './loopback.js';
import { secretWeakness } from './secret-strength.js';
import type { LogLevel } from './log.js';
import type { OAuthSettings } from './oauth/oauth-context.js';

/** What the bin was asked to do. */
export type Command =
  | { kind: 'serve' }
  | { kind: 'help' }
  | { kind: 'version' }
  /** `hiringcenter-mcp call <tool> [json-args]`: one call, printed as the model would see it. */
  | { kind: 'call'; tool: string; args: string | undefined; json: boolean }
  /** `hiringcenter-mcp call <tool> --help`: that tool's arguments, their accepted forms, an example. */
  | { kind: 'toolHelp'; tool: string }
  /** `hiringcenter-mcp --http`: MCP Streamable HTTP for a team (src/transports/http/http-server.ts). */
  | {
      kind: 'http';
      host: string;
      port: number;
      token: string | undefined;
      allowedOrigins: string[];
      publicUrl: string | undefined;
      maxPerCredential: number;
      /** Set with HIRINGCENTER_OAUTH_SECRET: the server is its own OAuth 2.1 authorization server. */
      oauth: OAuthSettings | undefined;
    };

export interface Config {
  command: Command;
  apiKey: string | undefined;
  baseUrl: string;
  timeoutMs: number;
  /** Whole tool call, retries included. */
  callTimeoutMs: number;
  maxRetries: number;
  userId: string | undefined;
  sandbox: boolean;
  /** Only list_meetings and get_meeting exist. */
  readOnly: boolean;
  /** Allow-list of tools; undefined = all. */
  tools: string[] | undefined;
  logLevel: LogLevel;
  /** Ask the user (MCP elicitation) before delete_meeting, when the client can. */
  confirmDeletes: boolean;
  /** Whether the person chose the API's address (HIRINGCENTER_BASE_URL): only then do errors name the variable. */
  baseUrlSet: boolean;
  /**
   * Seals 2026-07-28 confirmations (MRTR requestState) so that any replica finishes them: HIRINGCENTER_STATE_SECRET,
   * else HIRINGCENTER_OAUTH_SECRET; undefined: a random key per process.
   */
  stateSecret: string | undefined;
  /** Variables that held a placeholder a host never filled in (`${user_config.user_id}`): read as unset, said once at start. */
  unexpanded: string[];
}

/** A configuration mistake: the message is one line that names the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_BASE_URL = 'https://api.hiringcenterpro.com/v2';
export const DEFAULT_HTTP_PORT = 8787;
export const DEFAULT_HTTP_HOST = '127.0.0.1';
export const DEFAULT_TIMEOUT_MS = 10_000;
// Well inside the 60 s most MCP clients wait for a tool call.
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = DEFAULT_RETRY_POLICY.maxRetries;
// Bounded, and high enough that one busy team key behind a 512-connection client is never refused.
export const DEFAULT_MAX_CONCURRENT = 1024;
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** --help; the tool names come from the tool declarations. */
export const usage = (toolNames: readonly string[]): string => `Usage:
  hiringcenter-mcp [flags]                          serve MCP over stdio
  hiringcenter-mcp call <tool> [json-args] [flags]  run one tool once and print what the model sees
  hiringcenter-mcp call <tool> --help               that tool's arguments, the forms they accept, an example

MCP server for HiringCenter meetings: ${toolNames.join(', ')}.

Flags (each wins over its environment variable):
  --sandbox            serve sample data from the built-in HiringCenter emulator; no API key needed
  --http               serve MCP Streamable HTTP at /mcp instead of stdio (stateless; for a team)
  --port N, --host H   where --http listens (HIRINGCENTER_HTTP_PORT, default ${DEFAULT_HTTP_PORT};
                       HIRINGCENTER_HTTP_HOST, default ${DEFAULT_HTTP_HOST})
  --read-only          offer only list_meetings and get_meeting          (HIRINGCENTER_READ_ONLY=true)
  --tools a,b          offer only these tools                            (HIRINGCENTER_TOOLS)
  --log-level LEVEL    error, warn, info or debug; logs go to stderr     (HIRINGCENTER_LOG_LEVEL, default info)
  --json               with call: print structuredContent instead of the text
  --help               show this help and exit
  --version            print the version and exit

Environment:
  HIRINGCENTER_API_KEY           API key, sent as "Authorization: Bearer <key>" (required unless --sandbox)
  HIRINGCENTER_BASE_URL          API base URL (default ${DEFAULT_BASE_URL})
  HIRINGCENTER_TIMEOUT_MS        per-attempt timeout in ms (default ${DEFAULT_TIMEOUT_MS})
  HIRINGCENTER_CALL_TIMEOUT_MS   time one tool call may take, retries included (default ${DEFAULT_CALL_TIMEOUT_MS})
  HIRINGCENTER_MAX_RETRIES       retries after network errors, timeouts, 408/425/429/5xx (default ${DEFAULT_MAX_RETRIES})
  HIRINGCENTER_USER_ID           default acting userId for create/update (default: none, acts as the API key)
  HIRINGCENTER_READ_ONLY         true/false (default false)
  HIRINGCENTER_TOOLS             comma-separated allow-list (default: all)
  HIRINGCENTER_LOG_LEVEL         error, warn, info, debug (default info)
  HIRINGCENTER_CONFIRM_DELETES   ask (default: confirm deletes with the user when the client supports it) or never
  HIRINGCENTER_HTTP_TOKEN        with --http and a key held by the server: the token clients must send instead
  HIRINGCENTER_ALLOWED_ORIGINS   with --http: comma-separated browser origins allowed to call (default: none)
  HIRINGCENTER_PUBLIC_URL        with --http: the address clients reach (behind a load balancer)
  HIRINGCENTER_HTTP_MAX_CONCURRENT  with --http: requests one credential may have in flight (default ${DEFAULT_MAX_CONCURRENT}; then 429)
  HIRINGCENTER_OAUTH_SECRET      with --http: be an OAuth 2.1 authorization server (sign in with an API key, for
                                 connectors added by URL); a random secret shared by all replicas (openssl rand -base64 48)
  HIRINGCENTER_OAUTH_PREVIOUS_SECRET  the secret before a rotation: its tokens are still accepted until it is removed
  HIRINGCENTER_REDIS_URL         with OAuth: Redis shared by all replicas, so a code or refresh token works once across them
  HIRINGCENTER_OAUTH_PRIVATE_CLIENT_DOCUMENTS  true: fetch clients' metadata documents from private addresses too
  HIRINGCENTER_STATE_SECRET      seals delete confirmations of 2026-07-28 clients (MRTR requestState) so any replica
                                 finishes them; shared by all replicas (default: HIRINGCENTER_OAUTH_SECRET, else per process)

Exit codes: 0 success; 1 a call's tool error; 2 a configuration error.
`;

/** defaults < environment < flags; pure, so tests pass their own env and argv. `toolNames` are the tools that exist. */
export function loadConfig(
  given: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
  toolNames: readonly string[],
): Config {
  const { env, unexpanded } = withoutPlaceholders(given);
  const flags = parseArgv(argv, toolNames);
  const toolsText = flags.tools ?? nonEmpty(env.HIRINGCENTER_TOOLS);
  const logLevel = flags.logLevel ?? nonEmpty(env.HIRINGCENTER_LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError(`log level "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}; fix --log-level or HIRINGCENTER_LOG_LEVEL.`);
  }
  const confirm = (nonEmpty(env.HIRINGCENTER_CONFIRM_DELETES) ?? 'ask').toLowerCase();
  if (confirm !== 'ask' && confirm !== 'never') {
    throw new ConfigError(`HIRINGCENTER_CONFIRM_DELETES must be "ask" or "never" (got "${confirm}").`);
  }
  const apiKey = nonEmpty(env.HIRINGCENTER_API_KEY);
  const command = flags.http ? httpCommand(env, flags, apiKey !== undefined) : flags.command;
  return {
    command,
    apiKey,
    baseUrl: parseBaseUrl(nonEmpty(env.HIRINGCENTER_BASE_URL) ?? DEFAULT_BASE_URL),
    timeoutMs: parseWhole('HIRINGCENTER_TIMEOUT_MS', env.HIRINGCENTER_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 100, 600_000),
    callTimeoutMs: parseWhole('HIRINGCENTER_CALL_TIMEOUT_MS', env.HIRINGCENTER_CALL_TIMEOUT_MS, DEFAULT_CALL_TIMEOUT_MS, 100, 600_000),
    maxRetries: parseWhole('HIRINGCENTER_MAX_RETRIES', env.HIRINGCENTER_MAX_RETRIES, DEFAULT_MAX_RETRIES, 0, 10),
    userId: nonEmpty(env.HIRINGCENTER_USER_ID),
    sandbox: flags.sandbox,
    readOnly: flags.readOnly || parseBoolean('HIRINGCENTER_READ_ONLY', env.HIRINGCENTER_READ_ONLY),
    tools:
      toolsText === undefined
        ? undefined
        : parseToolList(toolsText, flags.tools !== undefined ? '--tools' : 'HIRINGCENTER_TOOLS', toolNames),
    logLevel: logLevel as LogLevel,
    confirmDeletes: confirm === 'ask',
    baseUrlSet: nonEmpty(env.HIRINGCENTER_BASE_URL) !== undefined,
    stateSecret: stateSecret(env),
    unexpanded,
  };
}

/**
 * Claude Desktop may pass an optional bundle setting the person left empty as its literal placeholder
 * (modelcontextprotocol/mcpb#250): "${user_config.user_id}" would then be sent to HiringCenter as a user id.
 * Such a value is read as unset.
 */
function withoutPlaceholders(given: Readonly<Record<string, string | undefined>>): {
  env: Readonly<Record<string, string | undefined>>;
  unexpanded: string[];
} {
  const unexpanded = Object.keys(given).filter(
    (name) => name.startsWith('HIRINGCENTER_') && /\$\{user_config\.[^}]*\}/.test(given[name] ?? ''),
  );
  if (!unexpanded.length) return { env: given, unexpanded };
  const env = { ...given };
  for (const name of unexpanded) delete env[name];
  return { env, unexpanded };
}

interface Flags {
  command: Command;
  sandbox: boolean;
  readOnly: boolean;
  http?: boolean;
  port?: string;
  host?: string;
  tools?: string;
  logLevel?: string;
}

function parseArgv(argv: readonly string[], toolNames: readonly string[]): Flags {
  const flags: Flags = { command: { kind: 'serve' }, sandbox: false, readOnly: false };
  const positional: string[] = [];
  let json = false;
  let show: 'help' | 'version' | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new ConfigError(`${name} needs a value; run hiringcenter-mcp --help.`);
      return next;
    };
    if (name === '--sandbox') flags.sandbox = true;
    else if (name === '--read-only') flags.readOnly = true;
    else if (name === '--tools') flags.tools = value();
    else if (name === '--log-level') flags.logLevel = value();
    else if (name === '--json') json = true;
    else if (name === '--http') flags.http = true;
    else if (name === '--port') flags.port = value();
    else if (name === '--host') flags.host = value();
    else if (name === '--help' || name === '-h') show = 'help';
    else if (name === '--version' || name === '-v') show = 'version';
    else if (name.startsWith('-')) throw new ConfigError(`unknown flag "${name}"; run hiringcenter-mcp --help for the flags.`);
    else positional.push(arg);
  }
  if (show === 'help' && positional[0] === 'call' && positional[1]) {
    return { ...flags, command: { kind: 'toolHelp', tool: checkToolName(positional[1], 'call', toolNames) } };
  }
  if (show) return { ...flags, command: { kind: show } };
  if (positional.length === 0) {
    if (json) throw new ConfigError('--json only goes with "call"; run hiringcenter-mcp --help.');
    return flags;
  }
  const [verb, tool, args, ...extra] = positional;
  if (verb !== 'call') throw new ConfigError(`unknown command "${verb}"; the only command is "call" (run hiringcenter-mcp --help).`);
  if (!tool) throw new ConfigError(`call needs a tool name: one of ${toolNames.join(', ')}.`);
  if (extra.length) throw new ConfigError('call takes one JSON argument object; quote it, e.g. \'{"limit": 5}\'.');
  return { ...flags, command: { kind: 'call', tool: checkToolName(tool, 'call', toolNames), args, json } };
}

/**
 * Hosted mode. With a key held by the server (HIRINGCENTER_API_KEY), every client must present
 * HIRINGCENTER_HTTP_TOKEN: an endpoint that spends a server-held key for anyone is refused, never a default.
 * (--sandbox holds only its own emulator's key: with no token it takes any client, to try it out.)
 */
function httpCommand(env: Readonly<Record<string, string | undefined>>, flags: Flags, serverHoldsKey: boolean): Command {
  const token = nonEmpty(env.HIRINGCENTER_HTTP_TOKEN);
  if (serverHoldsKey && !token) {
    throw new ConfigError(
      '--http with a key held by the server (HIRINGCENTER_API_KEY) needs HIRINGCENTER_HTTP_TOKEN, so that only clients with it can spend that key; ' +
        'set one (e.g. `openssl rand -hex 32`), or unset HIRINGCENTER_API_KEY so each client sends its own key.',
    );
  }
  // A token guessable in practical time would turn a server-held key into an open one: judged as the OAuth secret is.
  const tokenWeakness = token === undefined ? undefined : secretWeakness(token);
  if (tokenWeakness) {
    throw new ConfigError(`HIRINGCENTER_HTTP_TOKEN is too weak (${tokenWeakness}); make one with \`openssl rand -hex 32\`.`);
  }
  const publicUrl = parsePublicUrl(nonEmpty(env.HIRINGCENTER_PUBLIC_URL));
  const origins = nonEmpty(env.HIRINGCENTER_ALLOWED_ORIGINS);
  const host = flags.host ?? nonEmpty(env.HIRINGCENTER_HTTP_HOST) ?? DEFAULT_HTTP_HOST;
  const oauth = oauthSettings(env);
  if (oauth && !publicUrl && !isLoopbackHost(host)) {
    throw new ConfigError(
      `OAuth needs the address clients reach: set HIRINGCENTER_PUBLIC_URL (e.g. https://mcp.example.com), since ${host} is not one a browser can be sent to.`,
    );
  }
  if (oauth && publicUrl?.startsWith('http:') && !isLoopbackHost(new URL(publicUrl).hostname)) {
    throw new ConfigError(
      `HIRINGCENTER_PUBLIC_URL must be https:// with OAuth (got ${publicUrl}): sign-in sends API keys and tokens through it.`,
    );
  }
  return {
    kind: 'http',
    host,
    port: parseWhole(
      flags.port !== undefined ? '--port' : 'HIRINGCENTER_HTTP_PORT',
      flags.port ?? env.HIRINGCENTER_HTTP_PORT,
      DEFAULT_HTTP_PORT,
      0,
      65_535,
    ),
    token,
    allowedOrigins: origins
      ? origins
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : [],
    publicUrl,
    maxPerCredential: parseWhole(
      'HIRINGCENTER_HTTP_MAX_CONCURRENT',
      env.HIRINGCENTER_HTTP_MAX_CONCURRENT,
      DEFAULT_MAX_CONCURRENT,
      1,
      100_000,
    ),
    oauth,
  };
}

const MAKE_A_SECRET = 'make one with `openssl rand -base64 48`';

/** The public address as an origin (scheme, host, port): the issuer, metadata URLs and token audiences derive from it. */
function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`HIRINGCENTER_PUBLIC_URL "${value}" is not a URL; set it like https://mcp.example.com.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new ConfigError(`HIRINGCENTER_PUBLIC_URL "${value}" must be a plain http(s) address like https://mcp.example.com.`);
  }
  if (url.pathname !== '/' && url.pathname !== '/mcp') {
    throw new ConfigError(`HIRINGCENTER_PUBLIC_URL "${value}" has a path; give the server's own address (MCP is served at its /mcp).`);
  }
  return url.origin;
}

function stateSecret(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const own = nonEmpty(env.HIRINGCENTER_STATE_SECRET);
  const weakness = own === undefined ? undefined : secretWeakness(own);
  if (weakness) throw new ConfigError(`HIRINGCENTER_STATE_SECRET is too weak (${weakness}); ${MAKE_A_SECRET} and set it on every replica.`);
  return own ?? nonEmpty(env.HIRINGCENTER_OAUTH_SECRET);
}

function oauthSettings(env: Readonly<Record<string, string | undefined>>): OAuthSettings | undefined {
  const secret = nonEmpty(env.HIRINGCENTER_OAUTH_SECRET);
  const previousSecret = nonEmpty(env.HIRINGCENTER_OAUTH_PREVIOUS_SECRET);
  const redisUrl = nonEmpty(env.HIRINGCENTER_REDIS_URL);
  if (!secret) {
    if (previousSecret || redisUrl) {
      throw new ConfigError(`OAuth settings are set but HIRINGCENTER_OAUTH_SECRET is not; ${MAKE_A_SECRET} and set it on every replica.`);
    }
    return undefined;
  }
  for (const [name, value] of [
    ['HIRINGCENTER_OAUTH_SECRET', secret],
    ['HIRINGCENTER_OAUTH_PREVIOUS_SECRET', previousSecret],
  ] as const) {
    const weakness = value === undefined ? undefined : secretWeakness(value);
    if (weakness) throw new ConfigError(`${name} is too weak (${weakness}); ${MAKE_A_SECRET} and set it on every replica.`);
  }
  if (previousSecret === secret) {
    throw new ConfigError('HIRINGCENTER_OAUTH_PREVIOUS_SECRET equals HIRINGCENTER_OAUTH_SECRET; after a rotation it holds the old one.');
  }
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/]/.test(redisUrl)) {
    throw new ConfigError(`HIRINGCENTER_REDIS_URL must look like redis://host:6379 or rediss://… (got something else).`);
  }
  return {
    secret,
    previousSecret,
    redisUrl,
    allowPrivateClientDocuments: parseBoolean(
      'HIRINGCENTER_OAUTH_PRIVATE_CLIENT_DOCUMENTS',
      env.HIRINGCENTER_OAUTH_PRIVATE_CLIENT_DOCUMENTS,
    ),
  };
}

function checkToolName(name: string, source: string, toolNames: readonly string[]): string {
  if (!toolNames.includes(name)) throw new ConfigError(`${source}: unknown tool "${name}"; valid tools are ${toolNames.join(', ')}.`);
  return name;
}

function parseToolList(text: string, source: string, toolNames: readonly string[]): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.length) throw new ConfigError(`${source} is empty; list tools like list_meetings,get_meeting.`);
  return names.map((name) => checkToolName(name, source, toolNames));
}

function parseBoolean(name: string, raw: string | undefined): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined || ['false', '0', 'no', 'off'].includes(value)) return false;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  throw new ConfigError(`${name} must be true or false (got "${raw}").`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`HIRINGCENTER_BASE_URL "${value}" is not a URL; set it like ${DEFAULT_BASE_URL}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`HIRINGCENTER_BASE_URL must start with https:// (got ${url.protocol}).`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('HIRINGCENTER_BASE_URL must not contain a query, fragment or credentials; put the key in HIRINGCENTER_API_KEY.');
  }
  return value.replace(/\/+$/, '');
}

function parseWhole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = nonEmpty(raw);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return n;
}
