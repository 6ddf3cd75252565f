import { randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { apiKeyProblem } from '../api/api-key.js';
import { KeyCheckLimit } from './key-check-limit.js';
import { LIFETIMES, type OAuthContext, type SignInOutcome } from './oauth-context.js';
import { clientRef, UnsealError } from './sealed-token.js';
import type { SignInRequest } from './sealed-kinds.js';
import { clearedCookie, cookieMatches } from './sign-in-request.js';
import { errorPage, send, signInPage } from './sign-in-page.js';

/**
 * POST /sign-in: the page's form. The key is checked with HiringCenter
 * (one `GET /meetings?limit=1`); a refused key shows the API's answer on the
 * page and issues nothing. An accepted one is sealed into a one-time code,
 * and the browser goes back to the client (303, the code and state in the
 * query, `iss` per RFC 9207). The key itself never enters a URL or a log.
 */
export function signInForm(ctx: OAuthContext): express.Router {
  const router = express.Router();
  const limit = new KeyCheckLimit();
  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }));
  // Every way a sent form ends returns its outcome, told once (hosted metrics).
  router.post('/', async (req: Request, res: Response) => ctx.onSignIn(await answer(req, res)));
  return router;

  /** Answers one sent form: a code issued and the browser sent back, or a page saying why not. */
  async function answer(req: Request, res: Response): Promise<SignInOutcome> {
    res.setHeader('cache-control', 'no-store');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== ctx.origin) {
      send(res, errorPage(403, 'Sign-in refused', 'This form was sent from another site. Go back to your app and connect again.'));
      return 'form_refused';
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const sealed = typeof body.request === 'string' ? body.request : '';
    let request: SignInRequest;
    let formId: string;
    try {
      ({ value: request, id: formId } = await ctx.sealer.open('sign-in', sealed));
    } catch (error) {
      if (!(error instanceof UnsealError)) throw error;
      const why = error.reason === 'expired' ? `it was open for over ${LIFETIMES.signInSeconds / 60} minutes` : 'it was changed';
      send(res, errorPage(400, 'Sign-in expired', `This sign-in form cannot be used (${why}). Go back to your app and connect again.`));
      return 'form_refused';
    }
    if (!cookieMatches(req.headers.cookie, request.cookieName, request.csrf)) {
      send(
        res,
        errorPage(
          403,
          'Sign-in refused',
          'This form did not come from the page this server showed in this browser. Go back to your app and connect again.',
        ),
      );
      return 'form_refused';
    }
    const client = await ctx.clients.getClient(request.clientId);
    if (!client) {
      send(res, errorPage(400, 'Unknown app', 'This app is no longer registered here. Remove the connector and add it again.'));
      return 'unknown_client';
    }

    const back = new URL(request.redirectUri);
    if (request.state !== undefined) back.searchParams.set('state', request.state);
    back.searchParams.set('iss', ctx.issuer);
    if (body.decision === 'deny') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'The person cancelled the sign-in.');
      redirect(res, back, request.cookieName);
      return 'denied';
    }

    const again = (problem: string, outcome: SignInOutcome): SignInOutcome => {
      send(
        res,
        signInPage({
          clientName: client.client_name,
          redirectUri: request.redirectUri,
          request: sealed,
          readOnly: ctx.readOnly,
          problem,
        }),
      );
      return outcome;
    };
    const key = typeof body.api_key === 'string' ? body.api_key.trim() : '';
    if (!key) return again('Paste your HiringCenter API key, then choose Allow access.', 'not_a_key');
    const problem = apiKeyProblem(key);
    if (problem) return again(`That is not an API key: ${problem}.`, 'not_a_key');
    const allowed = limit.take(req.socket.remoteAddress ?? 'unknown');
    if (!allowed.ok) {
      const { retryAfterSeconds } = allowed.error;
      res.setHeader('retry-after', String(retryAfterSeconds));
      send(
        res,
        errorPage(
          429,
          'Too many tries',
          `Too many keys were checked here in the last minute. Wait ${retryAfterSeconds} s, then try again.`,
        ),
      );
      return 'too_many_tries';
    }
    if (!(await attemptLeft(ctx, formId))) {
      send(
        res,
        errorPage(429, 'Too many tries', `This form has checked ${MAX_KEY_CHECKS} keys already. Go back to your app and connect again.`),
      );
      return 'too_many_tries';
    }
    const check = await ctx.checkKey(key);
    // The check's message was made safe to show for this very key (key-check.ts).
    if (!check.ok) return again(check.error.message, 'key_refused');

    const code = await ctx.sealer.seal(
      'code',
      {
        clientRef: clientRef(request.clientId),
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        apiKey: key,
        family: randomBytes(12).toString('base64url'),
      },
      { ttlSeconds: LIFETIMES.codeSeconds, audience: ctx.resource },
    );
    back.searchParams.set('code', code);
    ctx.log.info(`oauth: signed in a client (${describeClient(client.client_name)})`);
    redirect(res, back, request.cookieName);
    return 'signed_in';
  }
}

// Keys one sign-in form may have checked with HiringCenter: a person retyping a key needs a few, a guesser many.
const MAX_KEY_CHECKS = 5;

/** Claims the next of the form's key checks (shared by replicas through the one-time-use store); false when all are used. */
async function attemptLeft(ctx: OAuthContext, formId: string): Promise<boolean> {
  for (let attempt = 1; attempt <= MAX_KEY_CHECKS; attempt += 1) {
    if (await ctx.usedOnce.claim(`sign-in:${formId}:${attempt}`, LIFETIMES.signInSeconds * 1000)) return true;
  }
  return false;
}

function redirect(res: Response, to: URL, cookie: string): void {
  res.setHeader('set-cookie', clearedCookie(cookie));
  res.redirect(303, to.href);
}

/** A client's self-declared name, bounded and printable, for a log line. */
function describeClient(name: string | undefined): string {
  return name ? JSON.stringify(name.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)) : 'unnamed';
}
