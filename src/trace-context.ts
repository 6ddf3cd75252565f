/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): a caller's `traceparent` and `tracestate`, from the
 * request's `_meta` (the MCP convention: root keys of `params._meta`) or its HTTP headers. The trace id goes into
 * the log line, and every request to HiringCenter carries the trace on, as a child of the caller's span. Both
 * values come from the caller, so each is checked against the grammar and bounded before it is used anywhere.
 */
import { HOSTED_LIMITS } from './hosted-limits.js';

export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** The trace flags (2 hex digits), carried on unchanged (sampled or not is the caller's decision). */
  flags: string;
  /** The caller's tracestate, when it is well formed; carried on unchanged. */
  state: string | undefined;
}

// version-traceid-parentid-flags; a later version may append fields after a dash (§ 3.2.4: parse the known part).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[ -~]*)?$/;
const ZEROS = /^0+$/;
// § 3.3.1.5: at most 32 list members; 512 characters is what a vendor must propagate at least, and all we keep.
const VALUE_MAX = HOSTED_LIMITS.traceValueChars;
const TRACESTATE = /^[ -~]*$/;

/** The trace a caller sent, or undefined when there is none or it is malformed (then the request starts none). */
export function readTraceContext(traceparent: unknown, tracestate: unknown): TraceContext | undefined {
  if (typeof traceparent !== 'string' || traceparent.length > VALUE_MAX) return undefined;
  const match = TRACEPARENT.exec(traceparent.trim());
  if (!match) return undefined;
  const [, version = '', traceId = '', parentId = '', flags = '', rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined) || ZEROS.test(traceId) || ZEROS.test(parentId)) return undefined;
  const state = typeof tracestate === 'string' && tracestate.length <= VALUE_MAX && TRACESTATE.test(tracestate) ? tracestate.trim() : '';
  return { traceId, flags, state: state || undefined };
}

/** The headers a request made on the caller's behalf carries: the same trace, with `spanId` as its parent. */
export function traceHeaders(trace: TraceContext, spanId: string): Record<string, string> {
  const headers: Record<string, string> = { traceparent: `00-${trace.traceId}-${spanId}-${trace.flags}` };
  if (trace.state) headers.tracestate = trace.state;
  return headers;
}

/** A fresh span id: 16 hex digits, not all zero. */
export function newSpanId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  bytes[0] ||= 1;
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
