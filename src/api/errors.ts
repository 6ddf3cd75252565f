/**
 * Failures talking to HiringCenter, as values with a small hierarchy so the
 * model-facing text can tell an outage from a typo. Messages never contain the
 * API key: the client redacts bodies before they get here.
 */
/** Why the retries stopped: the error is final, retries ran out, or the call's time budget did. */
export type RetryStop = 'final' | 'exhausted' | 'budget';

export class HiringCenterError extends Error {
  override readonly name: string = 'HiringCenterError';
  /** How many attempts the retry policy made before giving up with this error. */
  attempts = 1;
  stoppedBecause: RetryStop = 'final';

  constructor(
    readonly method: string,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${method} ${path}: ${message}`, options);
  }
}

/** The API answered with a non-2xx status. */
export class ApiHttpError extends HiringCenterError {
  override readonly name = 'ApiHttpError';

  constructor(
    method: string,
    path: string,
    readonly status: number,
    /** The API's own error code and message, when its body had them (already redacted). */
    readonly apiCode: string | undefined,
    readonly apiMessage: string | undefined,
    /** From Retry-After, when the API sent one. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(method, path, `HTTP ${status}${apiMessage ? ` ${apiMessage}` : ''}`);
  }
}

/**
 * What went wrong on the way to HiringCenter: the host name is unknown ('dns'),
 * a name lookup failed for now ('dns-busy'), nothing listens there
 * ('refused'), the TLS handshake failed ('tls'), or the connection broke
 * ('lost'). Only the last two kinds of trouble can pass by themselves.
 */
export type NetworkTrouble = 'dns' | 'dns-busy' | 'refused' | 'tls' | 'lost';

/** The request never got an answer: refused, reset, DNS, TLS, socket closed. */
export class ApiNetworkError extends HiringCenterError {
  override readonly name = 'ApiNetworkError';

  constructor(
    method: string,
    path: string,
    /** The error codes as the network stack gave them ("ECONNREFUSED", "socket hang up"). */
    readonly detail: string,
    /** True when the connection failed before the request could be sent (refused, DNS): it surely did nothing. */
    readonly beforeSending: boolean,
    readonly trouble: NetworkTrouble = 'lost',
    /** The host the request was for, to name in the message. */
    readonly host: string = '',
    options?: { cause?: unknown },
  ) {
    super(method, path, detail, options);
  }
}

/** No answer within the per-request timeout. */
export class ApiTimeoutError extends HiringCenterError {
  override readonly name = 'ApiTimeoutError';

  constructor(
    method: string,
    path: string,
    readonly timeoutMs: number,
  ) {
    super(method, path, `no response within ${timeoutMs} ms`);
  }
}

/** Too little of the call's time was left to send the request at all; it was not sent. */
export class ApiNotSentError extends HiringCenterError {
  override readonly name = 'ApiNotSentError';

  constructor(
    method: string,
    path: string,
    readonly remainingMs: number,
    readonly minimumMs: number,
  ) {
    super(
      method,
      path,
      `not sent: ${Math.max(0, remainingMs)} ms of the call's time were left, under the ${minimumMs} ms a request is given at least`,
    );
  }
}

/**
 * A bound from limits.ts stopped the call: too many requests or response bytes
 * for one call, or too many bytes held by all calls in flight together.
 */
export class CallLimitError extends HiringCenterError {
  override readonly name = 'CallLimitError';

  constructor(
    method: string,
    path: string,
    readonly limit: 'requests' | 'callBytes' | 'processBytes',
    /** What was reached, without the request it stopped. */
    readonly reason: string,
  ) {
    super(method, path, reason);
  }
}

/** The caller (an MCP client's cancellation) gave up on the request. */
export class ApiCancelledError extends HiringCenterError {
  override readonly name = 'ApiCancelledError';
}

/** A 2xx answer that does not fit the contract: not JSON, wrong shape, too large. */
export class ApiContractError extends HiringCenterError {
  override readonly name = 'ApiContractError';
}

/** No API key to send (none configured, none in the request): raised before any request is made. */
export class MissingApiKeyError extends HiringCenterError {
  override readonly name = 'MissingApiKeyError';

  constructor(method: string, path: string) {
    super(method, path, 'not sent: there is no API key');
  }
}

/** The API key holds a character no HTTP header may carry (a pasted line break, space or curly quote); not sent. */
export class InvalidApiKeyError extends HiringCenterError {
  override readonly name = 'InvalidApiKeyError';

  /** `problem` names the character and its position, never the key. */
  constructor(
    method: string,
    path: string,
    readonly problem: string,
  ) {
    super(method, path, `not sent: the API key is not a valid header value (${problem})`);
  }
}

/**
 * A caller-supplied idempotencyKey was already spent on a meeting that has
 * since been deleted or moved: the API only replays the old answer.
 */
export class StaleReplayError extends HiringCenterError {
  override readonly name = 'StaleReplayError';

  constructor(
    method: string,
    path: string,
    readonly meetingId: string,
  ) {
    super(method, path, `the idempotency key replayed meeting ${meetingId}, which has since been deleted or moved`);
  }
}
