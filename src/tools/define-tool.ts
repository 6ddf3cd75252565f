import type * as z from 'zod/v4';
import type { CallScope } from '../api/call-scope.js';
import type { HiringCenterClient } from '../api/client.js';
import type { NotConfirmed } from '../format/mutation-text.js';

/** What a handler may use; never MCP types, so handlers stay plain functions. */
export interface ToolContext {
  api: HiringCenterClient;
  now: () => number;
  /** HIRINGCENTER_USER_ID: acting user for mutations when the call gives none. */
  defaultUserId: string | undefined;
  /** Pass to every API call: the MCP client's cancellation, the deadline and the bounds of this tool call. */
  call: CallScope;
  /** Set when the client asked for progress notifications. */
  progress?: Progress;
  /** Set when the user can be asked (MCP elicitation) and confirmation is on. */
  confirm?: Confirm;
}

/** Asks the user a yes/no question; "decline" also covers an answer of no. Time spent waiting is not the call's. */
export type Confirm = (question: string) => Promise<'accept' | NotConfirmed>;

/** Reports how far a long call has got (MCP notifications/progress). */
export type Progress = (done: number, total: number | undefined, message: string) => Promise<void>;

/** The MCP annotations of a tool, less its title (which is the tool's own `title`). */
export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** A tool's answer: text for the model, the same facts losslessly for programs. */
export interface ToolAnswer<Structured> {
  text: string;
  structured: Structured;
}

export interface ToolDefinition<
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
  Name extends string = string,
> {
  /** Fixed: clients, allow-lists and the MCPB manifest name tools by it. */
  name: Name;
  title: string;
  description: string;
  annotations: ToolHints;
  inputSchema: Input;
  outputSchema: Output;
  /** One typical call, shown with an error that names missing arguments and by `call <tool> --help`. */
  example: z.input<Input>;
  // Method syntax on purpose: it lets a list of differently-typed tools share one array type.
  handle(input: z.output<Input>, context: ToolContext): Promise<ToolAnswer<z.input<Output>>>;
}

/** Identity function: its only job is to let TypeScript infer handler types from the schemas. */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject, const Name extends string>(
  tool: ToolDefinition<Input, Output, Name>,
): ToolDefinition<Input, Output, Name> {
  return tool;
}

/** The tool's required arguments, in declaration order (those its schema refuses to leave out). */
export function requiredArguments(tool: Pick<ToolDefinition, 'inputSchema'>): string[] {
  const shape = tool.inputSchema.shape;
  return Object.entries(shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([name]) => name);
}
