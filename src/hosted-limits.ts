/**
 * Every bound on what an HTTP caller — signed in or not — can make the hosted
 * server hold or wait on, in one place. docs/reliability.md lists them for
 * operators; a test keeps the two in step (as it does for src/api/limits.ts).
 */
import { KiB, MiB } from './byte-size.js';

export const HOSTED_LIMITS = {
  /** One request body. */
  bodyBytes: 1 * MiB,
  /** Messages in one JSON-RPC batch. */
  batchMessages: 16,
  /** Time a request body may take to arrive, counted from the headers: a stalled upload frees its memory and slot. */
  bodyDeadlineMs: 10_000,
  /** Request bodies being received by the whole process at once; past it, 503 with Retry-After. */
  receivingBytes: 64 * MiB,
  /** Time the request's headers may take to arrive. */
  headersDeadlineMs: 10_000,
  /** Whole request, body and answer included. */
  requestDeadlineMs: 120_000,
  /** Key checks the sign-in page makes for one client address per minute; past it, 429 with Retry-After. */
  signInChecksPerAddressPerMinute: 20,
  /** Key checks the sign-in page makes for everyone per minute, per replica (10 a second: one client guessed 300). */
  signInChecksPerMinute: 600,
  /** One client metadata document fetch, start to end (connect, headers, body). */
  clientDocumentFetchMs: 5_000,
  /** One client metadata document. */
  clientDocumentBytes: 5 * KiB,
  /** Client metadata documents fetched at once. */
  clientDocumentFetches: 8,
  /** Client metadata documents kept. */
  clientDocumentsCached: 1_000,
  /** One scrape of /metrics (HIRINGCENTER_METRICS_PORT), headers included: a scrape is one short GET. */
  metricsRequestMs: 10_000,
  /** One traceparent or tracestate value read from a request (longer ones are ignored, never passed on). */
  traceValueChars: 512,
} as const;
