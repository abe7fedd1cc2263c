#!/usr/bin/env node
// The README's first command: scan the bundled example apps with the whole-program analyzer and
// print each app's route inventory. The examples carry planted flaws, so findings are expected;
// the demo fails only when the analyzer itself fails (exit code 2 or a crash).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}/dist/src/cli/bin.js`;
const apps = ['examples/express-shop', 'examples/nest-events', 'examples/fastify-library'];

function run(args) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status === null || result.status >= 2) {
    console.error(`api-guard ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  return result.status;
}

console.log('== api-guard scan examples (planted flaws are listed in each app\'s EXPECTED.md)\n');
run(['scan', 'examples', '--no-progress']);
for (const app of apps) {
  console.log(`\n== api-guard routes ${app}\n`);
  run(['routes', app]);
}
