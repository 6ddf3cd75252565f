import { InputError } from '../input-error.js';
import {
  ApiCancelledError,
  ApiContractError,
  ApiHttpError,
  ApiNetworkError,
  ApiNotSentError,
  ApiTimeoutError,
  CallLimitError,
  HiringCenterError,
  InvalidApiKeyError,
  MissingApiKeyError,
  StaleReplayError,
} from './errors.js';

/** Any failure, by what it is, with the error of that class: what every part that reacts to a failure switches on. */
export type Failure =
  | { kind: 'input'; error: InputError }
  | { kind: 'missing-key'; error: MissingApiKeyError }
  | { kind: 'invalid-key'; error: InvalidApiKeyError }
  | { kind: 'http'; error: ApiHttpError }
  | { kind: 'stale-replay'; error: StaleReplayError }
  | { kind: 'not-sent'; error: ApiNotSentError }
  | { kind: 'limit'; error: CallLimitError }
  | { kind: 'timeout'; error: ApiTimeoutError }
  | { kind: 'network'; error: ApiNetworkError }
  | { kind: 'contract'; error: ApiContractError }
  | { kind: 'cancelled'; error: ApiCancelledError }
  /** Not one of ours: a bug. */
  | { kind: 'internal'; error: unknown };

export interface ClassifiedFailure {
  failure: Failure;
  /**
   * The caller's to handle — bad input, a key problem, a refusal by HiringCenter (4xx) — rather than worth a
   * warning in the log or the client's log view.
   */
  expected: boolean;
  /**
   * What HiringCenter (or the header rules) said about the key itself: 'rejected' (401), 'forbidden' (403),
   * 'unsendable' (no valid header value). Undefined when the failure says nothing about the key.
   */
  key: 'rejected' | 'forbidden' | 'unsendable' | undefined;
  /** Attempts made before the failure (1 when it was not an API call). */
  attempts: number;
  /** HiringCenter asked to slow down (429). */
  rateLimited: boolean;
}

/** The one classifier: the error text, the client warning, the key check and the hosted refusal all read this. */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const failure = failureOf(error);
  const status = failure.kind === 'http' ? failure.error.status : undefined;
  return {
    failure,
    expected:
      failure.kind === 'input' ||
      failure.kind === 'missing-key' ||
      failure.kind === 'invalid-key' ||
      failure.kind === 'stale-replay' ||
      (status !== undefined && status < 500),
    key: status === 401 ? 'rejected' : status === 403 ? 'forbidden' : failure.kind === 'invalid-key' ? 'unsendable' : undefined,
    attempts: error instanceof HiringCenterError ? error.attempts : 1,
    rateLimited: status === 429,
  };
}

function failureOf(error: unknown): Failure {
  if (error instanceof InputError) return { kind: 'input', error };
  if (error instanceof MissingApiKeyError) return { kind: 'missing-key', error };
  if (error instanceof InvalidApiKeyError) return { kind: 'invalid-key', error };
  if (error instanceof ApiHttpError) return { kind: 'http', error };
  if (error instanceof StaleReplayError) return { kind: 'stale-replay', error };
  if (error instanceof ApiNotSentError) return { kind: 'not-sent', error };
  if (error instanceof CallLimitError) return { kind: 'limit', error };
  if (error instanceof ApiTimeoutError) return { kind: 'timeout', error };
  if (error instanceof ApiNetworkError) return { kind: 'network', error };
  if (error instanceof ApiContractError) return { kind: 'contract', error };
  if (error instanceof ApiCancelledError) return { kind: 'cancelled', error };
  return { kind: 'internal', error };
}
