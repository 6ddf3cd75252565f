import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { OAuthProtectedResourceMetadata } from '@modelcontextprotocol/server';
import {
  authorizationHandler,
  metadataHandler,
  clientRegistrationHandler,
  revocationHandler,
  tokenHandler,
  createOAuthMetadata,
  getOAuthProtectedResourceMetadataUrl,
} from '@modelcontextprotocol/server-legacy/auth';
import type { Logger } from '../log.js';
import { notOk, ok, type Result } from '../result.js';
import type { Refusal } from './client-metadata-documents.js';
import { registrationInSentences, statelessClientRegistry } from './client-registry.js';
import type { KeyCheck, OAuthContext, OAuthSettings } from './oauth-context.js';
import { sealedGrantProvider } from './sealed-grant-provider.js';
import { TokenSealer, UnsealError } from './sealed-token.js';
import { errorPage, send, unknownReturnAddress } from './sign-in-page.js';
import { signInForm } from './sign-in-form.js';
import { SIGN_IN_PATH } from './sign-in-request.js';
import { memoryUsedOnce, redisUsedOnce, type UsedOnce } from './used-once.js';

/** The authorization server as the hosted server sees it: which paths are its, and what a Bearer token holds. */
export interface OAuthEndpoints {
  serves(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** The API key inside one of our access tokens, or why it is refused (damaged, expired, another audience or secret). */
  verify(token: string): Promise<Result<string, string>>;
  /** RFC 9728 metadata URL, for WWW-Authenticate on a 401 from /mcp. */
  resourceMetadataUrl: string;
  /** Whether what must be shared (Redis) answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OAuthOptions {
  settings: OAuthSettings;
  /** The public origin: HIRINGCENTER_PUBLIC_URL, or the address listened on. */
  origin: string;
  readOnly: boolean;
  checkKey(key: string): Promise<KeyCheck>;
  log: Logger;
  /** Told how each sign-in form ended (hosted metrics); default: nobody. */
  onSignIn?: OAuthContext['onSignIn'];
}

/**
 * What the SDK does (`@modelcontextprotocol/sdk/server/auth`): metadata documents,
 * /authorize and /token parsing, client authentication, PKCE S256, dynamic
 * registration, revocation, OAuth error bodies. What is written here: sealed
 * clients and tokens (no database), the sign-in page and its form, exact
 * redirect matching, the resource check, one-time use across replicas.
 */
export async function startOAuth(options: OAuthOptions): Promise<OAuthEndpoints> {
  const { settings, origin, log } = options;
  const issuer = new URL(origin).href;
  const resource = `${origin}/mcp`;
  const sealer = new TokenSealer(settings.secret, settings.previousSecret, issuer);
  const usedOnce = settings.redisUrl ? await connectRedis(settings.redisUrl, log) : memoryUsedOnce();
  const ctx: OAuthContext = {
    origin,
    issuer,
    resource,
    sealer,
    clients: statelessClientRegistry(sealer, { allowPrivateDocuments: settings.allowPrivateClientDocuments }),
    usedOnce,
    readOnly: options.readOnly,
    checkKey: options.checkKey,
    log,
    onSignIn: options.onSignIn ?? (() => {}),
  };
  const provider = sealedGrantProvider(ctx);
  const metadata = {
    ...createOAuthMetadata({ provider, issuerUrl: new URL(issuer) }),
    // RFC 9207: the redirect back names its issuer, so a client talking to several servers cannot be fooled by a mix-up.
    authorization_response_iss_parameter_supported: true,
    // MCP 2025-11-25: an https client_id is the URL of the client's own metadata document (no registration needed).
    client_id_metadata_document_supported: true,
  };
  const resourceMetadata: OAuthProtectedResourceMetadata = {
    resource,
    authorization_servers: [issuer],
    resource_name: 'HiringCenter meetings',
    bearer_methods_supported: ['header'],
  };

  // Every route once, read from the metadata the SDK wrote (as its own router does): what is served is what is advertised.
  const routes = {
    authorize: pathOf(metadata.authorization_endpoint),
    token: pathOf(metadata.token_endpoint),
    register: pathOf(metadata.registration_endpoint),
    revoke: pathOf(metadata.revocation_endpoint),
    signIn: SIGN_IN_PATH,
  };
  const resourceMetadataUrl = getOAuthProtectedResourceMetadataUrl(new URL(resource));

  const app = express();
  app.disable('x-powered-by');
  // The SDK's per-IP rate limits count the load balancer as one client; limits belong in front of the replicas.
  const noLimits = { rateLimit: false } as const;
  // RFC 9728 §3.1: the path-aware URL WWW-Authenticate names, and the bare one older clients try.
  app.use([pathOf(resourceMetadataUrl), PROTECTED_RESOURCE_METADATA], metadataHandler(resourceMetadata));
  app.use(AUTHORIZATION_SERVER_METADATA, metadataHandler(metadata));
  app.use(
    routes.authorize,
    express.urlencoded({ extended: false, limit: '16kb' }),
    explainBadClient(ctx),
    authorizationHandler({ provider, ...noLimits }),
  );
  app.use(routes.signIn, signInForm(ctx));
  app.use(routes.token, tokenHandler({ provider, ...noLimits }));
  app.use(
    routes.register,
    // Room for the most a registration may hold (10 redirect URIs of 2,000 characters), so it is answered, not cut off.
    express.json({ limit: '64kb' }),
    (req: Request, res: Response, next: NextFunction) => {
      const problem = req.method === 'POST' ? registrationInSentences(req.body) : undefined;
      if (!problem) return next();
      res.setHeader('cache-control', 'no-store');
      res.status(400).json({ error: 'invalid_client_metadata', error_description: problem });
    },
    clientRegistrationHandler({ clientsStore: ctx.clients, clientIdGeneration: false, clientSecretExpirySeconds: 0, ...noLimits }),
  );
  app.use(routes.revoke, revocationHandler({ provider, ...noLimits }));
  app.use((_req: Request, res: Response) => void res.status(404).json({ error: 'not_found' }));
  // Express's own handler would print a stack trace into the page; ours says what kind of request failed, once, to the log.
  app.use((error: { status?: number; type?: string; message?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error(`oauth ${req.method} ${req.path}: ${error.message ?? 'failed'}`);
    if (res.headersSent) return void res.end();
    res.status(status).json({
      error: status === 500 ? 'server_error' : 'invalid_request',
      error_description:
        status === 500 ? 'Internal error; see the server log.' : `The request body could not be read (${error.type ?? 'malformed'}).`,
    });
  });

  const paths = new Set(Object.values(routes));
  return {
    serves: (path) => paths.has(path) || path.startsWith('/.well-known/oauth-'),
    handle: (req, res) => app(req, res),
    async verify(token) {
      try {
        return ok((await provider.openAccess(token)).apiKey);
      } catch (error) {
        if (!(error instanceof UnsealError)) throw error;
        return notOk(`The access token ${error.message}.`);
      }
    },
    resourceMetadataUrl,
    ready: () => usedOnce.ready(),
    close: () => usedOnce.close(),
  };
}

// RFC 8414 and RFC 9728 well-known paths: the bare protected-resource one is for clients older than path-aware lookup.
const AUTHORIZATION_SERVER_METADATA = '/.well-known/oauth-authorization-server';
const PROTECTED_RESOURCE_METADATA = '/.well-known/oauth-protected-resource';

/** The path of an endpoint the metadata advertises (each one this server offers is always there). */
function pathOf(url: string | undefined): string {
  if (url === undefined) throw new Error('the OAuth metadata lacks an endpoint this server serves');
  return new URL(url).pathname;
}

/**
 * A person who followed a link with an unknown client or return address sees a page that says so, not the SDK's JSON:
 * nothing is redirected to an address the client did not register.
 */
function explainBadClient(ctx: OAuthContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const params = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown>;
    const clientId = params.client_id;
    const redirectUri = params.redirect_uri;
    const found = typeof clientId === 'string' ? await ctx.clients.lookup(clientId) : notOk({ why: 'the request names no client_id' });
    if (!found.ok) {
      const refusal: Refusal = found.error;
      // A busy server is no reason to remove a connector: say to try again instead.
      if (refusal.temporary) {
        res.setHeader('retry-after', '30');
        return send(res, errorPage(503, 'Try again shortly', `This app cannot sign in right now: ${refusal.why}. Try again in a minute.`));
      }
      return send(
        res,
        errorPage(400, 'Unknown app', `This app cannot sign in here: ${refusal.why}. Remove the connector and add it again.`),
      );
    }
    if (redirectUri !== undefined && (typeof redirectUri !== 'string' || !found.value.redirect_uris.includes(redirectUri))) {
      return send(res, unknownReturnAddress());
    }
    next();
  };
}

// Start-up waits this long for Redis, then stops with a message rather than serve codes that could be used twice.
const REDIS_CONNECT_MS = 5_000;

async function connectRedis(url: string, log: Logger): Promise<UsedOnce> {
  const host = new URL(url).host;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis at ${host} (HIRINGCENTER_REDIS_URL) did not answer in ${REDIS_CONNECT_MS / 1000} s`)),
      REDIS_CONNECT_MS,
    );
  });
  try {
    return await Promise.race([redisUsedOnce(url, (message) => log.warn(message)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
