// Bundles the bin: faster start (no module resolution across node_modules) and nothing to install for npx or a
// Claude Desktop bundle. dist/cli.js is the bin; dist/http.js, beside it, the hosted server it loads for --http.
//   node scripts/build.mjs              dist/ only (npm run build, prepack, the tests)
//   node scripts/build.mjs <script>     also that dev script (and its fixtures) under .build/: one of DEV_SCRIPTS
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

// tools/list is computed here, once, from the tools' zod schemas, and baked into the bin as the value of
// HIRINGCENTER_PREBUILT_CATALOG (src/mcp/lazy-boundary.ts says why): a starting server then needs no schemas and no
// conversion.
await build({
  ...common,
  stdin: {
    contents:
      "import { describeTools } from './src/mcp/describe-tools.ts'; import { allTools } from './src/tools/index.ts'; process.stdout.write(JSON.stringify(describeTools(allTools)));",
    resolveDir: '.',
    loader: 'ts',
  },
  outfile: '.build/catalog.mjs',
});
const catalog = execFileSync(process.execPath, ['.build/catalog.mjs'], { encoding: 'utf8' });
const prebuiltCatalog = { HIRINGCENTER_PREBUILT_CATALOG: catalog };

// zod's namespace import carries its error messages in ~40 languages (a quarter of the bin, ~12 ms of every
// start spent reading them); nothing here switches language, so only English (zod's default) is bundled.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(builder) {
    builder.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(resolve(dirname(args.path), 'en.js'))};`,
      loader: 'js',
    }));
  },
};

// Minified: less to read and parse at every start (the bin is what users run, not what they debug). No Node flags
// in the shebang: a heap-size flag costs ~7-10 ms of every Node start, ours and the minimal SDK server's alike
// (docs/performance.md); Claude Desktop's bundle passes one, where start-up time matters less than memory.
const shebang = '#!/usr/bin/env node';
const bin = { ...common, minify: true, banner: { js: `${shebang}\n${common.banner.js}` }, plugins: [englishOnlyZod] };
// The hosted server (--http) is a file of its own next to the bin: stdio, the common case, neither reads nor
// parses it at start. It holds only the HTTP layer; every MCP server it serves comes from the bin (one copy of
// each class, so errors keep their identity).
const hostedApart = {
  name: 'hosted-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/transports\/http\/http-server\.js$/ }, () => ({ path: './http.js', external: true }));
  },
};
await build({
  ...bin,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  define: prebuiltCatalog,
  plugins: [englishOnlyZod, hostedApart],
});
await build({
  ...common,
  minify: true,
  entryPoints: ['src/transports/http/http-server.ts'],
  outfile: 'dist/http.js',
  plugins: [englishOnlyZod],
});

// Dev scripts are bundled too (Node 20 cannot run TypeScript itself), each only when asked for.
const DEV_SCRIPTS = ['demo', 'soak', 'bench', 'bench-tokens', 'bench-http', 'scale', 'icon', 'settings', 'test-docker'];
const script = process.argv[2];
if (script) {
  if (!DEV_SCRIPTS.includes(script)) throw new Error(`unknown script "${script}"; one of ${DEV_SCRIPTS.join(', ')}`);
  if (script === 'bench-http') {
    await build({ ...bin, entryPoints: ['scripts/bench-fixtures/minimal-http-server.ts'], outfile: '.build/bench/minimal-http-server.js' });
    await build({ ...common, entryPoints: ['scripts/bench-fixtures/sandbox-server.ts'], outfile: '.build/bench/sandbox-server.js' });
  }
  if (script === 'bench') {
    // The benchmark's comparison server is bundled exactly like ours, so the two start on equal terms.
    await build({ ...bin, entryPoints: ['scripts/bench-fixtures/minimal-sdk-server.ts'], outfile: '.build/bench/minimal-sdk-server.js' });
    await build({ ...bin, entryPoints: ['scripts/bench-fixtures/naive-v2-server.ts'], outfile: '.build/bench/naive-v2-server.js' });
    await build({ ...common, entryPoints: ['scripts/bench-fixtures/sandbox-server.ts'], outfile: '.build/bench/sandbox-server.js' });
  }
  // playwright-core finds its own files at run time, so it is used from node_modules, not bundled.
  await build({ ...common, entryPoints: [`scripts/${script}.ts`], outfile: `.build/${script}.js`, external: ['playwright-core'] });
}
