/** One 2026-07-28 request as a hand-written client sends it: the `_meta` envelope and the standard headers. */
export interface ModernRequest {
  method: string;
  params?: Record<string, unknown>;
  /** Declared in the envelope (default: form elicitation). */
  capabilities?: Record<string, unknown>;
  /** `io.modelcontextprotocol/logLevel`: ask for notifications/message at this level and above. */
  logLevel?: string;
  /** Replace or drop (undefined) standard headers, to see them checked. */
  headers?: Record<string, string | undefined>;
  key: string;
}

export interface ModernAnswer {
  status: number;
  /** Every JSON-RPC message in the answer, in order (one for JSON, each SSE event's data otherwise). */
  messages: Record<string, unknown>[];
  /** The response to the request (the message with its id). */
  response: { result?: Record<string, unknown>; error?: { code: number; message: string } } | undefined;
}

let nextId = 1;

export async function modernPost(url: string, request: ModernRequest): Promise<ModernAnswer> {
  const id = nextId++;
  const { params = {} } = request;
  const body = {
    jsonrpc: '2.0',
    id,
    method: request.method,
    params: {
      ...params,
      _meta: {
        ...(params._meta as Record<string, unknown> | undefined),
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': request.capabilities ?? { elicitation: { form: {} } },
        'io.modelcontextprotocol/clientInfo': { name: 'hand-written', version: '1.0.0' },
        ...(request.logLevel ? { 'io.modelcontextprotocol/logLevel': request.logLevel } : {}),
      },
    },
  };
  const name = typeof params.name === 'string' ? params.name : typeof params.uri === 'string' ? params.uri : undefined;
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    authorization: `Bearer ${request.key}`,
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': request.method,
    ...(name === undefined ? {} : { 'mcp-name': name }),
    ...request.headers,
  };
  const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const answer = await fetch(url, { method: 'POST', headers: sent, body: JSON.stringify(body) });
  const text = await answer.text();
  const messages = (answer.headers.get('content-type') ?? '').startsWith('text/event-stream')
    ? text
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => JSON.parse(line.slice(5)) as Record<string, unknown>)
    : text
      ? [JSON.parse(text) as Record<string, unknown>]
      : [];
  return { status: answer.status, messages, response: messages.find((message) => message.id === id) as ModernAnswer['response'] };
}
