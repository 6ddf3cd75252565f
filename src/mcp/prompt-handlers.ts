import type { GetPromptRequest, GetPromptResult, ListPromptsResult, Prompt } from '@modelcontextprotocol/server';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import { InputError } from '../input-error.js';
import type { PromptDefinition } from '../prompts/define-prompt.js';
import { allPrompts } from '../prompts/index.js';
import { checkedArguments } from '../prompts/prompt-arguments.js';
import type { OfferingContext } from './handler-deps.js';
import { ICONS } from './icon.js';

/** prompts/list: the prompts whose tools this server offers. */
export function listPrompts(ctx: OfferingContext): ListPromptsResult {
  return { prompts: ctx.inventory.prompts(allPrompts).map(describePrompt) };
}

/** prompts/get: the prompt's text for its checked arguments; never an API call. */
export function getPrompt(request: GetPromptRequest, ctx: OfferingContext): GetPromptResult {
  const prompts = ctx.inventory.prompts(allPrompts);
  const prompt = prompts.find((candidate) => candidate.name === request.params.name);
  if (!prompt) {
    const names = prompts.map((candidate) => candidate.name).join(', ') || 'none';
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `No prompt "${request.params.name.slice(0, 64)}" here. Prompts: ${names}.`);
  }
  try {
    const text = prompt.render(checkedArguments(prompt.arguments, request.params.arguments ?? {}), { now: ctx.now() });
    return { description: prompt.description, messages: [{ role: 'user', content: { type: 'text', text } }] };
  } catch (error) {
    if (error instanceof InputError) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `${prompt.name}: ${error.message}`);
    throw error;
  }
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
