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

/** Stable codes for programs; the text is for the model. */
export const ERROR_CODES = [
  'invalid_argument',
  'unknown_tool',
  'tool_disabled',
  'missing_api_key',
  'unauthorized',
  'forbidden',
  'not_found',
  'rejected',
  'conflict',
  'rate_limited',
  'upstream_error',
  'timeout',
  'unreachable',
  'bad_response',
  'stale_idempotency_key',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorReport {
  code: ErrorCode;
  /** One short paragraph: what failed, which field or id, whether retrying helps, what to do. */
  message: string;
  retryable: boolean;
  retryAfterSeconds?: number;
  field?: string;
  meetingId?: string;
}

const SAFE_TO_REPEAT =
  'Repeating the exact same call is safe: it carries the same idempotency key, so it cannot create a duplicate or apply twice.';

/** The one place error classes become words (and codes). Secrets are removed last, from everything. */
export function describeError(error: unknown, context: ErrorContext): ErrorReport {
  const report = describe(error, context);
  const meetingId = report.meetingId ?? context.meetingId;
  return { ...report, message: redact(report.message, context.secrets), ...(meetingId ? { meetingId } : {}) };
}

/** A report for a failure found before any tool ran (unknown tool, arguments that do not parse). */
export function report(code: ErrorCode, message: string, field?: string): ErrorReport {
  return { code, message, retryable: false, ...(field ? { field } : {}) };
}

function describe(error: unknown, context: ErrorContext): ErrorReport {
  const { tool, mutation, meetingId } = context;
  const maybeApplied = mutation ? ` The change may or may not have been applied. ${SAFE_TO_REPEAT}` : '';
  if (error instanceof InputError) {
    const what = error.field ? `Invalid ${error.field} for ${tool}: ` : `Invalid arguments for ${tool}: `;
    return report('invalid_argument', `${what}${error.problem} ${error.fix} Nothing was sent to HiringCenter.`, error.field);
  }
  if (error instanceof MissingApiKeyError) {
    return report(
      'missing_api_key',
      'No HiringCenter API key is configured. Set HIRINGCENTER_API_KEY in this MCP server\'s environment ' +
        '(the "env" block of the client config, e.g. claude_desktop_config.json) and restart the server, ' +
        'or start it with --sandbox to try it on sample data. Nothing was sent.',
    );
  }
  if (error instanceof ApiHttpError) return httpError(error, context);
  if (error instanceof StaleReplayError) {
    return {
      ...report(
        'stale_idempotency_key',
        `The idempotencyKey was already used to create meeting ${error.meetingId}, which has since been deleted or moved, so HiringCenter only replays that old answer. ` +
          'To create the meeting again, send a new idempotencyKey or leave it out.',
      ),
      meetingId: error.meetingId,
    };
  }
  if (error instanceof ApiTimeoutError) {
    return {
      code: 'timeout',
      retryable: true,
      message:
        `HiringCenter timed out after ${attempts(error)} on ${error.method} ${error.path} (each allowed up to ${error.timeoutMs} ms).` +
        (maybeApplied || ' Try again shortly.') +
        ' If this keeps happening, check HIRINGCENTER_BASE_URL or raise HIRINGCENTER_TIMEOUT_MS.',
    };
  }
  if (error instanceof ApiNetworkError) {
    return {
      code: 'unreachable',
      retryable: true,
      message:
        `Could not reach HiringCenter (${error.message}; ${attempts(error)}).` +
        (maybeApplied || ' Try again shortly.') +
        ' Check the network and HIRINGCENTER_BASE_URL.',
    };
  }
  if (error instanceof ApiContractError) {
    return {
      code: 'bad_response',
      retryable: !mutation,
      message:
        `HiringCenter sent an answer this server cannot trust (${error.message}), so nothing is reported as done. ` +
        (mutation
          ? `Check the current state with ${meetingId ? `get_meeting ${meetingId}` : 'list_meetings'} before acting again; ${SAFE_TO_REPEAT}`
          : 'Try again shortly; if it persists, HIRINGCENTER_BASE_URL may point at the wrong server or a proxy.'),
    };
  }
  if (error instanceof ApiCancelledError) return report('cancelled', `${tool} was cancelled before HiringCenter answered.`);
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    retryable: true,
    message: `Internal error in hiringcenter-mcp while running ${tool}: ${message.slice(0, 300)}. This is a bug in the server, not in your arguments; try again, and report it if it repeats.`,
  };
}

function attempts(error: HiringCenterError): string {
  return error.attempts === 1 ? '1 attempt' : `${error.attempts} attempts`;
}

function httpError(error: ApiHttpError, { tool, mutation, meetingId, now }: ErrorContext): ErrorReport {
  const upstream = error.apiMessage ? ` HiringCenter said: "${error.apiMessage}".` : '';
  const status = `HTTP ${error.status}`;
  const retryAfterSeconds = error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  const later = retryAfterSeconds === undefined ? { retryable: true } : { retryable: true, retryAfterSeconds };
  const when =
    retryAfterSeconds === undefined
      ? 'in a few seconds'
      : `in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} (after ${new Date(now + retryAfterSeconds * 1000).toISOString().slice(11, 19)} UTC, as HiringCenter asked)`;
  switch (error.status) {
    case 401:
      return report('unauthorized', `HiringCenter rejected the API key (${status}).${upstream} Check that HIRINGCENTER_API_KEY holds a current key and restart the server. Retrying will not help.`);
    case 403:
      return report(
        'forbidden',
        `Not allowed (${status}): this API key${mutation ? ' or acting userId' : ''} may not do ${tool}${meetingId ? ` on meeting ${meetingId}` : ''}.${upstream} Retrying will not help; use a userId with access or ask an admin.`,
      );
    case 404:
      return meetingId
        ? report('not_found', `No meeting with id ${meetingId} (${status}). It may have been deleted or the id mistyped; call list_meetings to find the right id.`)
        : report('not_found', `HiringCenter answered ${status} for ${error.method} ${error.path}.${upstream} Check HIRINGCENTER_BASE_URL (it should end in /v2).`);
    case 400:
    case 422:
      return report(
        'rejected',
        `HiringCenter rejected the ${tool} request (${status}).${upstream || ' It gave no reason.'} Fix the arguments it names and call again; repeating unchanged will fail the same way.`,
      );
    case 409:
      return report(
        'conflict',
        `HiringCenter reported a conflict (${status}).${upstream} If you passed an idempotencyKey, it was already used for a different request: send a new one. Otherwise read the meeting again with get_meeting, then make the call again.`,
      );
    case 429:
      return {
        code: 'rate_limited',
        ...later,
        message: `HiringCenter is rate-limiting requests (${status}, ${attempts(error)}).${upstream} Try again ${when}.${mutation ? ` ${SAFE_TO_REPEAT}` : ''}`,
      };
    default:
      if (error.status >= 500) {
        return {
          code: 'upstream_error',
          ...later,
          message: `HiringCenter had a server error (${status}, ${attempts(error)}).${upstream} This is usually temporary: try again ${when}.${mutation ? ` The change may or may not have been applied. ${SAFE_TO_REPEAT}` : ''}`,
        };
      }
      return report('rejected', `HiringCenter answered ${status} to ${tool}.${upstream} Check the arguments and try again.`);
  }
}
