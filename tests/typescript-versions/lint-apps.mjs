/**
 * Child process of typescript-versions.test.ts: lints the example apps untyped and a fixture app
 * with typed linting (`projectService`), with the built plugin, and prints one JSON object: the
 * TypeScript the parser and the plugin loaded, and every message as `app:file:line:column rule text`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import(path.join(root, 'dist/bundle/index.js'))).default;

const estreeTypeScript = createRequire(require.resolve('@typescript-eslint/typescript-estree'))('typescript');

const targets = [
  { name: 'express-shop', dir: 'examples/express-shop', typed: false },
  { name: 'nest-events', dir: 'examples/nest-events', typed: false },
  { name: 'fastify-library', dir: 'examples/fastify-library', typed: false },
  { name: 'express-ts (typed)', dir: 'tests/fixtures/apps/express-ts', typed: true },
  { name: 'nest-monorepo (typed)', dir: 'tests/fixtures/apps/nest-monorepo', typed: true },
];

const messages = [];
const warnings = [];
process.on('warning', (w) => warnings.push(String(w.message)));
for (const target of targets) {
  const cwd = path.join(root, target.dir);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,js,mjs,cjs}'],
        languageOptions: { parser: tsParser, parserOptions: target.typed ? { projectService: true, tsconfigRootDir: cwd } : {} },
      },
      plugin.configs.recommended,
    ],
  });
  for (const result of await eslint.lintFiles(['.'])) {
    for (const m of result.messages) {
      messages.push(`${target.name}:${path.relative(cwd, result.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`);
    }
  }
}
process.stdout.write(JSON.stringify({ typescript: estreeTypeScript.version, messages: messages.sort(), warnings }));
