import type { OAuthClientInformationFull } from '@modelcontextprotocol/server';
import { OAuthClientMetadataSchema } from '@modelcontextprotocol/core';
import { InvalidClientMetadataError } from '@modelcontextprotocol/server-legacy/auth';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/server-legacy/auth';
import { clientDocuments, isClientDocumentUrl, MAX_CLIENT_NAME, type Refusal } from './client-metadata-documents.js';
import { MAX_SEALED_LENGTH, UnsealError, type TokenSealer } from './sealed-token.js';
import { isLoopbackHost } from '../loopback.js';
import { notOk, ok, type Result } from '../result.js';

/** The SDK's client store, plus why an id is not a client (for the page a person sees). */
export interface ClientRegistry extends OAuthRegisteredClientsStore {
  lookup(clientId: string): Promise<Result<OAuthClientInformationFull, Refusal>>;
}

/**
 * Dynamic Client Registration (RFC 7591) with nothing stored: the client id
 * is the client's registered metadata, sealed. Any replica reads it back, so
 * a connector registered through one replica signs in through another.
 * A confidential client's secret is derived from its id with the server's
 * secret, so it too needs no store. A client id that is an https URL is a
 * Client ID Metadata Document, fetched (./client-metadata-documents.ts).
 */
export function statelessClientRegistry(sealer: TokenSealer, options: { allowPrivateDocuments: boolean }): ClientRegistry {
  const documents = clientDocuments({ allowPrivateAddresses: options.allowPrivateDocuments, checkRedirectUri });
  async function lookup(clientId: string): Promise<Result<OAuthClientInformationFull, Refusal>> {
    if (isClientDocumentUrl(clientId)) return documents.fetch(clientId);
    try {
      const { value, keyId } = await sealer.open('client', clientId);
      const kept = value.registration;
      const confidential = kept.token_endpoint_auth_method !== 'none';
      return ok({ ...kept, client_id: clientId, ...(confidential ? { client_secret: sealer.derive(clientId, keyId) } : {}) });
    } catch (error) {
      if (error instanceof UnsealError) return notOk({ why: `its registration ${error.message}` });
      throw error;
    }
  }
  return {
    lookup,
    async registerClient(client) {
      const kept: Kept = {
        redirect_uris: client.redirect_uris.map(checkRedirectUri),
        client_name: client.client_name?.slice(0, MAX_CLIENT_NAME),
        token_endpoint_auth_method: client.token_endpoint_auth_method,
        grant_types: client.grant_types,
        response_types: client.response_types,
        scope: client.scope?.slice(0, MAX_CLIENT_NAME),
      };
      if (kept.redirect_uris.length === 0 || kept.redirect_uris.length > MAX_REDIRECT_URIS) {
        throw new InvalidClientMetadataError(`Register 1 to ${MAX_REDIRECT_URIS} redirect_uris.`);
      }
      const clientId = await sealer.seal('client', { registration: kept });
      // The sealed id carries the registration, and a longer one than the server reads back would be refused at
      // /authorize (or by Node's header limit): refused here instead, while the client can still do something about it.
      if (clientId.length > MAX_SEALED_LENGTH) {
        throw new InvalidClientMetadataError(
          `This registration makes a client id of ${clientId.length} characters, over the ${MAX_SEALED_LENGTH} this server accepts; register fewer or shorter redirect_uris.`,
        );
      }
      return {
        ...kept,
        client_id: clientId,
        client_id_issued_at: Math.floor(Date.now() / 1000),
        ...(client.token_endpoint_auth_method === 'none' ? {} : { client_secret: sealer.derive(clientId), client_secret_expires_at: 0 }),
      };
    },

    async getClient(clientId) {
      const client = await lookup(clientId);
      return client.ok ? client.value : undefined;
    },
  };
}

type Kept = Pick<
  OAuthClientInformationFull,
  'redirect_uris' | 'client_name' | 'token_endpoint_auth_method' | 'grant_types' | 'response_types' | 'scope'
>;

const MAX_REDIRECT_URIS = 10;
const MAX_REDIRECT_URI_LENGTH = 2000;
// Schemes that run or read something in the browser instead of returning to an app.
const NEVER_REDIRECT_TO = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:', 'ftp:', 'ws:', 'wss:']);

/**
 * OAuth 2.1 §2.3.1 / RFC 8252: https, http on a loopback address (a native app's
 * local listener), or an app's own scheme; never a fragment, never a scheme
 * that runs in the browser.
 */
export function checkRedirectUri(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new InvalidClientMetadataError(`redirect_uri "${uri.slice(0, 200)}" is not a URL.`);
  }
  const refuse = (why: string) => new InvalidClientMetadataError(`redirect_uri ${uri.slice(0, 200)}: ${why}.`);
  if (uri.length > MAX_REDIRECT_URI_LENGTH) throw refuse(`longer than ${MAX_REDIRECT_URI_LENGTH} characters`);
  if (url.hash) throw refuse('a redirect URI may not have a fragment');
  if (NEVER_REDIRECT_TO.has(url.protocol)) throw refuse(`${url.protocol} cannot receive an authorization code`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) throw refuse('http is allowed for loopback addresses only; use https');
  return uri;
}

/**
 * Registration bodies checked before the SDK's handler, which reports a schema mismatch with zod's raw issue
 * JSON as its error_description: here every refusal is one sentence (RFC 7591 §3.2.2 invalid_client_metadata).
 */
export function registrationInSentences(body: unknown): string | undefined {
  const uris = (body as { redirect_uris?: unknown } | null)?.redirect_uris;
  if (Array.isArray(uris)) {
    for (const uri of uris) {
      if (typeof uri !== 'string') return 'redirect_uris must be a list of URLs.';
      try {
        checkRedirectUri(uri);
      } catch (error) {
        if (error instanceof InvalidClientMetadataError) return error.message;
        throw error;
      }
    }
  }
  const parsed = OAuthClientMetadataSchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : 'the body';
  return `${field}: ${(issue?.message ?? 'is not valid client metadata').replace(/\.$/, '')}.`.slice(0, 300);
}
