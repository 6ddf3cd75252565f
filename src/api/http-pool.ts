import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/** One request as an attempt sends it. */
export interface HttpRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

export interface HttpResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

export interface HttpPool {
  /** The host requests go to, for messages. */
  host: string;
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Closes every socket, aborting requests still in flight. */
  destroy(): void;
}

/**
 * Keep-alive connections to one origin, at most `maxSockets` at once (the rest
 * queue), over Node's own HTTP client. Chosen over undici, which this project
 * used before: undici parses HTTP with llhttp compiled to WebAssembly, whose
 * code and tier-up compilation cost ~35 MiB of peak memory per process
 * (npm run bench, sustained section); Node's http parses with the same llhttp
 * compiled natively, already in the binary. Loaded at the first request.
 */
export async function openHttpPool(origin: string, maxSockets: number): Promise<HttpPool> {
  const url = new URL(origin);
  const http = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 30_000, scheduling: 'lifo' });
  // An IPv6 literal comes bracketed in a URL ("[::1]") and bare in a request.
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return {
    host: url.host,
    request: ({ method, path, headers, body, signal }) =>
      new Promise((resolve, reject) => {
        const request = http.request(
          { protocol: url.protocol, hostname, port: url.port, method, path, headers, agent, signal },
          (response) => resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: response }),
        );
        request.once('error', reject);
        request.end(body);
      }),
    destroy: () => agent.destroy(),
  };
}
