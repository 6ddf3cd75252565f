import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SwitchProxy {
  /** The one public address, as a load balancer gives it. */
  origin: string;
  /** Sends every later request to this replica (its origin). */
  switchTo(target: string): void;
  close(): Promise<void>;
}

/** A load balancer stand-in: one address in front of the replicas, forwarding to whichever one it is switched to. */
export async function startSwitchProxy(target: string): Promise<SwitchProxy> {
  let current = new URL(target);
  const server = createServer((req, res) => {
    const upstream = request(
      { host: current.hostname, port: current.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    switchTo: (next) => (current = new URL(next)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
