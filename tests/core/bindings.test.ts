import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getFileBindings } from '../../src/core/bindings.js';

function bind(code: string, fileName = 'file.ts') {
  return getFileBindings(ts, ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true));
}

describe('getFileBindings', () => {
  it('reads ESM default, named, renamed and namespace imports', () => {
    const { imports } = bind(`
      import express, { Router as R } from 'express';
      import * as svc from './svc.js';
    `);
    expect(imports.get('express')).toMatchObject({ module: 'express', imported: 'default' });
    expect(imports.get('R')).toMatchObject({ module: 'express', imported: 'Router' });
    expect(imports.get('svc')).toMatchObject({ module: './svc.js', imported: '*' });
  });

  it('reads CommonJS requires, destructured requires and member requires', () => {
    const { imports } = bind(
      `
      const express = require('express');
      const { Router, json: parseJson } = require('express');
      const authenticate = require('./auth').authenticate;
      import fs = require('fs');
    `,
      'file.js',
    );
    expect(imports.get('express')).toMatchObject({ module: 'express', imported: '*' });
    expect(imports.get('Router')).toMatchObject({ module: 'express', imported: 'Router' });
    expect(imports.get('parseJson')).toMatchObject({ module: 'express', imported: 'json' });
    expect(imports.get('authenticate')).toMatchObject({ module: './auth', imported: 'authenticate' });
    expect(imports.get('fs')).toMatchObject({ module: 'fs', imported: '*' });
  });

  it('reads ESM exports: declarations, default, lists and re-exports', () => {
    const { exports, declarations } = bind(`
      export const usersRouter = makeRouter();
      export function createApp() {}
      const hidden = 1;
      export { hidden as visible };
      export { a as b } from './other.js';
      export * from './all.js';
      export default usersRouter;
    `);
    const names = exports.map((e) => e.exported);
    expect(names).toEqual(['usersRouter', 'createApp', 'visible', 'b', '*', 'default']);
    expect(exports.find((e) => e.exported === 'visible')?.local).toBe('hidden');
    expect(exports.find((e) => e.exported === 'b')?.from).toEqual({ module: './other.js', imported: 'a' });
    expect(exports.find((e) => e.exported === 'default')?.local).toBe('usersRouter');
    expect(declarations.has('hidden')).toBe(true);
  });

  it('reads CommonJS exports: module.exports = x, object literals and exports.x', () => {
    const { exports } = bind(
      `
      const router = express.Router();
      function authenticate() {}
      module.exports = router;
      module.exports.helper = helper;
      exports.authenticate = authenticate;
    `,
      'file.js',
    );
    expect(exports.find((e) => e.exported === 'default')?.local).toBe('router');
    expect(exports.find((e) => e.exported === 'helper')?.local).toBe('helper');
    expect(exports.find((e) => e.exported === 'authenticate')?.local).toBe('authenticate');
  });

  it('names each property of module.exports = { a, b: c }', () => {
    const { exports } = bind(`module.exports = { requireAuth, check: verifyToken };`, 'file.js');
    expect(exports.find((e) => e.exported === 'requireAuth')?.local).toBe('requireAuth');
    expect(exports.find((e) => e.exported === 'check')?.local).toBe('verifyToken');
  });

  it('reads module.exports = require(x) as a re-export of that module, whole and as its default', () => {
    const { exports } = bind(`module.exports = require('./routes');`, 'index.js');
    expect(exports.find((e) => e.exported === '*')?.from).toEqual({ module: './routes', imported: '*' });
    expect(exports.find((e) => e.exported === 'default')?.from).toEqual({ module: './routes', imported: 'default' });
  });
});
