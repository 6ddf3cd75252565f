import type { ToolName } from '../tools/index.js';

/** What an argument's value is, so completion knows what to offer while a person types it. */
export type ArgumentKind = 'timeZone' | 'meetingType' | 'ownerId' | 'prospectId' | 'meetingId' | 'week' | 'day' | 'time' | 'meetingDate';

export interface PromptArgument<Name extends string = string, Required extends boolean = boolean> {
  name: Name;
  description: string;
  required: Required;
  kind: ArgumentKind;
}

/** What `render` receives for arguments `A`: every required one as a string, the optional ones when given. */
export type PromptArguments<A extends readonly PromptArgument[]> = {
  [P in A[number] as P['required'] extends true ? P['name'] : never]: string;
} & { [P in A[number] as P['required'] extends true ? never : P['name']]?: string };

/**
 * A prompt, declared as data like the tools: a job recruiters repeat, as the
 * text that tells the model which tools to call, in what order, under which
 * time rules. Its arguments reach `render` already checked (checkedArguments:
 * an InputError names the one that is wrong); `render` never calls the API,
 * so getting a prompt is instant and offline.
 */
export interface PromptDefinition<A extends readonly PromptArgument[] = readonly PromptArgument[]> {
  name: string;
  title: string;
  description: string;
  arguments: A;
  /** The tools its text calls: a prompt is offered only where they all are (read-only mode hides the mutating ones). */
  tools: readonly ToolName[];
  /** `args`: every argument given, checked and normalized; the required ones are there (checkedArguments). */
  render(args: PromptArguments<A>, context: { now: number }): string;
}

/** Identity function: its only job is to type `render`'s arguments from the declared ones. */
export function definePrompt<const A extends readonly PromptArgument[]>(prompt: PromptDefinition<A>): PromptDefinition<A> {
  return prompt;
}

/** The rule every prompt ends with: times come from the tools, never from arithmetic in the model's head. */
export const TIME_RULES =
  'Time rules: read local times and offsets exactly as the tools print them; never convert between zones or add offsets yourself; quote ids in full.';
