// api-guard's `recommended` config, from the built plugin (npm run build), untyped (per-file mode).
import plugin from '../../dist/src/index.js';
import { parserOnly } from './floor.mjs';

export default [parserOnly, plugin.configs.recommended];
