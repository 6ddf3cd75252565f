import type { HiringCenterClient } from '../api/client.js';
import { ApiHttpError, HiringCenterError, InvalidApiKeyError } from '../api/errors.js';
import { redactor } from '../api/redact.js';
import { shown } from '../format/inert-text.js';
import type { KeyCheck } from './oauth-context.js';

// A person is waiting on the page: the check, retries included, gives up after 15 s (a tool call may take 30).
const KEY_CHECK_MS = 15_000;

/** The sign-in page's check: one `GET /meetings?limit=1` with the key typed; HiringCenter's answer, in words for a person. */
export async function checkApiKey(api: HiringCenterClient, key: string): Promise<KeyCheck> {
  try {
    await api.listMeetings({ limit: 1 }, api.startCall(AbortSignal.timeout(KEY_CHECK_MS), key));
    return { ok: true };
  } catch (error) {
    return { ok: false, message: shown(describe(error), redactor([key])), refused: keyRefused(error) };
  }
}

function keyRefused(error: unknown): boolean {
  return (error instanceof ApiHttpError && (error.status === 401 || error.status === 403)) || error instanceof InvalidApiKeyError;
}

function describe(error: unknown): string {
  if (error instanceof ApiHttpError) {
    const answer = `HTTP ${error.status}${error.apiMessage ? `: ${error.apiMessage}` : ''}`;
    return keyRefused(error)
      ? `HiringCenter did not accept this key (${answer}). Check that you copied the whole key, from the right account.`
      : `HiringCenter answered ${answer} while checking the key; try again in a moment.`;
  }
  if (error instanceof InvalidApiKeyError) return `That is not an API key: ${error.message}`;
  if (error instanceof HiringCenterError) return `Could not reach HiringCenter to check the key (${error.message}); try again in a moment.`;
  return 'Could not check the key; try again in a moment.';
}
