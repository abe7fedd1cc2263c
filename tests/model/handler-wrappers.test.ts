/**
 * Pass-through handler wrappers: every catalogued package export, under each way it is imported,
 * and a project's own wrappers (arrow, function returning a function, try/catch), resolve to the
 * function they wrap; wrappers that read the request or answer themselves resolve to their own body.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HANDLER_WRAPPER_PACKAGES } from '../../src/catalog/handler-wrappers.js';
import { resolveImplementation } from '../../src/model/implementation.js';

/** The name of the function `wrapped(gate)` (the last statement of `code`) resolves to. */
function resolvedName(code: string): string | undefined {
  const sourceFile = ts.createSourceFile('/app/src/sample.ts', code, ts.ScriptTarget.Latest, true);
  const last = sourceFile.statements[sourceFile.statements.length - 1]!;
  if (!ts.isExpressionStatement(last)) throw new Error('the sample must end with the wrapper call');
  const implementation = resolveImplementation({ ts }, sourceFile, last.expression);
  if (implementation.kind !== 'function') return `(${implementation.kind})`;
  const node = implementation.node;
  if (ts.isFunctionDeclaration(node)) return node.name?.text;
  const parent = node.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : '(anonymous)';
}

const GATE = `function gate(req, res, next) {
  if (!req.headers.authorization) return res.status(401).end();
  next();
}`;

function importOf(module: string, exported: string): string {
  if (exported === 'default') return `import wrapped from '${module}';`;
  if (exported === '*') return `const wrapped = require('${module}');`;
  return `import { ${exported} as wrapped } from '${module}';`;
}

describe('HANDLER_WRAPPER_PACKAGES', () => {
  it('has unique row names', () => {
    expect(new Set(HANDLER_WRAPPER_PACKAGES.map((row) => row.name)).size).toBe(HANDLER_WRAPPER_PACKAGES.length);
  });
  for (const row of HANDLER_WRAPPER_PACKAGES) {
    for (const module of row.modules) {
      for (const exported of row.exports) {
        it(`${row.name}: \`${exported}\` of ${module} runs the wrapped function`, () => {
          expect(resolvedName(`${importOf(module, exported)}\n${GATE}\nwrapped(gate);`)).toBe('gate');
        });
      }
    }
  }
  it('a package outside the catalog stays a package', () => {
    expect(resolvedName(`import wrapped from 'some-wrapper';\n${GATE}\nwrapped(gate);`)).toBe('(package)');
  });
});

describe("a project's own wrappers", () => {
  it.each([
    ['an arrow returning an arrow', 'const wrapped = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);'],
    ['a function returning a function', 'function wrapped(fn) { return function (req, res, next) { fn(req, res, next).catch(next); }; }'],
    ['a try/catch around an awaited call', 'const wrapped = (fn) => async (req, res, next) => { try { await fn(req, res, next); } catch (err) { next(err); } };'],
  ])('%s resolves to the wrapped function', (_name, wrapper) => {
    expect(resolvedName(`${wrapper}\n${GATE}\nwrapped(gate);`)).toBe('gate');
  });

  it.each([
    ['reads the request before calling', 'const wrapped = (fn) => (req, res, next) => { if (!req.user) return res.sendStatus(401); return fn(req, res, next); };'],
    ['answers itself', 'const wrapped = (fn) => (req, res, next) => fn(req, res, next).catch(() => res.status(500).end());'],
    ['calls something other than its parameter', 'const wrapped = (fn) => (req, res, next) => audit(req, res, next);'],
    ['is a factory of a configured middleware', 'const wrapped = (options) => (req, res, next) => { res.set(options); next(); };'],
  ])('a wrapper that %s resolves to its own body', (_name, wrapper) => {
    expect(resolvedName(`${wrapper}\n${GATE}\nwrapped(gate);`)).toBe('wrapped');
  });
});
