import type { HiringCenterClient } from '../api/client.js';
import { classifyFailure, type Failure } from '../api/failure.js';
import { redactor } from '../api/redact.js';
import { shown } from '../format/inert-text.js';
import { notOk, ok } from '../result.js';
import type { KeyCheck } from './oauth-context.js';

// A person is waiting on the page: the check, retries included, gives up after 15 s (a tool call may take 30).
const KEY_CHECK_MS = 15_000;

/** The sign-in page's check: one `GET /meetings?limit=1` with the key typed; HiringCenter's answer, in words for a person. */
export async function checkApiKey(api: HiringCenterClient, key: string): Promise<KeyCheck> {
  try {
    await api.listMeetings({ limit: 1 }, api.startCall(AbortSignal.timeout(KEY_CHECK_MS), key));
    return ok(undefined);
  } catch (error) {
    const classified = classifyFailure(error);
    // Listing one meeting is the least a key can do: refused here (401, 403, not even sendable), the key is no good.
    const refused = classified.key !== undefined;
    return notOk({ message: shown(describe(classified.failure, refused), redactor([key])), refused });
  }
}

function describe(failure: Failure, refused: boolean): string {
  switch (failure.kind) {
    case 'http': {
      const { status, apiMessage } = failure.error;
      const answer = `HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`;
      return refused
        ? `HiringCenter did not accept this key (${answer}). Check that you copied the whole key, from the right account.`
        : `HiringCenter answered ${answer} while checking the key; try again in a moment.`;
    }
    case 'invalid-key':
      return `That is not an API key: ${failure.error.problem}.`;
    case 'internal':
    case 'input':
      return 'Could not check the key; try again in a moment.';
    default:
      return `Could not reach HiringCenter to check the key (${failure.error.message}); try again in a moment.`;
  }
}
