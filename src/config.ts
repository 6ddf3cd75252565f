import type { LogLevel } from './log.js';

export interface Config {
  apiKey: string | undefined;
  baseUrl: string;
  timeoutMs: number;
  /** Whole tool call, retries included. */
  callTimeoutMs: number;
  maxRetries: number;
  userId: string | undefined;
  sandbox: boolean;
  logLevel: LogLevel;
  /** --help / --version: print and exit instead of serving. */
  show: 'help' | 'version' | undefined;
}

/** A configuration mistake: the message is one line that names the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_BASE_URL = 'https://api.hiringcenterpro.com/v2';
export const DEFAULT_TIMEOUT_MS = 10_000;
// Well inside the 60 s most MCP clients wait for a tool call.
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;

export const USAGE = `Usage: hiringcenter-mcp [--sandbox] [--help] [--version]

MCP stdio server for HiringCenter meetings (list, get, create, update, delete).

Flags:
  --sandbox     serve sample data from the built-in HiringCenter emulator; no API key needed
  --help        show this help and exit
  --version     print the version and exit

Environment:
  HIRINGCENTER_API_KEY      API key, sent as "Authorization: Bearer <key>" (required unless --sandbox)
  HIRINGCENTER_BASE_URL     API base URL (default ${DEFAULT_BASE_URL})
  HIRINGCENTER_TIMEOUT_MS   per-attempt timeout in ms (default ${DEFAULT_TIMEOUT_MS})
  HIRINGCENTER_CALL_TIMEOUT_MS  time one tool call may take, retries included (default ${DEFAULT_CALL_TIMEOUT_MS})
  HIRINGCENTER_MAX_RETRIES  retries after a failed attempt: network errors, 408/425/429/5xx (default ${DEFAULT_MAX_RETRIES})
  HIRINGCENTER_USER_ID      default acting userId for create/update (default: none, acts as the API key)
`;

/** defaults < environment < flags; pure, so tests pass their own env and argv. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): Config {
  let sandbox = false;
  let show: Config['show'];
  for (const arg of argv) {
    if (arg === '--sandbox') sandbox = true;
    else if (arg === '--help' || arg === '-h') show = 'help';
    else if (arg === '--version' || arg === '-v') show = 'version';
    else throw new ConfigError(`unknown argument "${arg}"; run hiringcenter-mcp --help for the flags.`);
  }
  return {
    apiKey: nonEmpty(env.HIRINGCENTER_API_KEY),
    baseUrl: parseBaseUrl(nonEmpty(env.HIRINGCENTER_BASE_URL) ?? DEFAULT_BASE_URL),
    timeoutMs: parseWhole('HIRINGCENTER_TIMEOUT_MS', env.HIRINGCENTER_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 100, 600_000),
    callTimeoutMs: parseWhole('HIRINGCENTER_CALL_TIMEOUT_MS', env.HIRINGCENTER_CALL_TIMEOUT_MS, DEFAULT_CALL_TIMEOUT_MS, 100, 600_000),
    maxRetries: parseWhole('HIRINGCENTER_MAX_RETRIES', env.HIRINGCENTER_MAX_RETRIES, DEFAULT_MAX_RETRIES, 0, 10),
    userId: nonEmpty(env.HIRINGCENTER_USER_ID),
    sandbox,
    logLevel: 'info',
    show,
  };
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
