/**
 * Preload (`node --require`) that makes every `require('typescript')` in the process load the
 * package named by `API_GUARD_TEST_TYPESCRIPT` (an npm alias such as `typescript-v5-4`), the way a
 * project with that TypeScript installed would: typescript-eslint's parser and api-guard both ask
 * for `typescript` through CommonJS resolution, so both get the same older TypeScript.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded before any module system hook */
const Module = require('node:module');
const path = require('node:path');

const alias = process.env.API_GUARD_TEST_TYPESCRIPT;
if (alias) {
  const root = path.dirname(require.resolve(`${alias}/package.json`));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveTypeScript(request, parent, isMain, options) {
    if (request === 'typescript') return resolve.call(this, root, parent, isMain, options);
    if (request.startsWith('typescript/')) return resolve.call(this, path.join(root, request.slice('typescript/'.length)), parent, isMain, options);
    return resolve.call(this, request, parent, isMain, options);
  };
}
