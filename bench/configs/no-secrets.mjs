// eslint-plugin-no-secrets, its one rule with default options.
import noSecrets from 'eslint-plugin-no-secrets';
import { parserOnly } from './floor.mjs';

export default [parserOnly, { plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } }];
