// npm run lint: typescript-eslint's recommended rules, and what this project adds to them.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers, and what each may import from the rest of src (besides itself and the shared leaves below). Data flows
// one way: cli -> config / transports / mcp -> prompts / resources / tools -> api / format / time; oauth and the
// sandbox stand apart. Checked on every file, nested folders and root files included, by where an import lands.
const MAY_IMPORT = {
  api: [],
  time: [],
  format: ['api', 'time'],
  tools: ['api', 'format', 'time'],
  prompts: ['time', 'tools'],
  resources: ['prompts', 'tools'],
  mcp: ['api', 'format', 'time', 'tools', 'prompts', 'resources'],
  oauth: ['api', 'format'],
  transports: ['api', 'oauth'],
  sandbox: ['api'],
};
// Root files only the bin side imports; the others (input-error, log, version, bounded-cache, byte-size, hosted-limits, loopback, result,
// telemetry, trace-context) any layer may.
const ENTRY = ['cli', 'config', 'call-once', 'tool-help', 'secret-strength'];
// What each root file may import from the layers.
const ROOT_FILES = {
  cli: Object.keys(MAY_IMPORT),
  'input-error': [],
  version: [],
  'bounded-cache': [],
  'byte-size': [],
  'hosted-limits': [],
  loopback: [],
  result: [],
  telemetry: [],
  'trace-context': [],
  'secret-strength': [],
  log: ['api', 'format'],
  'tool-help': ['tools'],
  'call-once': [],
  config: ['api', 'oauth'],
};

const layers = Object.keys(MAY_IMPORT);

// Every folder and root file of src must be placed above: one that is not would escape the boundaries unseen.
const src = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true });
const unplaced = [
  ...src.filter((entry) => entry.isDirectory() && !(entry.name in MAY_IMPORT)),
  ...src.filter((entry) => entry.isFile() && !(entry.name.replace(/\.ts$/, '') in ROOT_FILES)),
].map((entry) => `src/${entry.name}`);
if (unplaced.length) throw new Error(`eslint.config.mjs: place ${unplaced.join(', ')} in MAY_IMPORT or ROOT_FILES`);

// The SDK imports zod as 'zod/v4'; a bare 'zod' import bundles a second copy of it (+89 KB in dist/cli.js, read at every
// start). Same package, same version, one copy.
const ZOD = { name: 'zod', message: "Import 'zod/v4', as the SDK does: 'zod' puts a second copy of zod in the bundle." };
const either = (names) => `(?:${names.join('|')})`;
/** no-restricted-imports: files under src/<layer>/ (any depth), or a root file (`fromRoot`), may import only `allowed` layers. */
function boundary(files, allowed, fromRoot) {
  const forbidden = layers.filter((layer) => !allowed.includes(layer));
  const climb = fromRoot ? '\\./' : '(?:\\.\\./)+';
  const message = `Layering: ${files} may import only ${allowed.join(', ') || 'no layer'} from src (eslint.config.mjs).`;
  const patterns = forbidden.length ? [{ regex: `^${climb}${either(forbidden)}/`, message }] : [];
  if (!fromRoot) patterns.push({ regex: `^${climb}${either(ENTRY)}\\.js$`, message: 'Only the bin side imports the entry files.' });
  return { files: [files], rules: { 'no-restricted-imports': ['error', { paths: [ZOD], patterns }] } };
}

export default defineConfig(
  { ignores: ['dist/', '.build/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // stdout is the MCP protocol: the server never writes to it (the guard test checks the bin's few exceptions).
  { files: ['src/**/*.ts'], rules: { 'no-console': 'error' } },
  // Values from the model, the API and HTTP callers are checked, never asserted: no `!`, no double cast through unknown.
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
          message: 'No `as unknown as`: parse the value (zod) or narrow it.',
        },
      ],
    },
  },
  ...layers.map((layer) => boundary(`src/${layer}/**/*.ts`, MAY_IMPORT[layer], false)),
  ...Object.entries(ROOT_FILES).map(([name, allowed]) => boundary(`src/${name}.ts`, allowed, true)),
);
