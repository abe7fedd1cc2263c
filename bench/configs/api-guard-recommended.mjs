// api-guard's `recommended` config, from the built plugin as users load it (the package entry, `dist/bundle`), untyped (per-file mode).
import plugin from '../../dist/bundle/index.js';
import { parserOnly } from './floor.mjs';

export default [parserOnly, plugin.configs.recommended];
