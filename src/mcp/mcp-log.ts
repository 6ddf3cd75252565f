import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import { redact } from '../api/redact.js';
import { inert } from '../format/inert-text.js';
import type { Extra } from './handle-request.js';

const SEVERITY: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** Sends one line to the client's own log view (MCP notifications/message), as part of the request it concerns. */
export type NotifyClient = (extra: Extra, level: LoggingLevel, message: string) => Promise<void>;

/**
 * Logs over MCP: the client's chosen level (logging/setLevel; `warning`
 * until it chooses), and lines sent as notifications tied to the request
 * they are about — so they reach the client in stateless HTTP too, on that
 * request's stream. Every line is redacted and escaped like any other
 * output. stderr logging is unchanged.
 */
export function clientLog(secrets: readonly string[]): { setLevel(level: LoggingLevel): void; notify: NotifyClient } {
  let threshold = SEVERITY.indexOf('warning');
  return {
    setLevel: (level) => (threshold = SEVERITY.indexOf(level)),
    async notify(extra, level, message) {
      if (SEVERITY.indexOf(level) < threshold) return;
      await extra
        .sendNotification({
          method: 'notifications/message',
          params: { level, logger: 'hiringcenter-mcp', data: inert(redact(message, secrets)) },
        })
        .catch(() => undefined);
    },
  };
}
