// The floor: ESLint parsing every file with the typescript-eslint parser and running no rule.
import tsParser from '@typescript-eslint/parser';

export const parserOnly = {
  name: 'bench/typescript-parser',
  files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
  languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};

export default [parserOnly];
