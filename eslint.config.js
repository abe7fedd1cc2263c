// The project lints itself: typescript-eslint's recommended rules plus the import guardrails of
// ARCHITECTURE.md (no value import of typescript in the core, ts-morph only in src/project and
// src/cli, @typescript-eslint/* only in the ESLint adapter, the rule kit and rules/).
import tseslint from 'typescript-eslint';

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
