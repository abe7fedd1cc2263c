// eslint-plugin-security, its recommended config.
import security from 'eslint-plugin-security';
import { parserOnly } from './floor.mjs';

export default [parserOnly, security.configs.recommended];
