/**
 * Every bound on what HiringCenter can make this server do, in one place.
 * The API's answers are input like any other: these keep a lying or broken
 * API from filling memory, looping pages or holding a call open.
 * docs/reliability.md lists them for users; keep the two in step.
 */
import { MiB } from '../byte-size.js';

export const LIMITS = {
  /** One response body. A proxy's error page or a runaway list fails cleanly instead of filling memory. */
  responseBytes: 8 * MiB,
  /**
   * All response bodies one tool call holds (a maxResults listing reads several pages). 1,000
   * meetings of ordinary size are well under 1 MiB; this also bounds what one answer can hand the client.
   */
  callResponseBytes: 8 * MiB,
  /**
   * Response bodies held by all calls in flight together. The parsed objects,
   * the serialized answer and its stdout buffer cost a few times the raw bytes:
   * with this, 100 concurrent maxResults calls over 7.9 MiB pages run inside a
   * 256 MB heap (test/hardening/memory-bound.test.ts); without it they need ~4 GB.
   */
  processResponseBytes: 32 * MiB,
  /** HTTP requests one tool call may make, retries and pages included. */
  requestsPerCall: 50,
  /** Pages one list_meetings call follows (maxResults 1000 needs 5 at 200 per page). */
  pagesPerCall: 25,
  /** Least time a write (POST, DELETE) is sent with; with less left, it is not sent at all. */
  minWriteAttemptMs: 1_000,
  /** Least time a read is sent with. */
  minReadAttemptMs: 100,
  /**
   * One hosted caller's fair share of the pool's 16 upstream sockets: within it a key takes any free socket; past
   * it, only while this many stay free for others (src/api/socket-share.ts). A lone busy key uses up to 12, and a
   * newcomer finds a socket at once. The server's own key (stdio, a team token) may use all 16.
   */
  socketsPerCredential: 4,
  /** Longest Retry-After honoured or repeated (a larger value is read as this). */
  maxRetryAfterMs: 24 * 60 * 60 * 1000,
} as const;
