import { NO_SECRETS, type Redactor } from './api/redact.js';
import { shown } from './format/inert-text.js';

/** Most severe first: a logger at one level writes it and those before it. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/**
 * Lines to stderr (stdout belongs to the MCP protocol), with secrets removed
 * and line breaks escaped at the last moment: a message carrying the API's
 * words can neither leak the key nor forge a log line of its own.
 */
export function createLogger(options: { level: LogLevel; redactor?: Redactor; write?: (line: string) => void }): Logger {
  const redactor = options.redactor ?? NO_SECRETS;
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  // Whether a level is written is decided once, here, not at every line.
  const emit = (level: LogLevel) =>
    LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(options.level)
      ? (message: string) => void write(`[hiringcenter-mcp] ${level}: ${shown(message, redactor)}\n`)
      : () => undefined;
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
