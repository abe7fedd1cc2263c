/**
 * Handler recognition (src/model/handlers.ts), request sources and response sinks on small files.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { walkDescendants } from '../../src/core/walk.js';
import { getHandlers, getNextCalls } from '../../src/model/handlers.js';
import { getRequestSources } from '../../src/model/request-sources.js';
import { getResponseSinks } from '../../src/model/response-sinks.js';

function parse(code: string, fileName = '/app/src/sample.ts'): ts.SourceFile {
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
}

function handlersOf(code: string) {
  const sf = parse(code);
  return getHandlers(ts, sf).map((h) => ({
    framework: h.framework,
    role: h.role,
    evidence: h.evidence,
    route: h.route,
    request: h.request?.name.getText(sf),
    response: h.response?.name.getText(sf),
    next: h.next?.name.getText(sf),
    error: h.error?.name.getText(sf),
  }));
}

describe('getHandlers', () => {
  it('finds route handlers and middleware registered on an app or router', () => {
    expect(handlersOf(`router.post('/users', requireAuth, async (req, res) => { res.json({}); });`)).toEqual([
      { framework: 'express', role: 'route', evidence: 'registration', route: 'POST /users', request: 'req', response: 'res', next: undefined, error: undefined },
    ]);
    expect(handlersOf(`app.use((req, res, next) => next());`)[0]).toMatchObject({ role: 'middleware', next: 'next' });
  });
  it('follows functions registered by name and router.route chains', () => {
    expect(handlersOf(`function list(req, res) { return 1; }\nrouter.route('/items').get(list);`)[0]).toMatchObject({ route: 'GET /items', evidence: 'registration' });
  });
  it('finds Fastify handlers, route options and hooks', () => {
    const fastify = handlersOf(`import Fastify from 'fastify';
const app = Fastify();
app.get('/a', { schema: {} }, async (request, reply) => ({}));
app.route({ method: 'POST', url: '/b', preHandler: (request, reply, done) => done(), handler: async (request) => request.body });
app.addHook('onRequest', async (request, reply) => {});
app.setErrorHandler((error, request, reply) => reply.send({}));`);
    expect(fastify.map((h) => [h.framework, h.role, h.route])).toEqual([
      ['fastify', 'route', 'GET /a'],
      ['fastify', 'route', 'POST /b'],
      ['fastify', 'hook', undefined],
      ['fastify', 'hook', undefined],
      ['fastify', 'error', undefined],
    ]);
    expect(fastify[4]).toMatchObject({ error: 'error', request: 'request', response: 'reply' });
  });
  it('finds functions typed with Express or Fastify types', () => {
    expect(handlersOf(`import { Request, Response } from 'express';\nexport const getUser = async (req: Request, res: Response) => {};`)[0]).toMatchObject({ evidence: 'types', framework: 'express' });
    expect(handlersOf(`import type { FastifyRequest } from 'fastify';\nexport async function h(request: FastifyRequest) {}`)[0]).toMatchObject({ evidence: 'types', framework: 'fastify' });
  });
  it('does not take the fetch API Request type for a handler', () => {
    expect(handlersOf(`export async function GET(request: Request) { return new Response('x'); }`)).toEqual([]);
  });
  it('finds Express four-argument error handlers', () => {
    expect(handlersOf(`export function onError(err, req, res, next) { res.status(500).end(); }`)[0]).toMatchObject({ role: 'error', error: 'err', request: 'req', response: 'res', next: 'next' });
  });
  it('finds Nest route methods with the controller path', () => {
    const nest = handlersOf(`@Controller('users')
export class UsersController {
  @Get(':id') find(@Param('id') id: string, @Req() req: any) {}
  helper() {}
}`);
    expect(nest).toEqual([{ framework: 'nest', role: 'route', evidence: 'nest-decorator', route: 'GET /users/:id', request: 'req', response: undefined, next: undefined, error: undefined }]);
  });
  it('takes untyped (req, res) functions that answer through res, or are exported', () => {
    expect(handlersOf(`function handler(req, res) { res.json({ ok: true }); }`)[0]).toMatchObject({ evidence: 'convention' });
    expect(handlersOf(`export function auth(req, res, next) { if (!req.user) return res.sendStatus(401); next(); }`)[0]).toMatchObject({ role: 'middleware' });
    expect(handlersOf(`function notAHandler(req, res) { return compare(req, res); }`)).toEqual([]);
    expect(handlersOf(`function send(req) { return fetch(req.url); }`)).toEqual([]);
  });
  it('ignores look-alike registrations', () => {
    expect(handlersOf(`cache.get('k'); map.delete('k'); emitter.use(plugin);`)).toEqual([]);
  });
  it('lists the calls of next', () => {
    const sf = parse(`app.use((req, res, next) => { if (x) return next(new Error('x')); next(); });`);
    expect(getNextCalls(ts, getHandlers(ts, sf)[0]!).map((c) => c.getText(sf))).toEqual([`next(new Error('x'))`, 'next()']);
  });
});

describe('getRequestSources', () => {
  it('lists the outermost request reads and Nest input parameters', () => {
    const sf = parse(`app.post('/x', (req, res) => { use(req.body.user.name, req.get('host'), req.query); res.end(); });
@Controller('c') class C { @Post() m(@Body() dto: Dto, @Query('q') q: string, @Ip() ip: string) {} }`);
    expect(getRequestSources(ts, sf).map((s) => [s.label, s.kind])).toEqual([
      ['req.body', 'body'],
      ["req.get('host')", 'headers'],
      ['req.query', 'query'],
      ['dto', 'body'],
      ["@Query('q')", 'query'],
    ]);
  });
});

describe('getResponseSinks', () => {
  it('finds sends through chained setters, Fastify returns, Nest returns and throws', () => {
    const sf = parse(`import Fastify from 'fastify';
app.get('/a', (req, res) => { res.status(500).json({ error: 'x' }); res.render('page', { user: 1 }); });
fastify.get('/b', async (request, reply) => { if (x) return reply.code(404).send({}); return { ok: true }; });
@Controller('c') class C {
  @Get() m() { if (y) throw new BadRequestException('bad'); return { ok: 1 }; }
  @Get('raw') r(@Res() res) { res.send('x'); return 1; }
}`);
    const sinks = getResponseSinks(ts, sf).map((s) => [s.kind, s.label, s.payload.map((p) => p.getText(sf)).join(',')]);
    expect(sinks).toEqual([
      ['send', 'res.status(500).json', "{ error: 'x' }"],
      ['render', 'res.render', '{ user: 1 }'],
      ['send', 'reply.code(404).send', '{}'],
      ['return', 'return', '{ ok: true }'],
      ['throw', 'throw new BadRequestException', "'bad'"],
      ['return', 'return', '{ ok: 1 }'],
      ['send', 'res.send', "'x'"],
    ]);
  });
  it('finds responses taken from an exception filter host', () => {
    const sf = parse(`@Catch() export class F { catch(e, host) { const res = host.switchToHttp().getResponse(); res.status(500).json({ message: e.message }); } }`);
    expect(getResponseSinks(ts, sf).map((s) => s.label)).toEqual(['res.status(500).json']);
  });
  it('ignores sends on other objects', () => {
    const sf = parse(`socket.send('x'); logger.json({}); app.get('/x', (req, res) => { queue.write(req.body); res.end(); });`);
    expect(getResponseSinks(ts, sf).map((s) => s.label)).toEqual(['res.end']);
  });
});

it('walks every node once', () => {
  let count = 0;
  walkDescendants(ts, parse('a(b, c);'), () => {
    count++;
  });
  expect(count).toBeGreaterThan(3);
});
