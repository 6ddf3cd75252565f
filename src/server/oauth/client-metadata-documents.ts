import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { OAuthClientMetadataSchema, type OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';
import * as z from 'zod';
import { MAX_CLIENT_NAME } from './oauth-context.js';

/**
 * Client ID Metadata Documents (MCP 2025-11-25, draft-ietf-oauth-client-id-metadata-document):
 * a client's id is an https URL whose JSON describes it, so it needs no registration.
 * Fetching a URL a stranger chose is a request forgery risk, so: https only, no
 * redirects, public addresses only (the address checked is the one connected to),
 * 5 s, 5 KiB, a few fetches at a time, and each document cached for a while.
 */
export interface ClientDocuments {
  /** The client a document describes, or why it cannot be used. */
  fetch(clientId: string): Promise<OAuthClientInformationFull | { refused: string }>;
}

export function isClientDocumentUrl(clientId: string): boolean {
  return clientId.startsWith('https://');
}

const FETCH_MS = 5_000;
const MAX_BYTES = 5 * 1024;
const MAX_IN_FLIGHT = 8;
const MAX_CACHED = 1_000;
const DEFAULT_CACHE_MS = 5 * 60_000;
const MAX_CACHE_MS = 24 * 60 * 60_000;

export function clientDocuments(options: { allowPrivateAddresses: boolean; checkRedirectUri(uri: string): string }): ClientDocuments {
  const cache = new Map<string, { client: OAuthClientInformationFull; until: number }>();
  let inFlight = 0;
  return {
    async fetch(clientId) {
      const cached = cache.get(clientId);
      if (cached && cached.until > Date.now()) return cached.client;
      let url: URL;
      try {
        url = new URL(clientId);
      } catch {
        return { refused: 'the client id is not a URL' };
      }
      if (url.protocol !== 'https:' || url.pathname === '/' || url.hash || url.username || url.password) {
        return { refused: 'a client id URL must be https, with a path, and no fragment or credentials' };
      }
      if (inFlight >= MAX_IN_FLIGHT) return { refused: 'too many client documents are being fetched; try again shortly' };
      inFlight += 1;
      try {
        const { body, maxAgeMs } = await download(url, options.allowPrivateAddresses);
        const parsed = OAuthClientMetadataSchema.extend({ client_id: z.string() }).safeParse(JSON.parse(body));
        if (!parsed.success) return { refused: 'its client metadata document is not valid client metadata' };
        if (parsed.data.client_id !== clientId) return { refused: "its document's client_id is not the URL it was fetched from" };
        if (parsed.data.token_endpoint_auth_method && parsed.data.token_endpoint_auth_method !== 'none') {
          return { refused: `token_endpoint_auth_method ${parsed.data.token_endpoint_auth_method} is not supported here; use none (PKCE)` };
        }
        const client: OAuthClientInformationFull = {
          client_id: clientId,
          client_name: parsed.data.client_name?.slice(0, MAX_CLIENT_NAME),
          redirect_uris: parsed.data.redirect_uris.map((uri) => options.checkRedirectUri(String(uri))),
          token_endpoint_auth_method: 'none',
          grant_types: parsed.data.grant_types,
          response_types: parsed.data.response_types,
        };
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
        cache.set(clientId, { client, until: Date.now() + Math.min(maxAgeMs ?? DEFAULT_CACHE_MS, MAX_CACHE_MS) });
        return client;
      } catch (error) {
        return { refused: error instanceof Error ? error.message : 'its document could not be fetched' };
      } finally {
        inFlight -= 1;
      }
    },
  };
}

async function download(url: URL, allowPrivate: boolean): Promise<{ body: string; maxAgeMs: number | undefined }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const { address, family } = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host);
  if (!allowPrivate && PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4')) {
    throw new Error(`its host ${url.hostname} is a private address`);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        // Connect to the address just checked, not to whatever a second lookup would say.
        lookup: (_hostname, _options, callback) => callback(null, [{ address, family }]),
        headers: { accept: 'application/json' },
        timeout: FETCH_MS,
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`its document answered HTTP ${res.statusCode ?? '?'} (redirects are not followed)`));
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > MAX_BYTES) {
            req.destroy();
            reject(new Error(`its document is over ${MAX_BYTES / 1024} KiB`));
          }
        });
        res.on('end', () => {
          const maxAge = /max-age=(\d+)/.exec(String(res.headers['cache-control'] ?? ''))?.[1];
          resolve({ body, maxAgeMs: maxAge === undefined ? undefined : Number(maxAge) * 1000 });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`its document did not arrive within ${FETCH_MS / 1000} s`)));
    req.on('error', (error) => reject(new Error(`its document could not be fetched (${error.message})`)));
    req.end();
  });
}

// Loopback, private, link-local, shared and unspecified ranges: a client document is never fetched from inside.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');
