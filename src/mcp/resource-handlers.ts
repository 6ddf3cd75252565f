import type {
  ListResourcesResult,
  ListResourceTemplatesResult,
  ReadResourceRequest,
  ReadResourceResult,
} from '@modelcontextprotocol/server';
import { ProtocolError, ProtocolErrorCode, ResourceNotFoundError, UriTemplate } from '@modelcontextprotocol/server';
import { meetingTitle } from '../format/meeting-text.js';
import type { ErrorReport } from '../format/error-text.js';
import { InputError } from '../input-error.js';
import { checked } from '../prompts/prompt-arguments.js';
import type { ResourceTemplateDefinition } from '../resources/define-resource.js';
import { allResourceTemplates } from '../resources/index.js';
import { meetingResource } from '../resources/meeting.js';
import { notOk, ok, type Result } from '../result.js';
import type { ToolAnswer } from '../tools/define-tool.js';
import type { ToolName } from '../tools/index.js';
import { meetingPage } from '../tools/output-schemas.js';
import type { Extra } from './handle-request.js';
import type { OfferingContext } from './handler-deps.js';
import { ICONS } from './icon.js';

// resources/list is a short menu of the caller's next meetings (for @-mentions), never a dump of the account.
const LISTED = 10;
const LIST_HORIZON_MS = 14 * 24 * 60 * 60 * 1000;
// One page read for it (the API's default page): enough to find the ten soonest in two weeks, never a second request.
const LIST_PAGE = 50;
// A resource URI longer than this matches no template (the longest real one is ~70 characters); messages quote at most
// QUOTED_URI of one.
const MAX_URI = 512;
const QUOTED_URI = 200;
// Each meeting listed is read through the meeting template: its URI is that template's.
const meetingUri = new UriTemplate(meetingResource.uriTemplate);

/** resources/templates/list: the templates whose tool this server offers. */
export function listResourceTemplates(ctx: OfferingContext): ListResourceTemplatesResult {
  return { resourceTemplates: ctx.inventory.templates(allResourceTemplates).map(describeTemplate) };
}

/**
 * resources/read runs the template's tool call through the same path as
 * tools/call, so a resource reads exactly as the tool answers: same text, its
 * structured answer as JSON, same errors.
 */
export async function readResource(request: ReadResourceRequest, extra: Extra, ctx: OfferingContext): Promise<ReadResourceResult> {
  const uri = request.params.uri;
  const { template, variables } = matchTemplate(ctx.inventory.templates(allResourceTemplates), uri);
  const answer = await toolAnswer(ctx.runTool, template.tool, template.toolArguments(variables, ctx.now()), extra);
  if (!answer.ok) {
    const { code, message } = answer.error;
    if (code === 'not_found') throw new ResourceNotFoundError(uri, message);
    throw new ProtocolError(code === 'invalid_argument' ? ProtocolErrorCode.InvalidParams : ProtocolErrorCode.InternalError, message);
  }
  return {
    contents: [
      { uri, mimeType: 'text/plain', text: answer.value.text },
      { uri, mimeType: 'application/json', text: JSON.stringify(answer.value.structured) },
    ],
  };
}

/**
 * resources/list: the caller's next meetings, read from HiringCenter — the
 * same on every replica, as 2026-07-28 lists no longer vary per connection.
 */
export async function listResources(extra: Extra, ctx: OfferingContext): Promise<ListResourcesResult> {
  return { resources: ctx.inventory.listsMeetings ? await upcomingMeetings(ctx, extra) : [] };
}

/** The caller's next meetings (two weeks, soonest first). A failure lists none rather than failing the client's menu. */
async function upcomingMeetings(ctx: OfferingContext, extra: Extra) {
  const now = ctx.now();
  const args = { meetingDateAfter: now, meetingDateBefore: now + LIST_HORIZON_MS, limit: LIST_PAGE };
  const answer = await toolAnswer(ctx.runTool, 'list_meetings', args, extra);
  const page = answer.ok ? meetingPage.safeParse(answer.value.structured) : undefined;
  if (!page?.success) {
    ctx.log.debug(`resources/list: no meetings listed (${answer.ok ? 'unexpected answer' : 'list_meetings failed'})`);
    return [];
  }
  // The API's answer is not trusted: a meeting whose id the meeting template would refuse is not offered.
  const readable = (id: string) => {
    try {
      return checked('meetingId', 'meetingId', id) === id;
    } catch {
      return false;
    }
  };
  return page.data.meetings
    .filter((meeting) => readable(meeting.id))
    .toSorted((a, b) => a.meetingDate - b.meetingDate)
    .slice(0, LISTED)
    .map((meeting) => ({
      uri: meetingUri.expand({ meetingId: meeting.id }),
      name: `meeting ${meeting.id}`,
      title: meetingTitle(meeting),
      mimeType: 'text/plain',
    }));
}

/** A read-only tool's answer: it never asks the person anything, so an input_required here is a bug. */
async function toolAnswer(
  runTool: OfferingContext['runTool'],
  name: ToolName,
  args: Record<string, unknown>,
  extra: Extra,
): Promise<Result<ToolAnswer<unknown>, ErrorReport>> {
  const outcome = await runTool(name, args, extra);
  switch (outcome.kind) {
    case 'answer':
      return ok(outcome.answer);
    case 'error':
      return notOk(outcome.report);
    case 'input_required':
      throw new ProtocolError(ProtocolErrorCode.InternalError, `${name} asked for input while reading a resource.`);
  }
}

/** The template a URI fits, with its variables checked as the tools check those arguments. */
function matchTemplate(
  templates: readonly ResourceTemplateDefinition[],
  uri: string,
): { template: ResourceTemplateDefinition; variables: Record<string, string> } {
  for (const template of templates) {
    const matched = uri.length <= MAX_URI ? new UriTemplate(template.uriTemplate).match(uri) : null;
    if (!matched) continue;
    const variables: Record<string, string> = {};
    try {
      for (const [name, kind] of Object.entries(template.variables)) {
        const value = matched[name];
        variables[name] = checked(kind, name, decoded(typeof value === 'string' ? value : '', name));
      }
    } catch (error) {
      if (error instanceof InputError)
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, `${uri.slice(0, QUOTED_URI)}: ${error.message}`);
      throw error;
    }
    return { template, variables };
  }
  const forms = templates.map((template) => template.uriTemplate).join(', ') || 'none on this server';
  const quoted = uri.slice(0, QUOTED_URI);
  throw new ResourceNotFoundError(quoted, `No resource at ${quoted}: resources here are ${forms}.`);
}

function decoded(value: string, name: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new InputError(name, 'is not a valid URI segment (bad %-escape).');
  }
}

function describeTemplate(template: ResourceTemplateDefinition) {
  return {
    name: template.name,
    title: template.title,
    description: template.description,
    uriTemplate: template.uriTemplate,
    mimeType: 'text/plain',
    icons: ICONS,
  };
}
