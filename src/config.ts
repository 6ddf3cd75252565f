import { apiKeyProblem } from './api/api-key.js';
import { DEFAULT_RETRY_POLICY } from './api/retry-policy.js';
import { isLoopbackHost } from './loopback.js';
import { secretWeakness } from './secret-strength.js';
import { LOG_LEVELS, type LogLevel } from './log.js';
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
      /** GET /metrics (Prometheus) on this port of the same host; undefined: no metrics. */
      metricsPort: number | undefined;
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
  /** With --sandbox: the emulator's API key (HIRINGCENTER_SANDBOX_KEY); undefined: a random one per process. */
  sandboxKey: string | undefined;
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

/** One setting: its variable and flag, its default, and the words --help, the README and the bundle use for it. */
export interface Setting {
  /** The environment variable, when there is one. */
  env?: `HIRINGCENTER_${string}`;
  /** The flag, when there is one; `takes` names the value it takes (`--tools a,b`). */
  flag?: `--${string}`;
  takes?: string;
  /** The default as a person reads it; undefined: none. */
  shown?: string;
  /** One line for --help. */
  help: string;
  /** The README's words (Markdown), when they say more than `help`. */
  readme?: string;
  /** The Claude Desktop bundle setting (manifest.json user_config) that fills the variable. */
  bundle?: string;
  /** A whole number: its range and default (parsing, --help and the README all read these). */
  whole?: { min: number; max: number; fallback?: number };
}

export const DEFAULT_BASE_URL = 'https://api.hiringcenterpro.com/v2';
const SECRET_HINT = '`openssl rand -base64 48`';

/**
 * Every setting once, in the order --help and the README list them. Parsing
 * reads names, ranges and defaults from here; --help is generated from it;
 * a test compares the README's configuration table and the bundle's
 * variables (manifest.json) with it (`npm run settings` rewrites both).
 */
export const SETTINGS = {
  sandbox: {
    flag: '--sandbox',
    help: 'serve sample data from the built-in HiringCenter emulator; no API key needed',
    readme: 'Serve sample data from the built-in emulator; no key needed, nothing leaves the machine.',
  },
  sandboxKey: {
    env: 'HIRINGCENTER_SANDBOX_KEY',
    shown: 'random per process',
    help: "with --sandbox: the emulator's API key; with --http too, clients must send it as their own key, as with HiringCenter",
    readme:
      "With `--sandbox`: the emulator's API key. With `--http` too, the server holds no key and each client sends this one as its own (`Authorization: Bearer <key>`), as against HiringCenter (see Hosted, trying it).",
  },
  apiKey: {
    env: 'HIRINGCENTER_API_KEY',
    help: 'API key, sent as "Authorization: Bearer <key>"; required unless --sandbox',
    readme:
      'API key, sent as `Authorization: Bearer <key>`. Without it the server still starts, logs one line to stderr, and every tool answers with an error saying how to set it.',
    bundle: 'api_key',
  },
  baseUrl: { env: 'HIRINGCENTER_BASE_URL', shown: DEFAULT_BASE_URL, help: 'API base URL', bundle: 'base_url' },
  timeoutMs: {
    env: 'HIRINGCENTER_TIMEOUT_MS',
    help: 'per-attempt timeout in milliseconds',
    whole: { min: 100, max: 600_000, fallback: 10_000 },
  },
  callTimeoutMs: {
    env: 'HIRINGCENTER_CALL_TIMEOUT_MS',
    help: 'time one tool call may take, in milliseconds, retries and waits included',
    readme:
      "Time one tool call may take, in milliseconds, retries and waits included, so a dead API answers well inside a client's 60 s limit.",
    // Well inside the 60 s most MCP clients wait for a tool call.
    whole: { min: 100, max: 600_000, fallback: 30_000 },
  },
  maxRetries: {
    env: 'HIRINGCENTER_MAX_RETRIES',
    help: 'retries after network errors, timeouts, HTTP 408/425/429/500/502/503/504',
    whole: { min: 0, max: 10, fallback: DEFAULT_RETRY_POLICY.maxRetries },
  },
  userId: {
    env: 'HIRINGCENTER_USER_ID',
    help: 'default acting userId for create/update (without it: the API key acts)',
    readme:
      "Default acting `userId` for create/update; a call's own `userId` wins. Without either, meetings are created by the API key (`createdByApi: true`).",
    bundle: 'user_id',
  },
  readOnly: {
    env: 'HIRINGCENTER_READ_ONLY',
    flag: '--read-only',
    shown: 'false',
    help: 'offer only list_meetings and get_meeting',
    readme: 'Offer only `list_meetings` and `get_meeting`.',
    bundle: 'read_only',
  },
  tools: {
    env: 'HIRINGCENTER_TOOLS',
    flag: '--tools',
    takes: 'a,b',
    shown: 'all',
    help: 'offer only these tools (comma-separated)',
    readme: 'Comma-separated allow-list of tools.',
  },
  logLevel: {
    env: 'HIRINGCENTER_LOG_LEVEL',
    flag: '--log-level',
    takes: 'LEVEL',
    shown: 'info',
    help: 'error, warn, info or debug; logs go to stderr',
    readme: '`error`, `warn`, `info` or `debug`; logs go to stderr.',
  },
  confirmDeletes: {
    env: 'HIRINGCENTER_CONFIRM_DELETES',
    shown: 'ask',
    help: 'ask: confirm deletes with the user when the client can; never: do not ask',
    readme: '`never` stops `delete_meeting` from asking the user to confirm (MCP elicitation).',
  },
  http: {
    flag: '--http',
    help: 'serve MCP Streamable HTTP at /mcp instead of stdio (stateless; for a team)',
    readme: 'Serve MCP Streamable HTTP at `/mcp` instead of stdio (see Hosted).',
  },
  port: {
    env: 'HIRINGCENTER_HTTP_PORT',
    flag: '--port',
    takes: 'N',
    help: 'with --http: the port',
    readme: 'With `--http`: the port to listen on (0: one the system picks).',
    whole: { min: 0, max: 65_535, fallback: 8787 },
  },
  host: {
    env: 'HIRINGCENTER_HTTP_HOST',
    flag: '--host',
    takes: 'H',
    shown: '127.0.0.1',
    help: 'with --http: the address to listen on',
    readme: 'With `--http`: the address to listen on.',
  },
  httpToken: {
    env: 'HIRINGCENTER_HTTP_TOKEN',
    help: 'with --http and a key held by the server: the token clients must send instead',
    readme:
      'With `--http` and a server-held `HIRINGCENTER_API_KEY`: the token clients must send (required then; at least 128 bits of randomness, e.g. `openssl rand -hex 32`).',
  },
  allowedOrigins: {
    env: 'HIRINGCENTER_ALLOWED_ORIGINS',
    shown: 'none',
    help: 'with --http: comma-separated browser origins allowed to call',
    readme: 'With `--http`: comma-separated browser origins allowed to call.',
  },
  publicUrl: {
    env: 'HIRINGCENTER_PUBLIC_URL',
    help: 'with --http: the address clients reach (behind a load balancer)',
    readme: 'With `--http`: the address clients reach (behind a load balancer); its host passes the `Host` check.',
  },
  maxConcurrent: {
    env: 'HIRINGCENTER_HTTP_MAX_CONCURRENT',
    help: 'with --http: requests one credential may have in flight; then 429',
    readme: 'With `--http`: requests one credential may have in flight; then `429` with `Retry-After`.',
    // Bounded, and high enough that one busy team key behind a 512-connection client is never refused.
    whole: { min: 1, max: 100_000, fallback: 1024 },
  },
  metricsPort: {
    env: 'HIRINGCENTER_METRICS_PORT',
    shown: 'off',
    help: 'with --http: serve Prometheus metrics at /metrics on this port of the same host',
    readme:
      'With `--http`: serve Prometheus metrics at `/metrics` on this port of the same host, apart from `/mcp` (see Metrics; 0: one the system picks). Off unless set.',
    whole: { min: 0, max: 65_535 },
  },
  oauthSecret: {
    env: 'HIRINGCENTER_OAUTH_SECRET',
    help: `with --http: be an OAuth 2.1 authorization server (sign in with an API key); shared by all replicas (${SECRET_HINT})`,
    readme: `With \`--http\`: be an OAuth 2.1 authorization server, so connectors added by URL sign in with an API key (see Hosted). A random secret shared by all replicas: ${SECRET_HINT}.`,
  },
  oauthPreviousSecret: {
    env: 'HIRINGCENTER_OAUTH_PREVIOUS_SECRET',
    help: 'with OAuth: the secret before a rotation; its tokens are still accepted until it is removed',
  },
  redisUrl: {
    env: 'HIRINGCENTER_REDIS_URL',
    help: 'with OAuth: Redis shared by all replicas, so a code or refresh token works once across them',
  },
  privateClientDocuments: {
    env: 'HIRINGCENTER_OAUTH_PRIVATE_CLIENT_DOCUMENTS',
    shown: 'false',
    help: "with OAuth: fetch clients' metadata documents from private addresses too",
  },
  stateSecret: {
    env: 'HIRINGCENTER_STATE_SECRET',
    shown: 'HIRINGCENTER_OAUTH_SECRET, else random per process',
    help: 'seals delete confirmations of 2026-07-28 clients (MRTR requestState) so any replica finishes them; shared by all replicas',
    readme: `Seals the delete confirmations of 2026-07-28 clients (the MRTR \`requestState\`), so whichever replica the answer reaches finishes the call. Shared by all replicas; at least 128 bits (${SECRET_HINT}). Without it (and without an OAuth secret) the hosted server warns once at start: a confirmation must then come back to the same process.`,
  },
  json: {
    flag: '--json',
    help: 'with call: print structuredContent instead of the text',
    readme: 'With `call`: print `structuredContent` instead of the text.',
  },
  help: {
    flag: '--help',
    help: 'show this help and exit',
    readme: "Print this help and exit. `call <tool> --help`: that tool's arguments, the forms each accepts, and an example call.",
  },
  version: { flag: '--version', help: 'print the version and exit' },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;
const ALL_SETTINGS: readonly Setting[] = Object.values(SETTINGS);

// Defaults other modules and tests name, read from the table.
export const DEFAULT_TIMEOUT_MS = SETTINGS.timeoutMs.whole.fallback;
export const DEFAULT_CALL_TIMEOUT_MS = SETTINGS.callTimeoutMs.whole.fallback;
export const DEFAULT_MAX_RETRIES = SETTINGS.maxRetries.whole.fallback;

/** What `call` and a configuration mistake exit with (call-once.ts and cli.ts return these; --help and the README say them). */
export const EXIT_CODES =
  '0 success; 1 the call failed (HiringCenter refused it, or could not be reached); 2 bad input, nothing sent (a flag, a variable, the JSON, or an argument the tool refused)';

/**
 * --help, from the settings table; the tool names come from the tool declarations. `invokedAs`: how this run was
 * started (`hiringcenter-mcp`, or `node dist/cli.js` from a clone).
 */
export function usage(toolNames: readonly string[], invokedAs = 'hiringcenter-mcp'): string {
  const line = (name: string, width: number, setting: Setting, twin?: string) => {
    const shown = defaultOf(setting);
    const notes = [twin, shown === undefined ? undefined : `default ${shown}`].filter(Boolean).join(', ');
    return `  ${name.padEnd(width)}  ${setting.help}${notes ? ` (${notes})` : ''}`;
  };
  const flags = ALL_SETTINGS.filter((setting) => setting.flag);
  const variables = ALL_SETTINGS.filter((setting) => setting.env && !setting.flag);
  const flagWidth = Math.max(...flags.map((setting) => flagName(setting).length));
  const variableWidth = Math.max(...variables.map((setting) => (setting.env ?? '').length));
  // Padded to one column, whatever the command is called.
  const usages = [
    [`${invokedAs} [flags]`, 'serve MCP over stdio'],
    [`${invokedAs} call <tool> [json-args] [flags]`, 'run one tool once and print what the model sees'],
    [`${invokedAs} call <tool> --help`, "that tool's arguments, the forms they accept, an example (it runs with --sandbox)"],
  ];
  const usageWidth = Math.max(...usages.map(([form = '']) => form.length));
  return [
    'Usage:',
    ...usages.map(([form = '', what]) => `  ${form.padEnd(usageWidth)}  ${what}`),
    '',
    `MCP server for HiringCenter meetings: ${toolNames.join(', ')}.`,
    '',
    'Flags (each wins over its environment variable):',
    ...flags.map((setting) => line(flagName(setting), flagWidth, setting, setting.env)),
    '',
    'Environment:',
    ...variables.map((setting) => line(setting.env ?? '', variableWidth, setting)),
    '',
    `Exit codes: ${EXIT_CODES}`,
    '',
  ].join('\n');
}

/** The README's configuration table, from the settings table (a test compares them; `npm run settings` rewrites it). */
export function settingsTable(): string {
  const code = (text: string) => `\`${text}\``;
  const rows = ALL_SETTINGS.map((setting) => {
    const names = [setting.env && code(setting.env), setting.flag && code(flagName(setting))];
    const shown = defaultOf(setting);
    const range = setting.whole ? ` From ${setting.whole.min} to ${setting.whole.max}.` : '';
    const meaning = setting.readme ?? `${setting.help[0]?.toUpperCase()}${setting.help.slice(1)}.${range}`;
    return `| ${names.filter(Boolean).join(' / ')} | ${shown === undefined ? '' : /\s/.test(shown) ? shown : code(shown)} | ${meaning} |`;
  });
  return ['| Variable / flag | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The bundle's variables (manifest.json server.mcp_config.env), from the settings table (a test compares them). */
export function bundleVariables(): Record<string, string> {
  return Object.fromEntries(
    ALL_SETTINGS.flatMap((setting) => (setting.env && setting.bundle ? [[setting.env, `\${user_config.${setting.bundle}}`]] : [])),
  );
}

/** One environment variable as the MCP Registry's server.json lists it for the npm package (KeyValueInput). */
export interface RegistryVariable {
  name: string;
  description: string;
  isRequired: boolean;
  isSecret: boolean;
  format: 'string' | 'boolean';
  default?: string;
}

/**
 * The variables server.json offers for the npm package: the ones a person sets for stdio, as the bundle asks for
 * them (the settings with a bundle name). A test compares server.json with it; `npm run settings` rewrites it.
 */
export function registryVariables(): RegistryVariable[] {
  return ALL_SETTINGS.flatMap((setting) => {
    if (!setting.env || !setting.bundle) return [];
    const secret = setting.env === SETTINGS.apiKey.env;
    const shown = defaultOf(setting);
    return [
      {
        name: setting.env,
        description: `${setting.help.charAt(0).toUpperCase()}${setting.help.slice(1)}.`,
        isRequired: secret,
        isSecret: secret,
        format: shown === 'false' ? 'boolean' : 'string',
        ...(shown === undefined ? {} : { default: shown }),
      },
    ];
  });
}

/** A flag as written with its value: `--tools a,b`. */
function flagName(setting: Setting): string {
  return `${setting.flag}${setting.takes ? ` ${setting.takes}` : ''}`;
}

export function defaultOf(setting: Setting): string | undefined {
  return setting.whole?.fallback === undefined ? setting.shown : String(setting.whole.fallback);
}

/** defaults < environment < flags; pure, so tests pass their own env and argv. `toolNames` are the tools that exist. */
export function loadConfig(
  given: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
  toolNames: readonly string[],
): Config {
  const { env, unexpanded } = withoutPlaceholders(given);
  const { command, flags } = parseArgv(argv, toolNames);
  const read = reader(env, flags);
  const levelText = read.text('logLevel') ?? SETTINGS.logLevel.shown;
  const logLevel = LOG_LEVELS.find((level) => level === levelText);
  if (!logLevel) {
    throw new ConfigError(
      `log level "${levelText}" is not one of ${LOG_LEVELS.join(', ')}; fix ${SETTINGS.logLevel.flag} or ${SETTINGS.logLevel.env}.`,
    );
  }
  const confirm = (read.text('confirmDeletes') ?? SETTINGS.confirmDeletes.shown).toLowerCase();
  if (confirm !== 'ask' && confirm !== 'never') {
    throw new ConfigError(`${SETTINGS.confirmDeletes.env} must be "ask" or "never" (got "${confirm}").`);
  }
  const apiKey = read.text('apiKey');
  const tools = read.given('tools');
  return {
    command: read.on('http') ? httpCommand(read, apiKey !== undefined) : command,
    apiKey,
    baseUrl: parseBaseUrl(read.text('baseUrl') ?? DEFAULT_BASE_URL),
    timeoutMs: read.whole('timeoutMs'),
    callTimeoutMs: read.whole('callTimeoutMs'),
    maxRetries: read.whole('maxRetries'),
    userId: read.text('userId'),
    sandbox: read.on('sandbox'),
    sandboxKey: sandboxKey(read),
    readOnly: read.on('readOnly'),
    tools: tools === undefined ? undefined : parseToolList(tools.value, tools.source, toolNames),
    logLevel,
    confirmDeletes: confirm === 'ask',
    baseUrlSet: read.text('baseUrl') !== undefined,
    stateSecret: stateSecret(read),
    unexpanded,
  };
}

type WholeSetting = { [K in SettingName]: (typeof SETTINGS)[K] extends { whole: object } ? K : never }[SettingName];
type WholeWithDefault = { [K in SettingName]: (typeof SETTINGS)[K] extends { whole: { fallback: number } } ? K : never }[SettingName];

/** Settings read through the table: a flag wins over its variable, and every message names where the value came from. */
interface SettingReader {
  /** The value given, trimmed, and the flag or variable it came from; undefined when neither was given. */
  given(name: SettingName): { value: string; source: string } | undefined;
  text(name: SettingName): string | undefined;
  whole(name: WholeWithDefault): number;
  /** A whole number when one was given; undefined: not set (the setting is off). */
  wholeIfGiven(name: WholeSetting): number | undefined;
  /** A switch: its flag given, or its variable true. */
  on(name: SettingName): boolean;
}

function reader(env: Readonly<Record<string, string | undefined>>, flags: ReadonlyMap<string, string | true>): SettingReader {
  const setting = (name: SettingName): Setting => SETTINGS[name];
  const given: SettingReader['given'] = (name) => {
    const { flag, env: variable } = setting(name);
    const fromFlag = flag === undefined ? undefined : flags.get(flag);
    if (typeof fromFlag === 'string' && flag) return { value: fromFlag.trim(), source: flag };
    const fromEnv = variable === undefined ? undefined : nonEmpty(env[variable]);
    return fromEnv === undefined || variable === undefined ? undefined : { value: fromEnv, source: variable };
  };
  const wholeIfGiven: SettingReader['wholeIfGiven'] = (name) => {
    const { min, max } = SETTINGS[name].whole;
    const value = given(name);
    if (value === undefined) return undefined;
    const n = Number(value.value);
    if (!/^\d+$/.test(value.value) || n < min || n > max) {
      throw new ConfigError(`${value.source} must be a whole number from ${min} to ${max} (got "${value.value}").`);
    }
    return n;
  };
  return {
    given,
    text: (name) => given(name)?.value,
    whole: (name) => wholeIfGiven(name) ?? SETTINGS[name].whole.fallback,
    wholeIfGiven,
    on(name) {
      const { flag } = setting(name);
      if (flag !== undefined && flags.get(flag) === true) return true;
      const value = given(name);
      if (value === undefined || ['false', '0', 'no', 'off'].includes(value.value.toLowerCase())) return false;
      if (['true', '1', 'yes', 'on'].includes(value.value.toLowerCase())) return true;
      throw new ConfigError(`${value.source} must be true or false (got "${value.value}").`);
    },
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

// Short spellings of two flags.
const ALIASES: Readonly<Record<string, string>> = { '-h': SETTINGS.help.flag, '-v': SETTINGS.version.flag };

/** The command, and each flag given: its value, or true for a switch. Flags are the settings table's. */
function parseArgv(argv: readonly string[], toolNames: readonly string[]): { command: Command; flags: Map<string, string | true> } {
  const known = new Map<string, Setting>();
  for (const setting of ALL_SETTINGS) if (setting.flag) known.set(setting.flag, setting);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [written, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = ALIASES[written] ?? written;
    const setting = known.get(name);
    if (!setting) {
      if (name.startsWith('-')) throw new ConfigError(`unknown flag "${name}"; run hiringcenter-mcp --help for the flags.`);
      positional.push(arg);
      continue;
    }
    if (!setting.takes) {
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new ConfigError(`${name} needs a value; run hiringcenter-mcp --help.`);
    flags.set(name, value);
  }
  const json = flags.has(SETTINGS.json.flag);
  const show = flags.has(SETTINGS.help.flag) ? 'help' : flags.has(SETTINGS.version.flag) ? 'version' : undefined;
  const [verb, tool, args, ...extra] = positional;
  if (show === 'help' && verb === 'call' && tool) {
    return { command: { kind: 'toolHelp', tool: checkToolName(tool, 'call', toolNames) }, flags };
  }
  if (show) return { command: { kind: show }, flags };
  if (verb === undefined) {
    if (json) throw new ConfigError(`${SETTINGS.json.flag} only goes with "call"; run hiringcenter-mcp --help.`);
    return { command: { kind: 'serve' }, flags };
  }
  if (verb !== 'call') throw new ConfigError(`unknown command "${verb}"; the only command is "call" (run hiringcenter-mcp --help).`);
  if (!tool) throw new ConfigError(`call needs a tool name: one of ${toolNames.join(', ')}.`);
  if (extra.length) throw new ConfigError('call takes one JSON argument object; quote it, e.g. \'{"limit": 5}\'.');
  return { command: { kind: 'call', tool: checkToolName(tool, 'call', toolNames), args, json }, flags };
}

/**
 * Hosted mode. With a key held by the server (HIRINGCENTER_API_KEY), every client must present
 * HIRINGCENTER_HTTP_TOKEN: an endpoint that spends a server-held key for anyone is refused, never a default.
 * (--sandbox holds only its own emulator's key: with no token it takes any client, to try it out.)
 */
function httpCommand(read: SettingReader, serverHoldsKey: boolean): Command {
  const { httpToken, apiKey, publicUrl: publicSetting } = SETTINGS;
  const token = read.text('httpToken');
  if (serverHoldsKey && !token) {
    throw new ConfigError(
      `${SETTINGS.http.flag} with a key held by the server (${apiKey.env}) needs ${httpToken.env}, so that only clients with it can spend that key; ` +
        `set one (e.g. \`openssl rand -hex 32\`), or unset ${apiKey.env} so each client sends its own key.`,
    );
  }
  // A token guessable in practical time would turn a server-held key into an open one: judged as the OAuth secret is.
  const tokenWeakness = token === undefined ? undefined : secretWeakness(token);
  if (tokenWeakness) {
    throw new ConfigError(`${httpToken.env} is too weak (${tokenWeakness}); make one with \`openssl rand -hex 32\`.`);
  }
  const publicUrl = parsePublicUrl(read.text('publicUrl'));
  const origins = read.text('allowedOrigins');
  const host = read.text('host') ?? SETTINGS.host.shown;
  const oauth = oauthSettings(read);
  if (oauth && !publicUrl && !isLoopbackHost(host)) {
    throw new ConfigError(
      `OAuth needs the address clients reach: set ${publicSetting.env} (e.g. https://mcp.example.com), since ${host} is not one a browser can be sent to.`,
    );
  }
  if (oauth && publicUrl?.startsWith('http:') && !isLoopbackHost(new URL(publicUrl).hostname)) {
    throw new ConfigError(
      `${publicSetting.env} must be https:// with OAuth (got ${publicUrl}): sign-in sends API keys and tokens through it.`,
    );
  }
  return {
    kind: 'http',
    host,
    port: read.whole('port'),
    token,
    allowedOrigins: origins
      ? origins
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : [],
    publicUrl,
    maxPerCredential: read.whole('maxConcurrent'),
    oauth,
    metricsPort: read.wholeIfGiven('metricsPort'),
  };
}

const MAKE_A_SECRET = 'make one with `openssl rand -base64 48`';

/** HIRINGCENTER_SANDBOX_KEY: only with --sandbox, and only a value that can travel in an Authorization header. */
function sandboxKey(read: SettingReader): string | undefined {
  const given = read.given('sandboxKey');
  if (!given) return undefined;
  if (!read.on('sandbox')) throw new ConfigError(`${given.source} is the emulator's key: it goes with ${SETTINGS.sandbox.flag}.`);
  const problem = apiKeyProblem(given.value);
  if (problem) throw new ConfigError(`${given.source} cannot be sent in an HTTP header (${problem}).`);
  return given.value;
}

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

function stateSecret(read: SettingReader): string | undefined {
  const own = read.text('stateSecret');
  const weakness = own === undefined ? undefined : secretWeakness(own);
  if (weakness)
    throw new ConfigError(`${SETTINGS.stateSecret.env} is too weak (${weakness}); ${MAKE_A_SECRET} and set it on every replica.`);
  return own ?? read.text('oauthSecret');
}

function oauthSettings(read: SettingReader): OAuthSettings | undefined {
  const { oauthSecret, oauthPreviousSecret, redisUrl: redisSetting } = SETTINGS;
  const secret = read.text('oauthSecret');
  const previousSecret = read.text('oauthPreviousSecret');
  const redisUrl = read.text('redisUrl');
  if (!secret) {
    if (previousSecret || redisUrl) {
      throw new ConfigError(`OAuth settings are set but ${oauthSecret.env} is not; ${MAKE_A_SECRET} and set it on every replica.`);
    }
    return undefined;
  }
  for (const [name, value] of [
    [oauthSecret.env, secret],
    [oauthPreviousSecret.env, previousSecret],
  ] as const) {
    const weakness = value === undefined ? undefined : secretWeakness(value);
    if (weakness) throw new ConfigError(`${name} is too weak (${weakness}); ${MAKE_A_SECRET} and set it on every replica.`);
  }
  if (previousSecret === secret) {
    throw new ConfigError(`${oauthPreviousSecret.env} equals ${oauthSecret.env}; after a rotation it holds the old one.`);
  }
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/]/.test(redisUrl)) {
    throw new ConfigError(`${redisSetting.env} must look like redis://host:6379 or rediss://… (got something else).`);
  }
  return { secret, previousSecret, redisUrl, allowPrivateClientDocuments: read.on('privateClientDocuments') };
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
