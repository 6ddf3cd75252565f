import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { LIFETIMES } from './oauth-context.js';
import { SIGN_IN_PATH } from './sign-in-request.js';

/**
 * The pages a person sees while signing in: plain HTML that works without
 * JavaScript, one stylesheet allowed by its hash, nothing framed, nothing
 * loaded from elsewhere. Every value shown (a client's self-declared name, its
 * redirect address, the API's answer) is escaped.
 */
export interface SignInView {
  clientName: string | undefined;
  redirectUri: string;
  /** The sealed authorization request the form posts back. */
  request: string;
  readOnly: boolean;
  /** Why the last attempt failed, shown above the field. */
  problem?: string;
}

export interface Page {
  status: number;
  html: string;
  headers: Record<string, string>;
}

export function signInPage(view: SignInView): Page {
  const client = view.clientName ? `<strong>${escapeHtml(view.clientName)}</strong>` : 'An app';
  const can = view.readOnly
    ? '<li>list and read the meetings your key can see — this server never changes them</li>'
    : '<li>list and read the meetings your key can see</li><li>schedule, reschedule and cancel meetings in your name</li>';
  const body = `<h1>Connect to HiringCenter</h1>
<p>${client} asks to use your HiringCenter meetings.</p>
<p class="small">That name is what the app says about itself. After you sign in you are sent to:<br><code>${escapeHtml(view.redirectUri)}</code></p>
<h2>It will be able to</h2>
<ul>${can}</ul>
<h2>Your key</h2>
<p class="small">This server checks your key once with HiringCenter and then keeps it only inside the encrypted tokens it gives the app; it stores nothing.
Access lasts ${LIFETIMES.accessSeconds / 60} minutes at a time and the app renews it while in use; after ${LIFETIMES.refreshSeconds / 86_400} days unused, you sign in again. To end it sooner, disconnect the app, or replace your key in HiringCenter.</p>
${view.problem ? `<p class="problem" role="alert">${escapeHtml(view.problem)}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}">
<input type="hidden" name="request" value="${escapeHtml(view.request)}">
<label for="api_key">HiringCenter API key</label>
<input id="api_key" name="api_key" type="password" autocomplete="off" spellcheck="false" autofocus>
<div class="actions"><button type="submit" name="decision" value="allow">Allow access</button>
<button type="submit" name="decision" value="deny" class="secondary">Cancel</button></div>
</form>`;
  return page(view.problem ? 400 : 200, 'Sign in', body, view.redirectUri);
}

export function send(res: Response, page: Page): void {
  res.status(page.status).set(page.headers).send(page.html);
}

/** For a return address the client did not register exactly: said on a page, never redirected to. */
export const unknownReturnAddress = (): Page =>
  errorPage(400, 'Unknown return address', 'This app did not register the address it asked to be sent back to, so sign-in stops here.');

/** A dead end the person can read: what went wrong and what to do; never a redirect. */
export function errorPage(status: number, title: string, message: string): Page {
  return page(status, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1c1e21;margin:0}
main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem 2.25rem;border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 1rem}h2{font-size:1rem;margin:1.25rem 0 .25rem}ul{margin:.25rem 0;padding-left:1.25rem}
.small{font-size:.9rem;color:#44474d}code{word-break:break-all;background:#f0f1f3;padding:0 .25rem;border-radius:3px}
label{display:block;font-weight:600;margin-top:1.25rem}input[type=password]{width:100%;box-sizing:border-box;font-size:1rem;padding:.55rem;margin-top:.35rem;border:1px solid #b8bcc4;border-radius:6px}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button{font-size:1rem;padding:.55rem 1.1rem;border-radius:6px;border:1px solid #1a56db;background:#1a56db;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a56db}.problem{background:#fdecec;border:1px solid #f5b5b5;color:#8a1c1c;padding:.6rem .8rem;border-radius:6px}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** `formTarget`: where the form's answer redirects to — CSP's form-action also governs redirects after a submit. */
function page(status: number, title: string, body: string, formTarget?: string): Page {
  const formAction = formTarget === undefined ? "'self'" : `'self' ${cspSource(formTarget)}`;
  return {
    status,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — HiringCenter MCP</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>`,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      // Not no-referrer: with it, the form's POST says `Origin: null`, and the same-site check cannot tell it from a forgery.
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    },
  };
}

/** A redirect URI as a CSP source: its origin for http(s), its scheme for an app's own scheme. */
function cspSource(uri: string): string {
  const url = new URL(uri);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
