import type { CallToolRequest, CallToolResult, InputRequiredResult } from '@modelcontextprotocol/server';
import { inputRequired } from '@modelcontextprotocol/server';
import type { HiringCenterClient } from '../api/client.js';
import type { Redactor } from '../api/redact.js';
import { classifyFailure, type ClassifiedFailure, type Failure } from '../api/failure.js';
import { describeFailure, report, type ErrorContext, type ErrorReport } from '../format/error-text.js';
import { quote } from '../format/inert-text.js';
import { InputError } from '../input-error.js';
import type { Logger } from '../log.js';
import { notOk, ok, type Result } from '../result.js';
import { acceptedForm } from '../tools/argument-forms.js';
import type { Confirm, Progress, ToolAnswer, ToolDefinition } from '../tools/define-tool.js';
import { ConfirmationNeeded, type ConfirmationSubject } from './confirmation.js';
import type { Extra } from './handle-request.js';
import { inputErrorFromIssues } from './input-issues.js';
import type { ClientLog } from './mcp-log.js';
import { meetingsShown, type RecentValues } from './recent-values.js';
import type { Inventory } from './inventory.js';
import type { Telemetry } from '../telemetry.js';
import { readTraceContext, type TraceContext } from '../trace-context.js';
import { normalizeArguments } from './tolerant-input.js';

export interface CallToolDeps {
  api: HiringCenterClient;
  /** The request's own API key (hosted mode), else undefined: the configured key. */
  credential: string | undefined;
  inventory: Inventory;
  /** What this credential's answers, errors and log lines must never show. */
  redactor: Redactor;
  defaultUserId: string | undefined;
  now: () => number;
  log: Logger;
  /** Makes the confirmation question for one call (undefined when nobody can be asked). */
  confirmer: (call: ReturnType<HiringCenterClient['startCall']>, extra: Extra, subject: ConfirmationSubject) => Confirm | undefined;
  /** Where the meetings shown are remembered, for completion. */
  recent?: RecentValues;
  /** The client's own log view (logging over MCP). */
  clientLog?: ClientLog;
  /** Told when HiringCenter refused the request's own key (401): hosted mode turns a token of ours into HTTP 401. */
  onKeyRefused?: () => void;
  /** The trace the HTTP request carried in its headers (hosted); a trace in the request's own `_meta` wins. */
  trace?: TraceContext;
  /** Told about every call: tool, outcome, time (hosted metrics). */
  telemetry?: Telemetry;
}

/**
 * What one tool call came to, before it is put on the wire: an answer (already
 * redacted), an error report, or a question the person must answer first
 * (2026-07-28). tools/call writes it as a CallToolResult; resources/read reads
 * the answer itself.
 */
export type ToolOutcome =
  | { kind: 'answer'; answer: ToolAnswer<unknown> }
  | { kind: 'error'; report: ErrorReport }
  | { kind: 'input_required'; question: ConfirmationNeeded['question']; requestState: string };

/** tools/call: the outcome, as the wire carries it. */
export async function callTool(request: CallToolRequest, extra: Extra, deps: CallToolDeps): Promise<CallToolResult | InputRequiredResult> {
  return toWire(await runTool(request.params.name, request.params.arguments ?? {}, extra, deps));
}

/** One tool call (runToolOnce), counted by tool and outcome for whoever watches. */
export async function runTool(name: string, args: Record<string, unknown>, extra: Extra, deps: CallToolDeps): Promise<ToolOutcome> {
  if (!deps.telemetry) return runToolOnce(name, args, extra, deps);
  const started = performance.now();
  const outcome = await runToolOnce(name, args, extra, deps);
  // A name nobody offers is counted as one label: callers choose names, and a metric's labels must stay a bounded set.
  const tool = deps.inventory.tools.some((offered) => offered.name === name) ? name : 'unknown';
  const result = outcome.kind === 'answer' ? 'ok' : outcome.kind === 'error' ? outcome.report.code : outcome.kind;
  deps.telemetry.toolCall(tool, result, (performance.now() - started) / 1000);
  return outcome;
}

/**
 * One tool call, one named step each: look the tool up, clean up and parse
 * its arguments, then dispatch with a call scope, progress and confirmation,
 * and map any failure to an answer the model can act on.
 */
async function runToolOnce(name: string, args: Record<string, unknown>, extra: Extra, deps: CallToolDeps): Promise<ToolOutcome> {
  const found = await lookUpTool(name, deps);
  if (!found.ok) return { kind: 'error', report: found.error };
  const tool = found.value;
  const context: ErrorContext = {
    tool: name,
    mutation: !tool.annotations.readOnlyHint,
    redactor: deps.redactor,
    now: deps.now(),
    keyFrom: deps.credential === undefined ? 'config' : 'request',
    baseUrlSetting: deps.api.baseUrlSetting,
  };
  const parsed = parseArguments(tool, cleanArguments(tool, args), context.now);
  if (!parsed.ok) return { kind: 'error', report: mapError(classifyFailure(parsed.error), context, deps.log) };
  const input = parsed.value;

  const meetingId = typeof input.meetingId === 'string' ? input.meetingId : undefined;
  const prospectId = typeof input.prospectId === 'string' ? input.prospectId : undefined;
  const meta = extra.mcpReq._meta;
  const trace = readTraceContext(meta?.traceparent, meta?.tracestate) ?? deps.trace;
  const call = deps.api.startCall(extra.mcpReq.signal, deps.credential, trace);
  try {
    const answer = await tool.handle(input, {
      api: deps.api,
      now: deps.now,
      defaultUserId: deps.defaultUserId,
      call,
      progress: progressReporter(extra),
      confirm: deps.confirmer(call, extra, { tool: name, meetingId }),
    });
    // Only an answer built from something that held a secret — the API's bodies, or the call's own arguments — can show one.
    const mayHoldSecret = call.secretSeen || deps.redactor.holds(JSON.stringify(args));
    const shown = meetingsShown(answer.structured);
    if (shown.length) deps.recent?.record(shown);
    return { kind: 'answer', answer: redacted(answer, deps.redactor, mayHoldSecret) };
  } catch (error) {
    // 2026-07-28: the person has not answered yet; the client asks and calls again with the answer.
    if (error instanceof ConfirmationNeeded) return { kind: 'input_required', question: error.question, requestState: error.requestState };
    const classified = classifyFailure(error);
    // Only HiringCenter's 401 speaks for the key itself: a 403 refuses one action, not the sign-in.
    if (classified.key === 'rejected' && deps.credential !== undefined) deps.onKeyRefused?.();
    await warnClient(classified, error, name, extra, deps);
    return {
      kind: 'error',
      report: mapError(classified, { ...context, outcome: call.outcome, requestsMade: call.requestsMade, meetingId, prospectId }, deps.log),
    };
  } finally {
    call.release();
  }
}

/** The tool by name, or why it cannot be called here. Definitions (zod schemas, handlers) load at the first call. */
async function lookUpTool(name: string, deps: CallToolDeps): Promise<Result<ToolDefinition, ErrorReport>> {
  const why = deps.inventory.hidden.get(name);
  if (why) return notOk(report('tool_disabled', why));
  const tool = await deps.inventory.definition(name);
  if (tool) return ok(tool);
  const offered = deps.inventory.tools.map((tool) => tool.name);
  return notOk(report('unknown_tool', `Unknown tool ${quote(name.slice(0, 64))}. Available tools: ${offered.join(', ')}.`));
}

/** Forgives the unambiguous ways models send a right value in a wrong form (tolerant-input.ts). */
function cleanArguments(tool: ToolDefinition, args: Record<string, unknown>): Record<string, unknown> {
  return normalizeArguments(args, Object.keys(tool.inputSchema.shape));
}

function parseArguments(tool: ToolDefinition, args: Record<string, unknown>, now: number): Result<Record<string, unknown>, InputError> {
  const parsed = tool.inputSchema.safeParse(args);
  return parsed.success ? ok(parsed.data) : notOk(inputErrorFromIssues(parsed.error, tool, args, now));
}

/** MCP progress notifications, when the client asked for them with a progress token. */
function progressReporter(extra: Extra): Progress | undefined {
  const progressToken = extra.mcpReq._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  return (done, total, message) =>
    extra.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress: done, total, message } });
}

/** The API's answers are shown as they came, so whatever the API echoed — the key included — is removed here. */
function redacted(answer: ToolAnswer<unknown>, redactor: Redactor, mayHoldSecret: boolean): ToolAnswer<unknown> {
  return { text: redactor.text(answer.text), structured: mayHoldSecret ? redactor.deep(answer.structured) : answer.structured };
}

/** The outcome as MCP carries it: the model reads the text; programs read the same facts in structuredContent. */
export function toWire(outcome: ToolOutcome): CallToolResult | InputRequiredResult {
  switch (outcome.kind) {
    case 'answer':
      return {
        content: [{ type: 'text', text: outcome.answer.text }],
        structuredContent: outcome.answer.structured as Record<string, unknown>,
      };
    case 'error':
      return failure(outcome.report);
    case 'input_required':
      return inputRequired({ inputRequests: { confirm: inputRequired.elicit(outcome.question) }, requestState: outcome.requestState });
  }
}

/** Any failure as words and a code; expected ones (bad input, 4xx) are the model's to handle, the rest worth a line on stderr. */
function mapError(classified: ClassifiedFailure, context: ErrorContext, log: Logger): ErrorReport {
  const failure = withAcceptedForm(classified.failure);
  const { error } = failure;
  (classified.expected ? log.debug : log.warn)(`${context.tool} failed: ${error instanceof Error ? error.message : String(error)}`);
  return describeFailure(failure, context);
}

/** An argument error that says what is wrong gets what to send instead ("Send …"), from the argument's accepted forms. */
function withAcceptedForm(failure: Failure): Failure {
  if (failure.kind !== 'input' || failure.error.fix || !failure.error.field) return failure;
  const { field, problem } = failure.error;
  return { kind: 'input', error: new InputError(field, problem, acceptedForm(field)) };
}

/**
 * What the person's client shows in its log view: a call that failed after retries, was rate-limited, or failed in
 * a way that is not the caller's to fix. (The model reads the tool's own error text either way.)
 */
async function warnClient(classified: ClassifiedFailure, error: unknown, tool: string, extra: Extra, deps: CallToolDeps): Promise<void> {
  if (!deps.clientLog) return;
  const { rateLimited, attempts, expected } = classified;
  const retried = attempts > 1;
  if (!rateLimited && !retried && expected) return;
  const tries = retried ? ` after ${attempts} attempts` : '';
  const why = error instanceof Error ? error.message : String(error);
  await deps.clientLog(extra, 'warning', `${tool} failed${tries}${rateLimited ? ' (rate limited by HiringCenter)' : ''}: ${why}`);
}

/** The model reads the message; programs read the same facts, with a stable code, in structuredContent. */
function failure(error: ErrorReport): CallToolResult {
  return { content: [{ type: 'text', text: error.message }], structuredContent: { error }, isError: true };
}
