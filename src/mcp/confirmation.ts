import type { ElicitRequestFormParams, Server } from '@modelcontextprotocol/server';
import { CLIENT_CAPABILITIES_META_KEY, inputResponse, SdkError, SdkErrorCode } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import type { CallScope } from '../api/call-scope.js';
import type { Redactor } from '../api/redact.js';
import type { NotConfirmed } from '../format/mutation-text.js';
import type { Confirm } from '../tools/define-tool.js';
import type { Extra } from './handle-request.js';
import type { PendingConfirmation, StateSealer } from './request-state.js';

// A person reads the question and decides; the SDK's default of 60 s for any request is too short for that.
export const DEFAULT_CONFIRM_TIMEOUT_MS = 10 * 60 * 1000;
// The key of the one question in an input_required result, and of its answer on the retry.
const CONFIRM_KEY = 'confirm';

export interface ConfirmationOptions {
  /** Off with HIRINGCENTER_CONFIRM_DELETES=never. */
  enabled: boolean;
  timeoutMs: number;
  redactor: Redactor;
  /** Seals what is being confirmed into the 2026-07-28 requestState. */
  sealer: StateSealer;
  /** A digest of the credential the calls spend: a confirmation counts only for it. */
  principal: string;
}

/** What a question is about: a confirmation given for one tool and meeting counts for no other. */
export interface ConfirmationSubject {
  tool: string;
  meetingId: string | undefined;
}

/**
 * Thrown by a 2026-07-28 confirmation that has no valid answer yet: the call
 * ends with `input_required` (one elicitation and the sealed state), and the
 * client calls again with the person's answer (call-tool.ts).
 */
export class ConfirmationNeeded extends Error {
  override readonly name = 'ConfirmationNeeded';
  constructor(
    readonly question: ElicitRequestFormParams,
    readonly requestState: string,
  ) {
    super('the user must confirm first');
  }
}

/**
 * How a tool asks the person a yes/no question (MCP elicitation) — only when
 * the client declared elicitation; otherwise its own approval prompt
 * (destructiveHint) guards deletes.
 *
 * 2025 connections: the question is a server-to-client request and the call
 * waits for it, its API deadline stopped meanwhile (unchanged from SDK v1).
 * 2026-07-28: the call answers `input_required` and is retried with the answer
 * (multi round-trip requests), on whichever replica the retry reaches.
 */
export function confirmationFor(server: Server, options: ConfirmationOptions) {
  return (call: CallScope, extra: Extra, subject: ConfirmationSubject): Confirm | undefined => {
    if (!options.enabled) return undefined;
    if (servesModernEra(server)) {
      if (!declaresElicitation(extra) || subject.meetingId === undefined) return undefined;
      const pending: PendingConfirmation = { principal: options.principal, tool: subject.tool, meetingId: subject.meetingId };
      return (question) => answerInBand(form(question, options.redactor), pending, extra, options.sealer);
    }
    if (!server.getClientCapabilities()?.elicitation) return undefined;
    return (question) =>
      call.notCounting(async (): Promise<'accept' | NotConfirmed> => {
        try {
          const answer = await server.elicitInput(form(question, options.redactor), {
            signal: extra.mcpReq.signal,
            timeout: options.timeoutMs,
          });
          return answer.action === 'accept' && answer.content?.[CONFIRM_KEY] !== true ? 'decline' : answer.action;
        } catch (error) {
          if (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) return { unansweredWithinMs: options.timeoutMs };
          throw error;
        }
      });
  };
}

/**
 * The person's answer, when this retry carries one under a state we sealed for this very principal, tool and
 * meeting. Anything else — no state, a forged, expired or foreign one, no answer — asks again with a fresh state.
 */
async function answerInBand(
  question: ElicitRequestFormParams,
  pending: PendingConfirmation,
  extra: Extra,
  sealer: StateSealer,
): Promise<'accept' | NotConfirmed> {
  const state = extra.mcpReq.requestState<unknown>();
  const opened = typeof state === 'string' ? await sealer.open(state) : undefined;
  if (opened && sameConfirmation(opened, pending)) {
    const answer = inputResponse(extra.mcpReq.inputResponses, CONFIRM_KEY);
    if (answer.kind === 'elicit') {
      if (answer.action !== 'accept') return answer.action;
      return answer.content?.[CONFIRM_KEY] === true ? 'accept' : 'decline';
    }
  }
  throw new ConfirmationNeeded(question, await sealer.seal(pending));
}

function sameConfirmation(a: PendingConfirmation, b: PendingConfirmation): boolean {
  return a.principal === b.principal && a.tool === b.tool && a.meetingId === b.meetingId;
}

function form(question: string, redactor: Redactor): ElicitRequestFormParams {
  return {
    message: redactor.text(question),
    requestedSchema: {
      type: 'object',
      properties: { [CONFIRM_KEY]: { type: 'boolean', title: 'Confirm', default: false } },
      required: [CONFIRM_KEY],
    },
  };
}

// The request's own capabilities (2026-07-28 `_meta` envelope): client input, so read through a schema.
const EnvelopeCapabilities = z.object({
  [CLIENT_CAPABILITIES_META_KEY]: z.object({ elicitation: z.object({}).loose().optional() }).loose(),
});

function declaresElicitation(extra: Extra): boolean {
  const envelope = EnvelopeCapabilities.safeParse(extra.mcpReq.envelope);
  return envelope.success && envelope.data[CLIENT_CAPABILITIES_META_KEY].elicitation !== undefined;
}

/** Whether this server instance serves the 2026-07-28 revision (serveStdio and createMcpHandler pin it per instance). */
export function servesModernEra(server: Server): boolean {
  return (server.getNegotiatedProtocolVersion() ?? '') >= '2026-07-28';
}
