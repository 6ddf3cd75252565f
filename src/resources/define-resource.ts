import type { ArgumentKind } from '../prompts/define-prompt.js';
import type { ToolName } from '../tools/index.js';

/**
 * A resource template, declared as data: a URI a person can attach (or
 * @-mention) whose read is one of the tools' calls, so it reads exactly as
 * that tool answers — same text, same JSON, same errors, same bounds.
 */
export interface ResourceTemplateDefinition {
  name: string;
  title: string;
  description: string;
  /** RFC 6570 level 1: each {variable} is one path segment. */
  uriTemplate: string;
  /** What each variable is, for completion. */
  variables: Record<string, ArgumentKind>;
  /** The tool a read runs, and the arguments it runs it with. */
  tool: ToolName;
  toolArguments(variables: Readonly<Record<string, string>>, now: number): Record<string, unknown>;
}

export function defineResourceTemplate(template: ResourceTemplateDefinition): ResourceTemplateDefinition {
  return template;
}
