import { timingSafeEqual } from 'node:crypto';

/** Where the sign-in page's form posts: our own route (the SDK's metadata names the others), and the cookie's Path. */
export const SIGN_IN_PATH = '/sign-in';

/*
 * An authorization request travels between the sign-in page and its form post
 * sealed into the form (sealed-kinds.ts SignInRequest; nothing kept on the server). Its `csrf` is also set as a
 * cookie that only this site sends: a post made by another site, or with a form lifted from someone else's browser,
 * lacks the cookie and is refused.
 */

export function csrfCookie(name: string, value: string, secure: boolean, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=${SIGN_IN_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedCookie(name: string): string {
  return `${name}=; Path=${SIGN_IN_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`;
}

/** Whether the request's Cookie header carries `name` with exactly `expected`. */
export function cookieMatches(header: string | undefined, name: string, expected: string): boolean {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    const a = Buffer.from(rest.join('='));
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return false;
}
