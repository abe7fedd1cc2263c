/**
 * Pass-through handler wrappers: every catalogued package export, under each way it is imported,
 * and a project's own wrappers (arrow, function returning a function, try/catch), resolve to the
 * function they wrap; wrappers that read the request or answer themselves resolve to their own body.
 * A registration argument that names a handler declared through a wrapper in another file
 * (`authController.register` with `const register = catchAsync(...)`) resolves to the handler.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { HANDLER_WRAPPER_PACKAGES } from '../../src/catalog/handler-wrappers.js';
import { resolveRegisteredHandler } from '../../src/model/handler-wrappers.js';
import { resolveImplementation } from '../../src/model/implementation.js';
import { createProjectIndex } from '../../src/project/project-index.js';

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

describe('the handler a registration argument runs', () => {
  /** The name of the function `resolveRegisteredHandler` finds for the last argument of the last `router.post(...)` in `routes`. */
  function registeredName(files: Record<string, string>, routes: string): string | undefined {
    const sourceFiles = Object.entries(files).map(([name, text]) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
    const project = createProjectIndex({
      ts,
      sourceFiles,
      compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true },
      fileExists: (f) => f in files,
    });
    const file = sourceFiles.find((f) => f.fileName === routes)!;
    const last = file.statements[file.statements.length - 1]!;
    if (!ts.isExpressionStatement(last) || !ts.isCallExpression(last.expression)) throw new Error('the routes file must end with a registration');
    const args = last.expression.arguments;
    const fn = resolveRegisteredHandler({ ts, project }, args[args.length - 1]!);
    if (!fn) return undefined;
    const holder = fn.parent.parent;
    return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? `${holder.name.text}'s ${ts.isArrowFunction(fn) ? 'arrow' : 'function'}` : '(other)';
  }

  const CATCH_ASYNC = `const catchAsync = (fn) => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch(next); };\nmodule.exports = catchAsync;`;
  const WITH_AUTH = `const withAuth = (fn) => (req, res, next) => { if (!req.user) return res.sendStatus(401); return fn(req, res, next); };\nmodule.exports = withAuth;`;
  const controller = (wrapper: string): string =>
    `const ${wrapper} = require('../utils/${wrapper}');\nconst register = ${wrapper}(async (req, res) => { res.json(req.body); });\nmodule.exports = { register };`;
  const ROUTES = `const authController = require('../controllers/auth.controller');\nrouter.post('/register', validate(schema), authController.register);`;

  it('sees through a wrapper applied where the handler is declared, in another file (CommonJS)', () => {
    expect(
      registeredName(
        { '/app/src/utils/catchAsync.js': CATCH_ASYNC, '/app/src/controllers/auth.controller.js': controller('catchAsync'), '/app/src/routes/auth.route.js': ROUTES },
        '/app/src/routes/auth.route.js',
      ),
    ).toBe("register's arrow");
  });

  it('does not see through a wrapper that reads the request itself', () => {
    expect(
      registeredName(
        { '/app/src/utils/withAuth.js': WITH_AUTH, '/app/src/controllers/auth.controller.js': controller('withAuth'), '/app/src/routes/auth.route.js': ROUTES },
        '/app/src/routes/auth.route.js',
      ),
    ).toBeUndefined();
  });
});
