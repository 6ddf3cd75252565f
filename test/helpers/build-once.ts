import { execFileSync } from 'node:child_process';

// The stdio tests spawn dist/cli.js, the file users run: build it from the current sources first.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
