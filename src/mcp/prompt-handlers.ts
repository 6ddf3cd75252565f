import { GetPromptRequestSchema, ListPromptsRequestSchema } from '@modelcontextprotocol/core';
import type { Server, Prompt } from '@modelcontextprotocol/server';
import { InputError } from '../input-error.js';
import type { PromptDefinition } from '../prompts/define-prompt.js';
import { handle } from './handle-request.js';
import type { OfferingDeps } from './handler-deps.js';
import { ICONS } from './icon.js';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';

/** prompts/list and prompts/get. Prompts load at the first request: a starting server reads none of them. */
export function registerPrompts(server: Server, deps: OfferingDeps): void {
  const offered = async () => {
    const { allPrompts } = await deps.load();
    return allPrompts.filter((prompt) => deps.offers(prompt.tools));
  };
  handle(server, ListPromptsRequestSchema, async () => ({ prompts: (await offered()).map(describePrompt) }), deps.guard);
  handle(
    server,
    GetPromptRequestSchema,
    async (request) => {
      const { checkedArguments } = await deps.load();
      const prompts = await offered();
      const prompt = prompts.find((candidate) => candidate.name === request.params.name);
      if (!prompt) {
        const names = prompts.map((candidate) => candidate.name).join(', ') || 'none';
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `No prompt "${request.params.name.slice(0, 64)}" here. Prompts: ${names}.`,
        );
      }
      try {
        const text = prompt.render(checkedArguments(prompt.arguments, request.params.arguments ?? {}), { now: deps.now() });
        return { description: prompt.description, messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
      } catch (error) {
        if (error instanceof InputError) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `${prompt.name}: ${error.message}`);
        throw error;
      }
    },
    deps.guard,
  );
}

function describePrompt(prompt: PromptDefinition): Prompt {
  return {
    name: prompt.name,
    title: prompt.title,
    description: prompt.description,
    arguments: prompt.arguments.map(({ name, description, required }) => ({ name, description, required })),
    icons: ICONS,
  };
}
