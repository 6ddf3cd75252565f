import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CALLBACK = 'http://127.0.0.1:9/callback';

/** A client's own web site, serving its metadata documents over https (a certificate made for this run). */
export async function startClientSite(): Promise<{ origin: string; certFile: string; server: Server }> {
  const dir = mkdtempSync(join(tmpdir(), 'hcmcp-cimd-'));
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' }); // prettier-ignore
  let origin = '';
  const documents: Record<string, () => object> = {
    '/client.json': () => ({
      client_id: `${origin}/client.json`,
      client_name: 'Doc Client',
      redirect_uris: [CALLBACK],
      token_endpoint_auth_method: 'none',
    }),
    '/other-id.json': () => ({ client_id: `${origin}/client.json`, client_name: 'Impostor', redirect_uris: [CALLBACK] }),
  };
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const document = documents[path];
    if (path === '/moved.json') res.writeHead(302, { location: '/client.json' }).end();
    // Headers, part of the body, then the connection dropped.
    else if (path === '/drop.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"client_id":');
      setTimeout(() => res.socket?.destroy(), 20);
    }
    // One byte at a time, slowly, for as long as the reader stays.
    else if (path === '/trickle.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    } else if (!document) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, certFile, server };
}
