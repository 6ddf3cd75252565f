import {
  ApiCancelledError,
  ApiContractError,
  ApiHttpError,
  ApiNetworkError,
  ApiTimeoutError,
  MissingApiKeyError,
  StaleReplayError,
  type HiringCenterError,
} from '../api/errors.js';
import { redact } from '../api/redact.js';
import { InputError } from '../input-error.js';

export interface ErrorContext {
  tool: string;
  /** Whether the call changes data: decides what "try again" means. */
  mutation: boolean;
  meetingId?: string;
  /** Values that must never be shown (the API key). */
  secrets: readonly string[];
  /** Epoch ms, to turn Retry-After into a clock time. */
  now: number;
}

const SAFE_TO_REPEAT =
  'Repeating the exact same call is safe: it carries the same idempotency key, so it cannot create a duplicate or apply twice.';

/**
 * Every failure as one short paragraph for the model: what failed, which
 * field or id, whether retrying helps, and what to do instead. The one place
 * error classes become words.
 */
export function errorText(error: unknown, context: ErrorContext): string {
  return redact(describe(error, context), context.secrets);
}

function describe(error: unknown, context: ErrorContext): string {
  const { tool, mutation, meetingId } = context;
  if (error instanceof InputError) {
    const field = error.field ? `Invalid ${error.field} for ${tool}: ` : `Invalid arguments for ${tool}: `;
    return `${field}${error.problem} ${error.fix} Nothing was sent to HiringCenter.`;
  }
  if (error instanceof MissingApiKeyError) {
    return (
      'No HiringCenter API key is configured. Set HIRINGCENTER_API_KEY in this MCP server\'s environment ' +
      '(the "env" block of the client config, e.g. claude_desktop_config.json) and restart the server, ' +
      'or start it with --sandbox to try it on sample data. Nothing was sent.'
    );
  }
  if (error instanceof ApiHttpError) return httpErrorText(error, context);
  if (error instanceof StaleReplayError) {
    return (
      `The idempotencyKey was already used to create meeting ${error.meetingId}, which has since been deleted or moved, so HiringCenter only replays that old answer. ` +
      'To create the meeting again, send a new idempotencyKey or leave it out.'
    );
  }
  if (error instanceof ApiTimeoutError) {
    return (
      `HiringCenter timed out after ${attemptsText(error)} on ${error.method} ${error.path} (each allowed up to ${error.timeoutMs} ms). ` +
      (mutation ? `The change may or may not have been applied. ${SAFE_TO_REPEAT}` : 'Try again shortly.') +
      ' If this keeps happening, check HIRINGCENTER_BASE_URL or raise HIRINGCENTER_TIMEOUT_MS.'
    );
  }
  if (error instanceof ApiNetworkError) {
    return (
      `Could not reach HiringCenter (${error.message}; ${attemptsText(error)}). ` +
      (mutation ? `The change may or may not have been applied. ${SAFE_TO_REPEAT}` : 'Try again shortly.') +
      ' Check the network and HIRINGCENTER_BASE_URL.'
    );
  }
  if (error instanceof ApiContractError) {
    return (
      `HiringCenter sent an answer this server cannot trust (${error.message}), so nothing is reported as done. ` +
      (mutation
        ? `Check the current state with ${meetingId ? `get_meeting ${meetingId}` : 'list_meetings'} before acting again; ${SAFE_TO_REPEAT}`
        : 'Try again shortly; if it persists, HIRINGCENTER_BASE_URL may point at the wrong server or a proxy.')
    );
  }
  if (error instanceof ApiCancelledError) return `${tool} was cancelled before HiringCenter answered.`;
  const message = error instanceof Error ? error.message : String(error);
  return `Internal error in hiringcenter-mcp while running ${tool}: ${message.slice(0, 300)}. This is a bug in the server, not in your arguments; try again, and report it if it repeats.`;
}

function attemptsText(error: HiringCenterError): string {
  return error.attempts === 1 ? '1 attempt' : `${error.attempts} attempts`;
}

function httpErrorText(error: ApiHttpError, { tool, mutation, meetingId, now }: ErrorContext): string {
  const upstream = error.apiMessage ? ` HiringCenter said: "${error.apiMessage}".` : '';
  const status = `HTTP ${error.status}`;
  switch (error.status) {
    case 401:
      return `HiringCenter rejected the API key (${status}).${upstream} Check that HIRINGCENTER_API_KEY holds a current key and restart the server. Retrying will not help.`;
    case 403:
      return `Not allowed (${status}): this API key${mutation ? ' or acting userId' : ''} may not do ${tool}${meetingId ? ` on meeting ${meetingId}` : ''}.${upstream} Retrying will not help; use a userId with access or ask an admin.`;
    case 404:
      return meetingId
        ? `No meeting with id ${meetingId} (${status}). It may have been deleted or the id mistyped; call list_meetings to find the right id.`
        : `HiringCenter answered ${status} for ${error.method} ${error.path}.${upstream} Check HIRINGCENTER_BASE_URL (it should end in /v2).`;
    case 400:
    case 422:
      return `HiringCenter rejected the ${tool} request (${status}).${upstream || ' It gave no reason.'} Fix the arguments it names and call again; repeating unchanged will fail the same way.`;
    case 409:
      return `HiringCenter reported a conflict (${status}).${upstream} If you passed an idempotencyKey, it was already used for a different request: send a new one. Otherwise read the meeting again with get_meeting, then make the call again.`;
    case 429:
      return `HiringCenter is rate-limiting requests (${status}, ${attemptsText(error)}).${upstream} Try again ${retryAfterText(error, now)}.${mutation ? ` ${SAFE_TO_REPEAT}` : ''}`;
    default:
      if (error.status >= 500) {
        return `HiringCenter had a server error (${status}, ${attemptsText(error)}).${upstream} This is usually temporary: try again ${retryAfterText(error, now)}.${mutation ? ` The change may or may not have been applied. ${SAFE_TO_REPEAT}` : ''}`;
      }
      return `HiringCenter answered ${status} to ${tool}.${upstream} Check the arguments and try again.`;
  }
}

function retryAfterText(error: ApiHttpError, now: number): string {
  if (error.retryAfterMs === undefined) return 'in a few seconds';
  const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  const at = new Date(now + error.retryAfterMs).toISOString().slice(11, 19);
  return `in ${seconds} second${seconds === 1 ? '' : 's'} (after ${at} UTC, as HiringCenter asked)`;
}
