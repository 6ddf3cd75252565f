import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import {
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { InputError } from '../input-error.js';
import { ProtocolError } from './protocol-error.js';
import type { ResourceTemplateDefinition } from '../resources/define-resource.js';
import type { BeyondTools } from './beyond-tools.js';
import type { Extra } from './handle-request.js';
import { handle } from './handle-request.js';
import type { ShownValuesDeps } from './handler-deps.js';
import { ICONS } from './icon.js';
import type { RecentValues } from './recent-values.js';

/** MCP's code for a resource that does not exist (spec: resources, error handling). */
const RESOURCE_NOT_FOUND = -32002;
// resources/list is a short menu of what was just seen, never a dump of the account.
const LISTED = 10;
// The listed meetings are read through the meeting template, so they are offered only with its tool.
const MEETING_TOOL = 'get_meeting';

/**
 * resources/list (the meetings most recently shown, for @-mentions),
 * resources/templates/list, and resources/read — which runs the template's
 * tool call through the same path as tools/call, so a resource reads exactly
 * as the tool answers: same text, its structuredContent as JSON, same errors.
 */
export function registerResources(
  server: Server,
  deps: ShownValuesDeps & {
    runTool(name: string, args: Record<string, unknown>, extra: Extra): Promise<CallToolResult>;
  },
): void {
  const templates = async () => (await deps.load()).allResourceTemplates.filter((template) => deps.offers([template.tool]));
  handle(
    server,
    ListResourcesRequestSchema,
    () => ({
      resources: (deps.offers([MEETING_TOOL]) ? listedMeetingIds(deps.recent) : []).map((id) => ({
        uri: `hiringcenter://meetings/${id}`,
        name: `meeting ${id}`,
        title: `Meeting ${id.slice(0, 8)}…`,
        mimeType: 'text/plain',
      })),
    }),
    deps.guard,
  );
  handle(
    server,
    ListResourceTemplatesRequestSchema,
    async () => ({ resourceTemplates: (await templates()).map(describeTemplate) }),
    deps.guard,
  );
  handle(
    server,
    ReadResourceRequestSchema,
    async (request, extra) => {
      const uri = request.params.uri;
      const { template, variables } = matchTemplate(await templates(), (await deps.load()).checked, uri);
      const result = await deps.runTool(template.tool, template.toolArguments(variables, deps.now()), extra);
      const text = (result.content[0] as { text: string }).text;
      if (result.isError) {
        const code = (result.structuredContent as { error?: { code?: string } } | undefined)?.error?.code;
        throw new ProtocolError(
          code === 'not_found' ? RESOURCE_NOT_FOUND : code === 'invalid_argument' ? ErrorCode.InvalidParams : ErrorCode.InternalError,
          text,
        );
      }
      return {
        contents: [
          { uri, mimeType: 'text/plain', text },
          { uri, mimeType: 'application/json', text: JSON.stringify(result.structuredContent) },
        ],
      };
    },
    deps.guard,
  );
}

/** The meetings resources/list offers: the latest shown. */
export function listedMeetingIds(recent: RecentValues): readonly string[] {
  return recent.values('meetingId').slice(0, LISTED);
}

/** The template a URI fits, with its variables checked as the tools check those arguments. */
function matchTemplate(
  templates: readonly ResourceTemplateDefinition[],
  checked: BeyondTools['checked'],
  uri: string,
): { template: ResourceTemplateDefinition; variables: Record<string, string> } {
  for (const template of templates) {
    const matched = uri.length <= 512 ? new UriTemplate(template.uriTemplate).match(uri) : null;
    if (!matched) continue;
    const variables: Record<string, string> = {};
    try {
      for (const [name, kind] of Object.entries(template.variables)) {
        const value = matched[name];
        variables[name] = checked(kind, name, decoded(typeof value === 'string' ? value : '', name));
      }
    } catch (error) {
      if (error instanceof InputError) throw new ProtocolError(ErrorCode.InvalidParams, `${uri.slice(0, 200)}: ${error.message}`);
      throw error;
    }
    return { template, variables };
  }
  const forms = templates.map((template) => template.uriTemplate).join(', ') || 'none on this server';
  throw new ProtocolError(RESOURCE_NOT_FOUND, `No resource at ${uri.slice(0, 200)}: resources here are ${forms}.`);
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
