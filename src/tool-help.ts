import { ARGUMENTS, type ArgumentName } from './tools/arguments.js';
import { requiredArguments, type ToolDefinition } from './tools/define-tool.js';
import { exampleArguments } from './tools/example-call.js';

/**
 * `hiringcenter-mcp call <tool> --help`: the tool's arguments (required
 * first), what each accepts — the same table the schemas and error messages
 * use — and one example call to copy.
 */
export function toolHelp(tool: ToolDefinition, invokedAs = 'hiringcenter-mcp', now: number = Date.now()): string {
  const shape = tool.inputSchema.shape;
  const names = Object.keys(shape);
  const required = requiredArguments(tool);
  const optional = names.filter((name) => !required.includes(name));
  const width = Math.max(...names.map((name) => name.length));
  const row = (name: string) => {
    const argument = ARGUMENTS[name as ArgumentName];
    return `  ${name.padEnd(width)}  ${argument ? `${argument.about} Send ${argument.send}.` : (shape[name]?.description ?? '')}`;
  };
  return [
    `${tool.name} — ${tool.title}`,
    '',
    tool.description,
    '',
    'Required arguments:',
    ...(required.length ? required.map(row) : ['  (none)']),
    '',
    'Optional arguments:',
    ...(optional.length ? optional.map(row) : ['  (none)']),
    '',
    "Example (its ids are the sandbox's: add --sandbox to try it on sample data):",
    `  ${invokedAs} call ${tool.name} '${JSON.stringify(exampleArguments(tool, now))}'`,
    '',
  ].join('\n');
}
