import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import { isIP } from 'node:net';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/server';
import { OAuthClientMetadataSchema } from '@modelcontextprotocol/core';
import * as z from 'zod/v4';
import { BoundedCache, stringBytes } from '../bounded-cache.js';
import { formatBytes } from '../byte-size.js';
import { notOk, ok, type Result } from '../result.js';
import { HOSTED_LIMITS } from '../hosted-limits.js';
import { isPublicAddress } from './public-address.js';

/**
 * Client ID Metadata Documents (MCP 2025-11-25, draft-ietf-oauth-client-id-metadata-document):
 * a client's id is an https URL whose JSON describes it, so it needs no registration.
 * Fetching a URL a stranger chose is a request forgery risk, so: https only, no
 * redirects, public addresses only (the address checked is the one connected to),
 * one deadline for the whole fetch, 5 KiB, a few fetches at a time, and each document cached for a while
 * (HOSTED_LIMITS).
 */
/** A client's self-declared name (shown on the sign-in page) and scope are cut to this, registered or fetched. */
export const MAX_CLIENT_NAME = 100;

/** Why a client id cannot be used; `temporary` when trying again later may work (the server was busy). */
export interface Refusal {
  why: string;
  temporary?: true;
}

export interface ClientDocuments {
  /** The client a document describes, or why it cannot be used. */
  fetch(clientId: string): Promise<Result<OAuthClientInformationFull, Refusal>>;
}

export function isClientDocumentUrl(clientId: string): boolean {
  return clientId.startsWith('https://');
}

const DEFAULT_CACHE_MS = 5 * 60_000;
const MAX_CACHE_MS = 24 * 60 * 60_000;

export function clientDocuments(options: {
  allowPrivateAddresses: boolean;
  checkRedirectUri(uri: string): string;
  /** Whole fetch, start to end (default HOSTED_LIMITS.clientDocumentFetchMs). */
  fetchMs?: number;
}): ClientDocuments {
  const { clientDocumentsCached, clientDocumentBytes, clientDocumentFetches } = HOSTED_LIMITS;
  const cache = new BoundedCache<string, { client: OAuthClientInformationFull; until: number }>(
    clientDocumentsCached,
    clientDocumentsCached * (clientDocumentBytes + 4_096),
    (clientId) => stringBytes(clientId) + clientDocumentBytes,
    'oauth_client_documents',
  );
  const fetchMs = options.fetchMs ?? HOSTED_LIMITS.clientDocumentFetchMs;
  let inFlight = 0;
  return {
    async fetch(clientId) {
      const cached = cache.get(clientId);
      if (cached && cached.until > Date.now()) return ok(cached.client);
      let url: URL;
      try {
        url = new URL(clientId);
      } catch {
        return notOk({ why: 'the client id is not a URL' });
      }
      if (url.protocol !== 'https:' || url.pathname === '/' || url.hash || url.username || url.password) {
        return notOk({ why: 'a client id URL must be https, with a path, and no fragment or credentials' });
      }
      if (inFlight >= clientDocumentFetches) {
        return notOk({ why: "the server is fetching many apps' descriptions right now", temporary: true });
      }
      inFlight += 1;
      try {
        const { body, maxAgeMs } = await download(url, options.allowPrivateAddresses, fetchMs);
        const parsed = OAuthClientMetadataSchema.extend({ client_id: z.string() }).safeParse(JSON.parse(body));
        if (!parsed.success) return notOk({ why: 'its client metadata document is not valid client metadata' });
        if (parsed.data.client_id !== clientId) return notOk({ why: "its document's client_id is not the URL it was fetched from" });
        if (parsed.data.token_endpoint_auth_method && parsed.data.token_endpoint_auth_method !== 'none') {
          return notOk({
            why: `token_endpoint_auth_method ${parsed.data.token_endpoint_auth_method} is not supported here; use none (PKCE)`,
          });
        }
        const client: OAuthClientInformationFull = {
          client_id: clientId,
          client_name: parsed.data.client_name?.slice(0, MAX_CLIENT_NAME),
          redirect_uris: parsed.data.redirect_uris.map((uri) => options.checkRedirectUri(String(uri))),
          token_endpoint_auth_method: 'none',
          grant_types: parsed.data.grant_types,
          response_types: parsed.data.response_types,
        };
        cache.set(clientId, { client, until: Date.now() + Math.min(maxAgeMs ?? DEFAULT_CACHE_MS, MAX_CACHE_MS) });
        return ok(client);
      } catch (error) {
        return notOk({ why: error instanceof Error ? error.message : 'its document could not be fetched' });
      } finally {
        inFlight -= 1;
      }
    },
  };
}

/**
 * One fetch with one deadline for all of it (connect, headers, body): a socket idle timeout alone let a document
 * sent a byte every 2 s be read for hours. It settles on every way a request can end — a connection dropped after
 * the headers included, which before left the fetch (and its slot) pending forever.
 */
async function download(url: URL, allowPrivate: boolean, fetchMs: number): Promise<{ body: string; maxAgeMs: number | undefined }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const { address, family } = isIP(host) ? { address: host, family: isIP(host) } : await lookup(host);
  if (!allowPrivate && !isPublicAddress(address)) {
    throw new Error(`its host ${url.hostname} is a private address`);
  }
  const maxBytes = HOSTED_LIMITS.clientDocumentBytes;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      req.destroy();
    };
    const fail = (message: string) => settle(() => reject(new Error(message)));
    const deadline = setTimeout(() => fail(`its document did not arrive within ${fetchMs / 1000} s`), fetchMs);
    const req = request(
      url,
      {
        // Connect to the address just checked, not to whatever a second lookup would say.
        lookup: (_hostname, _options, callback) => callback(null, [{ address, family }]),
        headers: { accept: 'application/json' },
      },
      (res) => {
        if (res.statusCode !== 200) return fail(`its document answered HTTP ${res.statusCode ?? '?'} (redirects are not followed)`);
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > maxBytes) fail(`its document is over ${formatBytes(maxBytes)}`);
        });
        res.on('end', () => {
          const maxAge = /max-age=(\d+)/.exec(String(res.headers['cache-control'] ?? ''))?.[1];
          settle(() => resolve({ body, maxAgeMs: maxAge === undefined ? undefined : Number(maxAge) * 1000 }));
        });
        res.on('aborted', () => fail('its connection closed before the document was complete'));
        res.on('error', (error) => fail(`its document could not be fetched (${error.message})`));
        res.on('close', () => fail('its connection closed before the document was complete'));
      },
    );
    req.on('error', (error) => fail(`its document could not be fetched (${error.message})`));
    req.on('close', () => fail('its connection closed before the document arrived'));
    req.end();
  });
}
