// The floor plus one rule that does nothing: what ESLint itself costs once any rule is enabled
// (it then builds the traversal of every file and runs it), a cost every plugin pays.
import { parserOnly } from './floor.mjs';

const noop = { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) };

export default [parserOnly, { name: 'bench/one-noop-rule', plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }];
