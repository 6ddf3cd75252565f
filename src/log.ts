import { NO_SECRETS, type Redactor } from './api/redact.js';
import { shown } from './format/inert-text.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

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
  const emit = (level: LogLevel) => (message: string) => {
    if (ORDER[level] <= ORDER[options.level]) write(`[hiringcenter-mcp] ${level}: ${shown(message, redactor)}\n`);
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
