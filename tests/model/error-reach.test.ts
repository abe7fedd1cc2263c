/**
 * The reach gate of no-verbose-errors (`mayCarryCaughtError`): false only for functions no caught
 * error can get to. The positives are the ways the flow engine carries an error (the same region,
 * a closure, a parameter, a returned value, a class field); the negatives are what the gate exists
 * for (a controller method returning a service's result, a handler without a catch).
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mayCarryCaughtError } from '../../src/model/error-reach.js';
import { projectContexts } from '../flow/flow-test-kit.js';
import { createRuleTester } from '../utils/rule-tester.js';
import rule from '../../rules/no-verbose-errors.js';
import type { RuleTester } from '@typescript-eslint/rule-tester';

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('file.ts', code, ts.ScriptTarget.Latest, true);
}

/** The verdict for the function whose text starts with `marker`, or the route handler registered for the path `marker`. */
function verdict(code: string, marker: string): boolean {
  const file = parse(code);
  let found: ts.FunctionLikeDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const routeOf = ts.isArrowFunction(node) && ts.isCallExpression(node.parent) ? node.parent.arguments[0]?.getText(file) : undefined;
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node)) && (routeOf === marker || node.getText(file).split('\n')[0]!.startsWith(marker))) {
      found = node as ts.FunctionLikeDeclaration;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error(`no function for ${marker}`);
  return mayCarryCaughtError(ts, found, undefined);
}

describe('mayCarryCaughtError', () => {
  it('is true where the engine can carry an error', () => {
    // The same statement: the handler catches.
    expect(verdict(`router.get('/a', async (req, res) => { try { await run(); } catch (err) { res.json({ e: err.message }); } });`, `'/a'`)).toBe(true);
    // A closure inside the statement that catches.
    expect(verdict(`app.get('/b', (req, res) => { run().catch((err) => { [1].forEach(() => res.send(err.stack)); }); });`, '() => res.send(err')).toBe(true);
    // A helper with a parameter a caller in the file fills.
    expect(
      verdict(
        `function sendError(res, error) { res.status(500).json({ message: error.message }); }
         app.get('/s', async (req, res) => { try { await run(); } catch (err) { sendError(res, err); } });`,
        'function sendError',
      ),
    ).toBe(true);
    // A callback the engine runs with a value: \`p.then(fn)\`.
    expect(verdict(`function show(value) { return value; } load().then(show);`, 'function show')).toBe(true);
    // Logged, and also stored where another function of the statement reads it.
    expect(
      verdict(
        `function routes(app) { let last;
           app.get('/l', async (req, res) => { try { await run(); } catch (err) { console.error(err); last = err; } });
           app.get('/m', (req, res) => { res.json({ last }); }); }`,
        `'/m'`,
      ),
    ).toBe(true);
    // A logging call whose value is read is not only logging.
    expect(verdict(`app.get('/o', (req, res) => { try { run(); } catch (err) { res.json(logger.error(err)); } });`, `'/o'`)).toBe(true);
    // A receiver not named like a logger is a call the engine may follow.
    expect(
      verdict(
        `const auditLog = { error(e) { return e; } };
         function route(app) { app.get('/p', (req, res) => { try { run(); } catch (err) { auditLog.error(err); } });
           app.get('/q', (req, res) => { res.json(stats()); }); }`,
        `'/q'`,
      ),
    ).toBe(true);
    // One named like a logger whose method is in view is followed by the engine too, so it counts...
    expect(
      verdict(
        `const auditLogger = { error(e) { return e; } };
         function route(app) { app.get('/p', (req, res) => { try { run(); } catch (err) { auditLogger.error(err); } });
           app.get('/q', (req, res) => { res.json(stats()); }); }`,
        `'/q'`,
      ),
    ).toBe(true);
    // A function returning what a catching helper returns.
    expect(
      verdict(
        `function lastFailure() { try { return check(); } catch (e) { return e.stack; } }
         app.get('/c', (req, res) => { res.json(lastFailure()); });`,
        `'/c'`,
      ),
    ).toBe(true);
    // Transitively: a wrapper around the catching helper.
    expect(
      verdict(
        `function inner() { try { return check(); } catch (e) { return e.message; } }
         function outer() { return inner(); }
         app.get('/d', (req, res) => { res.json(outer()); });`,
        `'/d'`,
      ),
    ).toBe(true);
    // The same decorated method, also called from code with a caught error.
    expect(
      verdict(
        `@Controller('users') class UsersController {
           @Get(':id') one(@CurrentUser() user: JwtUser) { return user; }
           retry() { try { run(); } catch (e) { return this.one(e); } } }`,
        `@Get(':id') one`,
      ),
    ).toBe(true);
    // Module-level code caught an error at start-up; every function closes over its variables.
    expect(
      verdict(
        `let startupError; try { init(); } catch (e) { startupError = e.stack; }
         app.get('/health', (req, res) => { res.json({ error: startupError }); });`,
        `'/health'`,
      ),
    ).toBe(true);
    // Another method of the same class stores the error in a field.
    expect(
      verdict(
        `class Health { last; async probe() { try { await ping(); } catch (e) { this.last = e; } }
           status() { return this.last; } }`,
        'status()',
      ),
    ).toBe(true);
  });

  it('is false where no error can arrive', () => {
    expect(verdict(`app.get('/e', async (req, res) => { res.json(await listUsers(req.query.page)); });`, `'/e'`)).toBe(false);
    // ...while the same logger imported from elsewhere (no method in view) only logs.
    expect(
      verdict(
        `import { auditLogger } from './log';
         function route(app) { app.get('/p', (req, res) => { try { run(); } catch (err) { auditLogger.error(err); } });
           app.get('/q', (req, res) => { res.json(stats()); }); }`,
        `'/q'`,
      ),
    ).toBe(false);
    expect(
      verdict(
        `@Controller('users') class UsersController { constructor(private readonly users: UsersService) {}
           @Get(':id') find(@Param('id') id: string) { return this.users.find(id); } }`,
        `@Get(':id') find`,
      ),
    ).toBe(false);
    // Express's usual `catch (err) { next(err) }`: the error goes to Express, not to this response.
    expect(verdict(`router.get('/n', async (req, res, next) => { try { res.json(await listUsers()); } catch (err) { next(err); } });`, `'/n'`)).toBe(false);
    // A Nest route method whose parameters Nest fills, through a custom decorator too.
    expect(
      verdict(
        `@Controller('users') class UsersController { constructor(private readonly users: UsersService) {}
           @Get(':id') one(@CurrentUser() user: JwtUser, @Param('id') id: string) { return this.users.find(user.id, id); } }`,
        `@Get(':id') one`,
      ),
    ).toBe(false);
    // Without a project index, a parameter nothing in the file fills stays empty: an exported helper...
    expect(verdict(`export function sendError(res, error) { res.status(500).json({ message: error.message }); }`, 'export function sendError')).toBe(false);
    // ...and a Fastify plugin's instance, whose handlers only log what they catch.
    expect(
      verdict(
        `export default async function routes(fastify) {
           fastify.get('/r', async (request) => service.list(request.user.sub));
           fastify.post('/r/sync', async (request, reply) => {
             try { return await service.sync(); } catch (err) { request.log.error({ err }, 'sync failed'); return reply.code(502).send({ error: 'Upstream unavailable' }); }
           });
         }`,
        `'/r'`,
      ),
    ).toBe(false);
    // Only logged (a field, in a template, through Nest's logger): the error goes nowhere the engine follows.
    expect(
      verdict(
        `class Jobs { constructor(private readonly logger: Logger) {}
           async run() { try { await work(); } catch (e) { this.logger.error(\`job failed: \${e.message}\`); } }
           status() { return this.state; } }`,
        'status()',
      ),
    ).toBe(false);
    // A catch in another statement of the file does not reach this handler.
    expect(
      verdict(
        `app.get('/f', async (req, res) => { try { await run(); } catch (err) { res.sendStatus(500); } });
         app.get('/g', async (req, res) => { res.json(await stats()); });`,
        `'/g'`,
      ),
    ).toBe(false);
  });
});

describe('mayCarryCaughtError with a project index', () => {
  const files: Record<string, string> = {
    '/app/src/errors.ts': `export function sendError(res, error) { res.status(500).json({ message: error.message }); }
export function describeFailure(error) { return { message: error.message }; }`,
    '/app/src/users.ts': `import { sendError } from './errors.js';
export function mount(app) { app.get('/u', async (req, res) => { try { await run(); } catch (err) { sendError(res, err); } }); }`,
    '/app/src/jobs.ts': `import { describeFailure } from './errors.js';
export function report(job) { return job.catch(() => undefined).then(describeFailure); }`,
    '/app/src/items.routes.ts': `export default async function routes(fastify) {
  fastify.get('/items', async (request) => service.list(request.user.sub));
}`,
    '/app/src/app.ts': `import routes from './items.routes.js';
const app = Fastify(); app.register(routes);`,
  };
  const contextOf = projectContexts(files);
  const index = contextOf('/app/src/app.ts').project;
  const fnIn = (fileName: string, marker: string): ts.FunctionLikeDeclaration => {
    const file = contextOf(fileName).sourceFile;
    let found: ts.FunctionLikeDeclaration | undefined;
    const visit = (node: ts.Node): void => {
      if (!found && (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node)) && node.getText(file).startsWith(marker)) found = node;
      else ts.forEachChild(node, visit);
    };
    visit(file);
    return found!;
  };

  it('opens a parameter a call in another file fills', () => {
    expect(mayCarryCaughtError(ts, fnIn('/app/src/errors.ts', 'export function sendError'), index)).toBe(true);
    // Per-file, nothing in errors.ts calls it.
    expect(mayCarryCaughtError(ts, fnIn('/app/src/errors.ts', 'export function sendError'), undefined)).toBe(false);
  });

  it('opens a parameter of a callback another file passes to .then', () => {
    expect(mayCarryCaughtError(ts, fnIn('/app/src/errors.ts', 'export function describeFailure'), index)).toBe(true);
  });

  it('keeps a plugin that is only registered closed', () => {
    expect(mayCarryCaughtError(ts, fnIn('/app/src/items.routes.ts', 'async (request)'), index)).toBe(false);
  });
});

// End to end: the gate never hides a finding the rule made before it existed.
createRuleTester().run('no-verbose-errors (reach gate)', rule as unknown as Parameters<RuleTester['run']>[1], {
  valid: [
    {
      name: 'a Fastify plugin whose only catch logs the error and sends a generic message',
      code: `
        export default async function routes(fastify) {
          fastify.get('/items', async (request) => service.list(request.user.sub));
          fastify.post('/items/sync', async (request, reply) => {
            try { return await service.sync(); } catch (err) { request.log.error({ err }, 'sync failed'); return reply.code(502).send({ error: 'Upstream unavailable' }); }
          });
        }
      `,
    },
    {
      name: 'a route without a catch next to one that logs',
      code: `
        app.get('/f', async (req, res) => { try { await run(); } catch (err) { console.error(err); res.sendStatus(500); } });
        app.get('/g', async (req, res) => { res.json(await stats()); });
      `,
    },
  ],
  invalid: [
    {
      name: 'a Fastify plugin: the handler that logs a caught error also sends it',
      code: `
        export default async function routes(fastify) {
          fastify.get('/items', async (request) => service.list(request.user.sub));
          fastify.post('/items/sync', async (request, reply) => {
            try { return await service.sync(); } catch (err) { request.log.error({ err }, 'sync failed'); return reply.code(502).send({ error: err.message }); }
          });
        }
      `,
      errors: [{ messageId: 'errorReachesResponse' }],
    },
    {
      name: 'logged, then sent by the same handler',
      code: `
        app.post('/sync', async (req, res) => { try { await run(); } catch (err) { logger.warn(err.message); res.status(500).json({ stack: err.stack }); } });
      `,
      errors: [{ messageId: 'errorReachesResponse' }],
    },
    {
      name: 'a helper two calls away returns the stack',
      code: `
        function inner() { try { return check(); } catch (e) { return e.stack; } }
        function outer() { return inner(); }
        app.get('/d', (req, res) => { res.json(outer()); });
      `,
      errors: [{ messageId: 'errorReachesResponse' }],
    },
    {
      name: 'a start-up error caught at module level, sent by a health route in another statement',
      code: `
        let startupError;
        try { init(); } catch (e) { startupError = e.stack; }
        app.get('/health', (req, res) => { res.json({ error: startupError }); });
      `,
      errors: [{ messageId: 'errorReachesResponse' }],
    },
    {
      name: 'a helper receives the error from a route that catches',
      code: `
        function sendError(res, error) { res.status(500).json({ message: error.stack }); }
        app.get('/h', async (req, res) => { try { await run(); } catch (err) { sendError(res, err); } });
      `,
      errors: [{ messageId: 'errorReachesResponse' }],
    },
  ],
});
