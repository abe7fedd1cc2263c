// The project lints itself: typescript-eslint's recommended rules plus the import guardrails of
// ARCHITECTURE.md (no value import of typescript in the core, ts-morph only in src/project and
// src/cli, @typescript-eslint/* only in the ESLint adapter, the rule kit and rules/), api-guard's
// own recommended config (from the build, so `npm run build` first, as CI does), and
// eslint-plugin-eslint-plugin on the rules and their tests.
import { existsSync } from 'node:fs';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

const builtPlugin = new URL('./dist/src/index.js', import.meta.url);
const apiGuard = existsSync(builtPlugin) ? (await import(builtPlugin.href)).default : undefined;
if (!apiGuard) console.warn("eslint.config.js: dist/ is not built, so api-guard's own rules are not run (npm run build)");

const tsMorphOnlyHere = ['src/project/**', 'src/cli/**'];
const tsEslintOnlyHere = ['src/eslint/**', 'src/rule-kit/**', 'src/index.ts', 'src/configs.ts', 'rules/**'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'examples/**', 'tests/fixtures/**', 'bench/.generated/**', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    ignores: ['src/eslint/typescript.ts', ...tsMorphOnlyHere],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typescript', message: 'Use `import type` and the injected ctx.ts (see ARCHITECTURE.md).', allowTypeImports: true },
            { name: 'ts-morph', message: 'ts-morph is only for src/project and src/cli.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: [...tsEslintOnlyHere],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typescript', message: 'Use `import type` and the injected ctx.ts (see ARCHITECTURE.md).', allowTypeImports: true },
            { name: 'ts-morph', message: 'ts-morph is only for src/project and src/cli.' },
          ],
          patterns: [
            { group: ['@typescript-eslint/*'], message: 'typescript-eslint is only for the ESLint adapter, the rule kit and rules/.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  // api-guard on its own code (tests, fixtures and examples hold planted flaws on purpose).
  ...(apiGuard ? [{ ...apiGuard.configs.recommended, files: ['src/**/*.ts', 'rules/**/*.ts', 'scripts/**/*.{js,mjs}', 'bench/**/*.{js,mjs}'] }] : []),
  // eslint-plugin-eslint-plugin finds rules by their `create` function; api-guard rules declare
  // `detect` and get `create` from the rule kit, so its rule checks have little to see in rules/
  // (tests/rule-meta.test.ts checks rule metadata at run time). Its test checks read our
  // RuleTester factories (createRuleTester, createTypedRuleTester).
  { ...eslintPlugin.configs['rules-recommended'], files: ['rules/**/*.ts'] },
  {
    ...eslintPlugin.configs['tests-recommended'],
    files: ['tests/**/*.test.ts'],
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', /^create\w*RuleTester$/] } },
  },
  {
    files: tsMorphOnlyHere,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'typescript', message: 'Use ts-morph\'s `ts` export or the injected ctx.ts.', allowTypeImports: true }],
          patterns: [{ group: ['@typescript-eslint/*'], message: 'typescript-eslint is only for the ESLint adapter.', allowTypeImports: true }],
        },
      ],
    },
  },
);
