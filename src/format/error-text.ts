import type { WriteOutcome } from '../api/call-scope.js';
import type { ApiHttpError, ApiNetworkError, HiringCenterError } from '../api/errors.js';
import { classifyFailure, type Failure } from '../api/failure.js';
import type { Redactor } from '../api/redact.js';
import { quote, shown } from './inert-text.js';

export interface ErrorContext {
  tool: string;
  /** Whether the call changes data: decides what "try again" means. */
  mutation: boolean;
  /** What the call's writes did (CallScope.outcome); 'none' when nothing was written. */
  outcome?: WriteOutcome;
  meetingId?: string;
  /** HTTP requests the call made before it failed: "nothing was sent" is said only when none was. */
  requestsMade?: number;
  /** The prospect of a create, to say where to look for the meeting it may have made. */
  prospectId?: string;
  /** What must never be shown (the API key). */
  redactor: Redactor;
  /**
   * Set when a person chose the API's address (HIRINGCENTER_BASE_URL): only then is it named as a place to look.
   * Undefined for the default address and the sandbox, which nobody can have mistyped.
   */
  baseUrlSetting?: string;
  /** Where the API key came from: HIRINGCENTER_API_KEY, or the request's Authorization header (hosted mode). */
  keyFrom?: 'config' | 'request';
  /** Epoch ms, to turn Retry-After into a clock time. */
  now: number;
}

/** Stable codes for programs; the text is for the model. */
export const ERROR_CODES = [
  'invalid_argument',
  'unknown_tool',
  'tool_disabled',
  'missing_api_key',
  'invalid_api_key',
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
  'overloaded',
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

/**
 * The one place error classes become words (and codes). Each message leaves
 * through shown(): secrets removed, then anything that could break a line
 * escaped — error messages carry the API's words and the caller's values.
 */
export function describeError(error: unknown, context: ErrorContext): ErrorReport {
  return describeFailure(classifyFailure(error).failure, context);
}

/** The same, for a failure already classified (the tools/call path classifies each failure once). */
export function describeFailure(failure: Failure, context: ErrorContext): ErrorReport {
  const report = describe(failure, context);
  const meetingId = report.meetingId ?? context.meetingId;
  return { ...report, message: shown(report.message, context.redactor), ...(meetingId ? { meetingId } : {}) };
}

/** A report for a failure found before any tool ran (unknown tool, arguments that do not parse). */
export function report(code: ErrorCode, message: string, field?: string): ErrorReport {
  return { code, message, retryable: false, ...(field ? { field } : {}) };
}

function describe(failure: Failure, context: ErrorContext): ErrorReport {
  const { tool, mutation } = context;
  const outcome = writeOutcome(context);
  switch (failure.kind) {
    case 'input': {
      const { error } = failure;
      // Problems are either predicates ("must be a number.") or sentences of their own ("\"EST\" is an abbreviation…").
      const problem = !error.field
        ? `Invalid arguments for ${tool}: ${error.problem}`
        : error.problem === 'is required.'
          ? `Missing ${error.field} for ${tool}.`
          : `Invalid ${error.field} for ${tool}: ${/^[a-z]/.test(error.problem) ? `it ${error.problem}` : error.problem}`;
      const sent = context.requestsMade ? ' Nothing was changed.' : ' Nothing was sent to HiringCenter.';
      return report('invalid_argument', `${problem}${error.fix ? ` ${error.fix}` : ''}${sent}`, error.field);
    }
    case 'missing-key': {
      return report(
        'missing_api_key',
        "No HiringCenter API key is configured. Set HIRINGCENTER_API_KEY in this MCP server's environment " +
          '(the "env" block of the client config, e.g. claude_desktop_config.json) and restart the server, ' +
          'or start it with --sandbox to try it on sample data. Nothing was sent.',
      );
    }
    case 'invalid-key': {
      const { error } = failure;
      const where = context.keyFrom === 'request' ? 'The API key in the Authorization header' : 'HIRINGCENTER_API_KEY';
      const fix =
        context.keyFrom === 'request'
          ? "Copy the key again into the client's configuration."
          : 'Copy the key again, set it, and restart the server.';
      return report(
        'invalid_api_key',
        `${where} contains a character that cannot be sent in an HTTP header (${error.problem}); ` +
          `it was probably pasted with a line break, a space or a typographic quote. ${fix} Retrying will not help. Nothing was sent.`,
      );
    }
    case 'http':
      return httpError(failure.error, context, outcome);
    case 'stale-replay': {
      const { error } = failure;
      return {
        ...report(
          'stale_idempotency_key',
          `The idempotencyKey was already used to create meeting ${error.meetingId}, which has since been deleted or moved, so HiringCenter only replays that old answer. ` +
            'To create the meeting again, send a new idempotencyKey or leave it out.',
        ),
        meetingId: error.meetingId,
      };
    }
    case 'not-sent': {
      const { error } = failure;
      return transient(
        'timeout',
        `${error.method} ${error.path} was not sent: only ${Math.max(0, error.remainingMs)} ms of this call's time were left, ` +
          `and a request is sent with at least ${error.minimumMs} ms so it cannot be cut off halfway.${outcome || ' Nothing was sent for it.'}`,
        context,
        'If this keeps happening, raise HIRINGCENTER_CALL_TIMEOUT_MS.',
      );
    }
    case 'limit': {
      const { error } = failure;
      if (error.limit === 'processBytes') {
        return {
          code: 'overloaded',
          retryable: true,
          retryAfterSeconds: 2,
          message:
            `hiringcenter-mcp stopped ${tool} to keep its memory bounded: ${error.reason}.${outcome} ` +
            'Try again in a few seconds, or ask for fewer meetings (a smaller maxResults or limit).',
        };
      }
      return {
        code: 'bad_response',
        retryable: false,
        message: `${tool} stopped at a bound on what one call may do: ${error.reason}.${outcome || ' Nothing was changed.'} Narrow the request (filters, a date window, a smaller maxResults) and try again.`,
      };
    }
    case 'timeout': {
      const { error } = failure;
      return transient(
        'timeout',
        `HiringCenter timed out after ${attempts(error)} on ${error.method} ${error.path} (each allowed up to ${error.timeoutMs} ms).${outcome}`,
        context,
        `If this keeps happening, ${context.baseUrlSetting ? `check ${context.baseUrlSetting} or ` : ''}raise HIRINGCENTER_TIMEOUT_MS.`,
      );
    }
    case 'network':
      return networkError(failure.error, context, outcome);
    case 'contract': {
      const { error } = failure;
      return {
        code: 'bad_response',
        retryable: !mutation,
        message:
          `HiringCenter sent an answer this server cannot trust (${error.message}).` +
          (mutation
            ? outcome
            : ` Try again shortly; if it persists, ${context.baseUrlSetting ? `${context.baseUrlSetting} may point at the wrong server or a proxy` : "a proxy on this network may be answering in HiringCenter's place"}.`),
      };
    }
    case 'cancelled':
      return report('cancelled', `${tool} was cancelled before HiringCenter answered.${outcome}`);
    case 'internal': {
      const { error } = failure;
      // Cut here, so redacted here first (excerpt): a key straddling the cut would otherwise leak all but its tail.
      const message = context.redactor.excerpt(error instanceof Error ? error.message : String(error), 300);
      return {
        code: 'internal',
        retryable: context.outcome !== 'applied',
        message: `Internal error in hiringcenter-mcp while running ${tool}: ${message}. This is a bug in the server, not in your arguments.${outcome || ' Try again, and report it if it repeats.'}`,
      };
    }
  }
}

/**
 * For a call that writes: what its writes did, in one sentence that says how
 * to find out when nobody can know (" Nothing was changed." / " The change may
 * have been applied: check …"). Empty for reads.
 */
function writeOutcome(context: ErrorContext): string {
  if (!context.mutation) return '';
  switch (context.outcome ?? 'none') {
    case 'none':
      return ' Nothing was changed.';
    case 'unknown':
      return ` The change may have been applied: check with ${howToCheck(context)} before acting again. ${SAFE_TO_REPEAT}`;
    case 'applied':
      return ` HiringCenter did apply the change, but this answer could not be completed: check the result with ${howToCheck(context)} instead of repeating the call.`;
  }
}

/** Says what happened on the way to HiringCenter, names the host, and offers "try again" only where a retry can help. */
function networkError(error: ApiNetworkError, context: ErrorContext, outcome: string): ErrorReport {
  const host = error.host || 'HiringCenter';
  // The address is named only where a person set it: a default nobody typed cannot be mistyped.
  const check = context.baseUrlSetting;
  switch (error.trouble) {
    case 'dns':
      return {
        code: 'unreachable',
        retryable: false,
        message: check
          ? `The host ${host} does not exist (DNS: ${error.detail}).${outcome} Check ${check}: the host name is probably mistyped. Retrying will not help.`
          : `The name ${host} could not be found (DNS: ${error.detail}).${outcome} This machine's network or DNS is the likely cause: check its connection (and any proxy), then try again.`,
      };
    case 'tls':
      return {
        code: 'unreachable',
        retryable: false,
        message: `The secure connection to ${host} failed (${error.detail}): its certificate could not be verified.${outcome} ${
          check ? `Check ${check} (https and the right host)` : 'A proxy or firewall on this network may be intercepting HTTPS'
        }; retrying will not help.`,
      };
    case 'refused':
      return transient(
        'unreachable',
        `${host} refused the connection (${error.detail}; ${attempts(error)}): nothing answers at that address.${outcome}`,
        context,
        check
          ? `Check ${check} (host and port); if it is right, HiringCenter may be restarting.`
          : 'HiringCenter may be restarting, or a firewall blocks it.',
      );
    case 'dns-busy':
      return transient(
        'unreachable',
        `The name ${host} could not be looked up just now (${error.detail}; ${attempts(error)}).${outcome}`,
        context,
        'Check the network.',
      );
    case 'lost':
      return transient(
        'unreachable',
        `The connection to ${host} broke before HiringCenter answered (${error.detail}; ${attempts(error)}).${outcome}`,
        context,
        `If this keeps happening, check the network${check ? ` and ${check}` : ''}.`,
      );
  }
}

/** A failure worth retrying: what happened, then "try again" unless a write's fate must be checked first, then the hint. */
function transient(code: 'timeout' | 'unreachable', what: string, context: ErrorContext, hint: string): ErrorReport {
  return { code, retryable: true, message: `${what}${context.outcome === 'unknown' ? '' : ' Try again shortly.'} ${hint}` };
}

function howToCheck({ tool, meetingId, prospectId }: ErrorContext): string {
  if (tool === 'create_meeting') return prospectId ? `list_meetings with prospectId ${prospectId}` : 'list_meetings';
  const read = meetingId ? `get_meeting with meetingId ${meetingId}` : 'get_meeting';
  return tool === 'delete_meeting' ? `${read} (not found means it was deleted)` : read;
}

function attempts(error: HiringCenterError): string {
  return error.attempts === 1 ? '1 attempt' : `${error.attempts} attempts`;
}

function httpError(error: ApiHttpError, context: ErrorContext, outcome: string): ErrorReport {
  const { tool, mutation, meetingId, now } = context;
  // No period after a quote that ends a sentence already ("…filters.".).
  const upstream = error.apiMessage ? ` HiringCenter said: ${quote(error.apiMessage)}${/[.!?]$/.test(error.apiMessage) ? '' : '.'}` : '';
  const status = `HTTP ${error.status}`;
  // A refusal changed nothing by itself; an earlier write of the same call may have (said only then).
  const earlier = context.outcome === 'none' || !mutation ? '' : outcome;
  // retryAfterMs is at most a day (parseRetryAfter), so the clock time below is always a valid date.
  const retryAfterSeconds = error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  const later = retryAfterSeconds === undefined ? { retryable: true } : { retryable: true, retryAfterSeconds };
  const when =
    retryAfterSeconds === undefined
      ? 'in a few seconds'
      : `in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} (after ${new Date(now + retryAfterSeconds * 1000).toISOString().slice(11, 19)} UTC, as HiringCenter asked)`;
  switch (error.status) {
    case 401:
      return report(
        'unauthorized',
        `HiringCenter rejected the API key (${status}).${upstream} ${
          context.keyFrom === 'request'
            ? "Check that the client's Authorization header holds a current HiringCenter API key."
            : 'Check that HIRINGCENTER_API_KEY holds a current key and restart the server.'
        } Retrying will not help.${earlier}`,
      );
    case 403:
      return report(
        'forbidden',
        `Not allowed (${status}): this API key${mutation ? ' or acting userId' : ''} may not do ${tool}${meetingId ? ` on meeting ${meetingId}` : ''}.${upstream} Retrying will not help; use a userId with access or ask an admin.${earlier}`,
      );
    case 404:
      return meetingId
        ? report(
            'not_found',
            `No meeting with id ${meetingId} (${status}). It may have been deleted or the id mistyped; call list_meetings to find the right id.${earlier}`,
          )
        : report(
            'not_found',
            `HiringCenter answered ${status} for ${error.method} ${error.path}.${upstream} ${
              context.baseUrlSetting ? `Check ${context.baseUrlSetting} (it should end in /v2).` : 'The API may have moved; report it.'
            }${earlier}`,
          );
    case 400:
    case 422:
      return report(
        'rejected',
        `HiringCenter rejected the ${tool} request (${status}).${upstream || ' It gave no reason.'} Fix the arguments it names and call again; repeating unchanged will fail the same way.${earlier}`,
      );
    case 409:
      return report(
        'conflict',
        `HiringCenter reported a conflict (${status}).${upstream} If you passed an idempotencyKey, it was already used for a different request: send a new one. Otherwise read the meeting again with get_meeting, then make the call again.${earlier}`,
      );
    case 429:
      return {
        code: 'rate_limited',
        ...later,
        message: `HiringCenter is rate-limiting requests (${status}, ${attempts(error)}).${upstream} Try again ${when}.${outcome}`,
      };
    default:
      if (error.status >= 500) {
        return {
          code: 'upstream_error',
          ...later,
          message: `HiringCenter had a server error (${status}, ${attempts(error)}).${upstream} This is usually temporary: try again ${when}.${outcome}`,
        };
      }
      return report('rejected', `HiringCenter answered ${status} to ${tool}.${upstream} Check the arguments and try again.${earlier}`);
  }
}
