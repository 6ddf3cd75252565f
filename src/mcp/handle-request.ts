import type { Server, ServerContext } from '@modelcontextprotocol/server';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';

/** What the SDK hands every request handler besides the request: its signal, envelope, and ways to notify the client. */
export type Extra = ServerContext;

type MethodSchema = z.ZodObject<{ method: z.ZodLiteral<string> }>;

// Any params object: ours are checked below, against the method's own schema, so that a mismatch reads as one sentence.
const ANY_PARAMS = { params: z.looseObject({}) };

/**
 * Registers `handler` for `schema`'s method, refusing it before the 2025
 * handshake (MCP lifecycle; a 2026-07-28 connection has none) and answering
 * params that do not fit `schema` with -32602 and a readable message. The
 * SDK's own parse reports a mismatch as -32603 "internal error", so it is
 * given a schema that takes any params object (the three-argument form).
 */
export function handle<S extends MethodSchema, R>(
  server: Server,
  schema: S,
  handler: (request: z.output<S>, extra: Extra) => R | Promise<R>,
  options: { requireInitialize: boolean },
): void {
  const method = schema.shape.method.value;
  server.setRequestHandler(method, ANY_PARAMS, (params, ctx) => {
    refuseBeforeHandshake(server, options, method);
    const parsed = schema.safeParse({ method, params });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'params';
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid params for ${method}: ${where} ${issue?.message ?? 'is invalid'}.`);
    }
    return handler(parsed.data, ctx) as never;
  });
}

/**
 * Refuses a 2025 request sent before the handshake (MCP lifecycle). A 2026-07-28 connection has no handshake: it is
 * pinned to its revision from the first message, so a negotiated version is there either way once serving may begin.
 */
export function refuseBeforeHandshake(server: Server, options: { requireInitialize: boolean }, method: string): void {
  if (options.requireInitialize && !server.getNegotiatedProtocolVersion()) {
    throw new ProtocolError(ProtocolErrorCode.InvalidRequest, `${method} before initialize: send initialize first (MCP lifecycle).`);
  }
}
