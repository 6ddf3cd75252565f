import type { CallScope } from './call-scope.js';
import type { HiringCenterClient } from './client.js';
import { HiringCenterError } from './errors.js';
import { LIMITS } from './limits.js';
import type { Meeting, MeetingQuery } from './schemas.js';

/** The contract's page sizes: 50 when none is asked for, 200 at most. */
export const API_DEFAULT_PAGE = 50;
export const API_MAX_PAGE = 200;

/** Why a listing holds fewer meetings, or fewer pages, than the API offered. */
export type PagingNote =
  | { kind: 'maxResults'; maxResults: number; moreMatch?: number }
  | { kind: 'failed'; after: number; error: HiringCenterError }
  | { kind: 'stalled'; empty: boolean }
  | { kind: 'repeatedToken' }
  | { kind: 'pageCap'; pages: number }
  | { kind: 'overfilled'; sent: number; asked: number }
  | { kind: 'duplicates'; dropped: number };

export interface CollectedMeetings {
  meetings: Meeting[];
  totalCount?: number;
  /** Where the model may go on from; absent when following it could repeat or skip meetings. */
  nextPageToken?: string;
  notes: PagingNote[];
}

export interface PageRequest {
  pageToken?: string;
  limit?: number;
  /** Follow pages until this many (one page when absent). */
  maxResults?: number;
}

/**
 * One page, or pages up to maxResults — trusting nothing the API says about
 * paging: a page never adds more meetings than were asked for, a meeting
 * listed twice is shown once, and following stops at an empty page, a page
 * of repeats, a token seen before, or LIMITS.pagesPerCall pages.
 */
export async function collectMeetings(
  api: HiringCenterClient,
  query: MeetingQuery,
  request: PageRequest,
  call: CallScope,
  onPage?: (fetched: number, total: number | undefined) => Promise<void> | undefined,
): Promise<CollectedMeetings> {
  const following = request.maxResults !== undefined;
  const wanted = request.maxResults ?? request.limit ?? API_DEFAULT_PAGE;
  const meetings: Meeting[] = [];
  const seen = new Set<string>();
  const usedTokens = new Set(request.pageToken ? [request.pageToken] : []);
  const notes: PagingNote[] = [];
  let dropped = 0;
  let totalCount: number | undefined;
  let token = request.pageToken;
  for (let pages = 1; ; pages++) {
    const pageSize = following ? Math.min(request.limit ?? API_MAX_PAGE, API_MAX_PAGE, wanted - meetings.length) : request.limit;
    let page;
    try {
      page = await api.listMeetings({ ...query, limit: pageSize, pageToken: token }, call);
    } catch (error) {
      // A failure after some pages still returns them, with the way to continue (the token that failed).
      if (!meetings.length || !(error instanceof HiringCenterError)) throw error;
      notes.push({ kind: 'failed', after: meetings.length, error });
      break;
    }
    const asked = pageSize ?? API_DEFAULT_PAGE;
    const overfilled = page.items.length > asked;
    if (overfilled) notes.push({ kind: 'overfilled', sent: page.items.length, asked });
    const before = meetings.length;
    for (const meeting of overfilled ? page.items.slice(0, asked) : page.items) {
      if (seen.has(meeting.id)) dropped += 1;
      else {
        seen.add(meeting.id);
        meetings.push(meeting);
      }
    }
    totalCount = page.pagination?.totalCount ?? totalCount;
    const next = page.pagination?.nextPageToken ?? undefined;
    // The next token of a page cut short would skip the meetings not shown.
    token = overfilled ? undefined : next;
    if (following) await onPage?.(meetings.length, totalCount);
    if (!following || !token || meetings.length >= wanted) break;
    if (usedTokens.has(token)) {
      notes.push({ kind: 'repeatedToken' });
      token = undefined;
      break;
    }
    if (meetings.length === before) {
      notes.push({ kind: 'stalled', empty: page.items.length === 0 });
      token = undefined;
      break;
    }
    usedTokens.add(token);
    if (pages >= LIMITS.pagesPerCall) {
      notes.push({ kind: 'pageCap', pages });
      break;
    }
  }
  if (dropped) notes.push({ kind: 'duplicates', dropped });
  if (following && token && !notes.some((note) => note.kind === 'failed' || note.kind === 'pageCap')) {
    const moreMatch = totalCount !== undefined && totalCount > meetings.length ? totalCount - meetings.length : undefined;
    notes.push({ kind: 'maxResults', maxResults: wanted, ...(moreMatch ? { moreMatch } : {}) });
  }
  return { meetings, ...(totalCount !== undefined ? { totalCount } : {}), ...(token ? { nextPageToken: token } : {}), notes };
}
