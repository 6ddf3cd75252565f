import { request } from 'node:http';
import { connect } from 'node:net';

/** A JSON-RPC tools/call as a hosted client posts it. */
export function toolCallBody(id: number, name = 'list_meetings', args: Record<string, unknown> = { limit: 1 }): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
}

export const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/**
 * Opens a raw connection, sends the headers of a POST /mcp declaring `declaredBytes` and only `sentBytes` of
 * its body, and resolves with the status the server answers (or 'closed' when it hangs up without one).
 */
export function stalledUpload(
  url: string,
  options: { authorization: string; declaredBytes: number; sentBytes: number },
): Promise<{ status: number | 'closed'; retryAfter: string | undefined }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let settled = false;
    const settle = (status: number | 'closed') => {
      if (settled) return;
      settled = true;
      resolve({ status, retryAfter: /\r\nretry-after: (\S+)/i.exec(received)?.[1] });
      socket.destroy();
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      if (status && received.includes('\r\n\r\n')) settle(Number(status));
    });
    socket.on('close', () => settle('closed'));
    socket.on('error', () => settle('closed'));
    socket.write(
      `POST /mcp HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream\r\n` +
        `authorization: ${options.authorization}\r\ncontent-length: ${options.declaredBytes}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(options.sentBytes, 0x20));
  });
}

/** POST /mcp whose body is sent `delayMs` after the headers; resolves with the status and body. */
export function slowBodyPost(
  url: string,
  body: string,
  options: { authorization: string; delayMs: number },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...MCP_HEADERS, authorization: options.authorization, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.flushHeaders();
    setTimeout(() => req.end(body), options.delayMs);
  });
}
