// eslint-plugin-sonarjs, its recommended config (untyped: rules that need type information skip).
import sonarjs from 'eslint-plugin-sonarjs';
import { parserOnly } from './floor.mjs';

export default [parserOnly, sonarjs.configs.recommended];
