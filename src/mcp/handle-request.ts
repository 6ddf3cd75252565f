import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { ProtocolError } from './protocol-error.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** What the SDK hands every request handler besides the request: its signal, its way to notify or ask the client. */
export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Registers `handler` for `schema`'s method, refusing it before initialize
 * (MCP lifecycle) and answering params that do not fit `schema` with -32602
 * and a readable message. The SDK parses params itself and reports a mismatch
 * as -32603 "internal error", so it is given a schema that only names the method.
 */
export function handle<S extends z.ZodObject<{ method: z.ZodLiteral<string> }>, R>(
  server: Server,
  schema: S,
  handler: (request: z.output<S>, extra: Extra) => R | Promise<R>,
  options: { requireInitialize: boolean; validatedBySdk?: boolean },
): void {
  const method = schema.shape.method.value;
  server.setRequestHandler(methodOnly(method), (request, extra) => {
    if (options.requireInitialize && !server.getClientVersion()) {
      throw new ProtocolError(ErrorCode.InvalidRequest, `${method} before initialize: send initialize first (MCP lifecycle).`);
    }
    if (options.validatedBySdk) return handler(request as z.output<S>, extra) as never;
    const parsed = schema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'params';
      throw new ProtocolError(ErrorCode.InvalidParams, `Invalid params for ${method}: ${where} ${issue?.message ?? 'is invalid'}.`);
    }
    return handler(parsed.data, extra) as never;
  });
}

// Hosted mode makes a server per request, so the schemas that only name a method are made once per method, not per request.
const methodOnlySchemas = new Map<string, z.ZodObject<{ method: z.ZodLiteral<string> }>>();

function methodOnly(method: string): z.ZodObject<{ method: z.ZodLiteral<string> }> {
  let schema = methodOnlySchemas.get(method);
  if (!schema) methodOnlySchemas.set(method, (schema = z.looseObject({ method: z.literal(method) })));
  return schema;
}
