import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { CallScope } from '../api/call-scope.js';
import { redact } from '../api/redact.js';
import type { NotConfirmed } from '../format/mutation-text.js';
import type { Confirm } from '../tools/define-tool.js';

// A person reads the question and decides; the SDK's default of 60 s for any request is too short for that.
export const DEFAULT_CONFIRM_TIMEOUT_MS = 10 * 60 * 1000;

export interface ConfirmationOptions {
  /** Off with HIRINGCENTER_CONFIRM_DELETES=never. */
  enabled: boolean;
  timeoutMs: number;
  secrets: readonly string[];
}

/**
 * How a tool asks the person a yes/no question (MCP elicitation) — only when
 * the client declared elicitation; otherwise its own approval prompt
 * (destructiveHint) guards deletes. The person's time is not the network's:
 * the call's API deadline stops while the question is open.
 */
export function confirmationFor(server: Server, options: ConfirmationOptions) {
  return (call: CallScope, signal: AbortSignal): Confirm | undefined => {
    if (!options.enabled || !server.getClientCapabilities()?.elicitation) return undefined;
    return (question) =>
      call.notCounting(async (): Promise<'accept' | NotConfirmed> => {
        try {
          const answer = await server.elicitInput(
            {
              message: redact(question, options.secrets),
              requestedSchema: {
                type: 'object',
                properties: { confirm: { type: 'boolean', title: 'Confirm', default: false } },
                required: ['confirm'],
              },
            },
            { signal, timeout: options.timeoutMs },
          );
          return answer.action === 'accept' && answer.content?.confirm !== true ? 'decline' : answer.action;
        } catch (error) {
          if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return { unansweredWithinMs: options.timeoutMs };
          throw error;
        }
      });
  };
}
