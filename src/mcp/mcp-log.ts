import type { LoggingLevel } from '@modelcontextprotocol/server';
import type { Redactor } from '../api/redact.js';
import { shown } from '../format/inert-text.js';
import type { Extra } from './handle-request.js';

/** Sends one line to the client's own log view (MCP notifications/message), as part of the request it concerns. */
export type ClientLog = (extra: Extra, level: LoggingLevel, message: string) => Promise<void>;

/**
 * Logs over MCP, through the SDK's per-request log: on a 2025 connection the
 * level the client chose with logging/setLevel; on 2026-07-28 only when the
 * request itself asks (`io.modelcontextprotocol/logLevel` in its `_meta`).
 * Lines travel on the stream of the request they are about, so they reach
 * stateless HTTP clients too. Every line is redacted and escaped like any
 * other output; stderr logging is separate.
 */
export function clientLog(redactor: Redactor): ClientLog {
  return (extra, level, message) => extra.mcpReq.log(level, shown(message, redactor), 'hiringcenter-mcp').catch(() => undefined);
}
