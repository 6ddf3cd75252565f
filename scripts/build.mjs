// Bundles the bin into one file: faster start (no module resolution across
// node_modules) and nothing to install for npx or a Claude Desktop bundle.
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

// Minified: less to read and parse at every start (the bin is what users run, not what they debug).
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', minify: true, banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } });
// Dev scripts (demo, soak, benchmarks) are bundled too: Node 20 cannot run TypeScript itself.
await build({ ...common, entryPoints: ['scripts/*.ts'], outdir: '.build' });
