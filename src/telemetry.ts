/**
 * What the server tells whoever watches it: every event a metric counts. The hosted server's Prometheus metrics
 * (transports/http/metrics.ts, on HIRINGCENTER_METRICS_PORT) implement it; everywhere else it is NO_TELEMETRY, so
 * stdio pays one empty call per event and loads nothing. Labels are bounded sets of names, never a credential,
 * an id or free text.
 */
export interface Telemetry {
  /** One tool call, by tool and outcome (`ok`, `input_required`, or the error's stable code). */
  toolCall(tool: string, outcome: string, seconds: number): void;
  /** One HTTP attempt at HiringCenter: its method and status (`network` when nothing came back). */
  upstream(method: string, status: string, seconds: number): void;
  /** An attempt at HiringCenter repeated after a retryable failure. */
  upstreamRetry(method: string): void;
}

export const NO_TELEMETRY: Telemetry = {
  toolCall() {},
  upstream() {},
  upstreamRetry() {},
};
