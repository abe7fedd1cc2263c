/**
 * The flow engine on a toy spec: the sink is the first argument of `sink(...)`, `clean(x)` is a
 * barrier, `isOk(x)` is a guard (true means clean). Each case names the propagation or the stop it shows.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findFlows, type Flow, type FlowSpec } from '../../src/flow/engine.js';
import { fileContext, projectContexts, toySpec } from './flow-test-kit.js';

const spec = toySpec();

interface Seen {
  source: string;
  kind?: string;
  part: string;
  line: number;
  steps: string[];
}

function describeFlow(f: Flow): Seen {
  const sf = f.sink.node.getSourceFile();
  return { source: f.source.label, part: f.part, line: sf.getLineAndCharacterOfPosition(f.sink.node.getStart(sf)).line + 1, steps: f.steps.map((s) => s.label) };
}

function flowsOf(code: string, withSpec: FlowSpec = spec): Seen[] {
  return findFlows(fileContext(code), withSpec).map(describeFlow);
}

function sourcesOf(code: string, withSpec: FlowSpec = spec): string[] {
  return flowsOf(code, withSpec).map((f) => f.source);
}

/** Wraps statements in an Express handler. */
const h = (body: string): string => `app.post('/x', async (req, res) => {\n${body}\n  res.end();\n});`;

describe('sources', () => {
  it('follows a request read into a sink in an Express handler', () => {
    expect(flowsOf(`app.get('/x', (req, res) => { const u = req.query.url; sink(u); res.send('ok'); });`)).toEqual([
      { source: 'req.query.url', part: 'whole', line: 1, steps: [] },
    ]);
  });
  it('reads destructured request parameters', () => {
    expect(sourcesOf(`app.post('/x', ({ body }, res) => { sink(body.url); res.end(); });`)).toEqual(['body.url']);
  });
  it('reads header methods of the request', () => {
    expect(sourcesOf(h(`sink(req.get('x-forwarded-host'));`))).toEqual(["req.get('x-forwarded-host')"]);
  });
  it('reads request.raw in Fastify', () => {
    expect(sourcesOf(`fastify.get('/x', async (request, reply) => { sink(request.raw.url); });`)).toEqual(['request.raw.url']);
  });
  it('ignores server-set request properties', () => {
    expect(sourcesOf(h(`sink(req.ip); sink(req.user.id); sink(req.session.token);`))).toEqual([]);
  });
  it('reads Nest parameter decorators', () => {
    const code = `@Controller('c') class C {
  @Post() m(@Body() body: Dto, @Param('id') id: string, @Headers('x-target') target: string) { sink(body.url); sink(id); sink(target); }
}`;
    expect(sourcesOf(code)).toEqual(['body.url', "@Param('id')", "@Headers('x-target')"]);
  });
  it('keeps only the request kinds the spec asks for', () => {
    expect(sourcesOf(h(`sink(req.query.a); sink(req.body.b);`), toySpec({ sources: { request: ['body'] } }))).toEqual(['req.body.b']);
  });
  it('treats caught errors as sources when asked', () => {
    const errors = toySpec({ sources: { caughtErrors: true } });
    expect(sourcesOf(`try { run(); } catch (err) { sink(err.message); }`, errors)).toEqual(['err.message']);
    expect(sourcesOf(`app.use((err, req, res, next) => { sink(err.stack); res.end(); });`, errors)).toEqual(['err.stack']);
    expect(sourcesOf(`try { run(); } catch (err) { sink(err.message); }`)).toEqual([]);
  });
  it('accepts custom sources', () => {
    const custom = toySpec({
      sources: {},
      isSource: (node, api) => (api.ts.isIdentifier(node) && node.text === 'SECRET' ? { node, kind: 'custom', label: 'SECRET' } : undefined),
    });
    expect(sourcesOf(`const a = SECRET; sink(a);`, custom)).toEqual(['SECRET']);
  });
});

describe('propagation', () => {
  it('follows reassignment and stops when overwritten', () => {
    expect(sourcesOf(h(`let u = 'x'; u = req.query.a; sink(u);`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`let u = req.query.a; u = 'x'; sink(u);`))).toEqual([]);
  });
  it('follows destructuring with renames, defaults, arrays and rest', () => {
    expect(sourcesOf(h(`const { a: renamed = 'd' } = req.body; sink(renamed);`))).toEqual(['req.body.a']);
    expect(sourcesOf(h(`const [first] = req.body.list; sink(first);`))).toEqual(['req.body.list']);
    expect(sourcesOf(h(`const { a, ...rest } = req.body; sink(rest.b);`))).toEqual(['req.body.b']);
  });
  it('keeps object literal fields apart', () => {
    expect(sourcesOf(h(`const o = { a: req.query.x, b: 'c' }; sink(o.b);`))).toEqual([]);
    expect(sourcesOf(h(`const o = { a: req.query.x, b: 'c' }; sink(o.a);`))).toEqual(['req.query.x']);
    expect(sourcesOf(h(`const o = { nested: { a: req.query.x } }; sink(o.nested.a);`))).toEqual(['req.query.x']);
  });
  it('follows spread, Object.assign and writes into fields', () => {
    expect(sourcesOf(h(`const o = { ...req.body }; sink(o.url);`))).toEqual(['req.body.url']);
    expect(sourcesOf(h(`const o = {}; Object.assign(o, req.body); sink(o.url);`))).toEqual(['req.body.url']);
    expect(sourcesOf(h(`const o = { url: 'x' }; o.url = req.query.u; sink(o.url);`))).toEqual(['req.query.u']);
  });
  it('follows ??, ||, ternaries and await', () => {
    expect(sourcesOf(h(`sink(req.query.a ?? 'x');`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`sink(flag ? 'x' : await req.query.a);`))).toEqual(['req.query.a']);
  });
  it('follows arrays, push and element reads', () => {
    expect(sourcesOf(h(`const list = []; list.push(req.query.a); sink(list[0]);`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`const list = [req.query.a, 'b']; sink(list[1]);`))).toEqual([]);
  });
  it('keeps the named fields of a value pushed into a member in that member', () => {
    // The pushed value itself reaches the root as a whole; an object of named fields stays in the member.
    expect(sourcesOf(h(`const o = load(); o.items.push(req.query.a); sink(o);`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`const o = load(); const item = {}; item.url = req.query.a; o.items.push(item); sink(o);`))).toEqual([]);
    expect(sourcesOf(h(`const o = load(); const item = {}; item.url = req.query.a; o.items.push(item); sink(o.items);`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`const o = load(); o.items.push({ url: req.query.a }); sink(o.items[0].url);`))).toEqual(['req.query.a']);
  });
  it('follows string methods but not boolean ones', () => {
    expect(sourcesOf(h(`sink(req.query.a.trim().toLowerCase());`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`sink(req.query.a.startsWith('x'));`))).toEqual([]);
    expect(sourcesOf(h(`sink(req.query.a.length);`))).toEqual([]);
  });
  it('returns clean values from calls it cannot follow', () => {
    expect(sourcesOf(h(`sink(lookup(req.query.a));`))).toEqual([]);
    expect(sourcesOf(h(`sink(await User.findById(req.params.id));`))).toEqual([]);
  });
  it('follows callbacks: then, map and for...of', () => {
    expect(sourcesOf(h(`Promise.resolve(req.query.a).then((v) => sink(v));`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`req.body.list.map((item) => sink(item));`))).toEqual(['req.body.list']);
    expect(sourcesOf(h(`let acc = ''; for (const p of req.body.parts) acc += p; sink(acc);`))).toEqual(['req.body.parts']);
  });
  it('runs a loop body again when taint grows', () => {
    expect(sourcesOf(h(`let a = ''; let b = ''; while (more()) { b = a; a = req.query.q; } sink(b);`))).toEqual(['req.query.q']);
  });
  it('sees captured variables in closures', () => {
    expect(sourcesOf(h(`const target = req.body.url; const go = () => sink(target); go();`))).toEqual(['req.body.url']);
  });
  it('sees module-level values a handler closes over, also when module-level code calls a function of the file', () => {
    // Module-level code reads no request, so the file's own analysis is skipped for closures...
    expect(sourcesOf(`const PREFIX = '/api'; app.get('/x', (req, res) => { sink(PREFIX + req.query.p); });`)).toEqual(['req.query.p']);
    // ...unless it calls a function of the file, whose result may carry a source into the closure.
    expect(
      sourcesOf(`import type { Request, Response } from 'express';
        function bodyOf(req: Request, res: Response) { return req.body.url; }
        const captured = bodyOf(stub, stub);
        app.get('/y', (req, res) => { sink(captured); });`),
    ).toEqual(['req.body.url']);
  });
  it('joins try, catch and switch branches', () => {
    expect(sourcesOf(h(`let u = 'x'; try { u = req.query.a; } catch { u = 'y'; } sink(u);`))).toEqual(['req.query.a']);
    expect(sourcesOf(h(`let u = 'x'; switch (k) { case 1: u = req.query.a; break; default: u = 'z'; } sink(u);`))).toEqual(['req.query.a']);
  });
  it('applies extra steps of the spec', () => {
    const stepping = toySpec({
      step: (call, api) =>
        api.ts.isCallExpression(call) && api.ts.isIdentifier(call.expression) && call.expression.text === 'wrap' ? { from: [call.arguments[0]!] } : undefined,
    });
    expect(sourcesOf(h(`sink(wrap(req.query.a));`), stepping)).toEqual(['req.query.a']);
    expect(sourcesOf(h(`sink(wrap(req.query.a));`))).toEqual([]);
  });
  it('tracks URL parts through templates and concatenation', () => {
    expect(flowsOf(h(`sink(\`https://\${req.query.t}.example.com\`);`))[0]!.part).toBe('host');
    expect(flowsOf(h(`sink('https://api.example.com/' + req.query.p);`))[0]!.part).toBe('path');
    expect(flowsOf(h(`sink(new URL(req.query.p, 'https://api.example.com'));`))[0]!.part).toBe('whole');
    expect(flowsOf(h(`sink(new URL('/x/' + req.query.p, 'https://api.example.com'));`))[0]!.part).toBe('path');
    expect(flowsOf(h(`const u = new URL('https://api.example.com'); u.searchParams.set('q', req.query.q); sink(u);`))[0]!.part).toBe('path');
  });
});

describe('barriers and guards', () => {
  it('stops at barriers', () => {
    expect(sourcesOf(h(`sink(clean(req.query.a));`))).toEqual([]);
  });
  it('stops at a settings sanitizer', () => {
    const ctx = fileContext(h(`sink(sanitizeUrl(req.query.a));`), '/app/src/file.ts', { sanitizers: ['sanitizeUrl'] });
    expect(findFlows(ctx, spec)).toEqual([]);
  });
  it('applies guards where they dominate', () => {
    expect(sourcesOf(h(`const u = req.query.u; if (!isOk(u)) return; sink(u);`))).toEqual([]);
    expect(sourcesOf(h(`const u = req.query.u; if (!isOk(u)) throw new Error('no'); sink(u);`))).toEqual([]);
    expect(sourcesOf(h(`const u = req.query.u; if (isOk(u)) { sink(u); }`))).toEqual([]);
    expect(sourcesOf(h(`const u = req.query.u; isOk(u) && sink(u);`))).toEqual([]);
    expect(sourcesOf(h(`const u = req.query.u; isOk(u) ? sink(u) : null;`))).toEqual([]);
    expect(sourcesOf(h(`for (const u of req.body.us) { if (!isOk(u)) continue; sink(u); }`))).toEqual([]);
  });
  it('does not apply guards that do not dominate', () => {
    expect(sourcesOf(h(`const u = req.query.u; if (!isOk(u)) { log(u); } sink(u);`))).toEqual(['req.query.u']);
    expect(sourcesOf(h(`const u = req.query.u; if (isOk(u)) { log(u); } else { sink(u); }`))).toEqual(['req.query.u']);
    expect(sourcesOf(h(`const u = req.query.u; if (isOk(u) || other) return; sink(u);`))).toEqual(['req.query.u']);
  });
  it('combines checks through && and ||', () => {
    expect(sourcesOf(h(`const u = req.query.u; if (!ready || !isOk(u)) return; sink(u);`))).toEqual([]);
    expect(sourcesOf(h(`const u = req.query.u; if (ready && isOk(u)) { sink(u); }`))).toEqual([]);
  });
  it('cleans values derived from the checked input', () => {
    expect(sourcesOf(h(`const raw = req.query.u; const parsed = new URL(raw); if (!isOk(parsed.hostname)) return; sink(raw);`))).toEqual([]);
    expect(sourcesOf(h(`if (!isOk(req.body.url)) return; const { url } = req.body; sink(url);`))).toEqual([]);
  });
  it('uses helper functions whose summary is a check', () => {
    expect(sourcesOf(`function allowed(v) { return isOk(v); }\n${h(`const u = req.query.u; if (!allowed(u)) return; sink(u);`)}`)).toEqual([]);
    expect(sourcesOf(`function allowed(v) { if (!isOk(v)) return false; return true; }\n${h(`const u = req.query.u; if (!allowed(u)) return; sink(u);`)}`)).toEqual([]);
    expect(sourcesOf(`function assertOk(v) { if (!isOk(v)) throw new Error('x'); }\n${h(`const u = req.query.u; assertOk(u); sink(u);`)}`)).toEqual([]);
    expect(sourcesOf(`function parse(v) { const r = new URL(v); if (!isOk(r.host)) throw new Error('x'); return r; }\n${h(`sink(parse(req.query.u));`)}`)).toEqual([]);
    expect(sourcesOf(`function weak(v) { log(v); return true; }\n${h(`const u = req.query.u; if (!weak(u)) return; sink(u);`)}`)).toEqual(['req.query.u']);
  });
  it('trusts unknown guard calls only where they cannot leak (per-file mode)', () => {
    const maybe = toySpec({ mayBeGuardCall: (call, api) => api.modulePathOf(call.expression)?.local === true });
    const imports = `import { check } from './check.js';\n`;
    expect(sourcesOf(imports + h(`const u = req.query.u; if (!check(u)) return; sink(u);`), maybe)).toEqual([]);
    expect(sourcesOf(imports + h(`const u = req.query.u; if (!check(u)) { log(u); } sink(u);`), maybe)).toEqual(['req.query.u']);
    expect(sourcesOf(`import { check } from 'some-package';\n` + h(`const u = req.query.u; if (!check(u)) return; sink(u);`), maybe)).toEqual(['req.query.u']);
  });
});

describe('functions and summaries', () => {
  it('applies parameter-to-return summaries with the part they give', () => {
    expect(sourcesOf(`function id(x) { return x; }\n${h(`sink(id(req.query.a));`)}`)).toEqual(['req.query.a']);
    expect(sourcesOf(`function fixed(x) { return 'c'; }\n${h(`sink(fixed(req.query.a));`)}`)).toEqual([]);
    expect(flowsOf(`const build = (p) => 'https://api.example.com/' + p;\n${h(`sink(build(req.query.a));`)}`)[0]!.part).toBe('path');
    expect(sourcesOf(`function pick(o) { return o.url; }\n${h(`sink(pick(req.body));`)}`)).toEqual(['req.body.url']);
  });
  it('reports a sink inside a helper with the call it came through', () => {
    expect(flowsOf(`function get(u) {\n  return sink(u);\n}\napp.post('/x', (req, res) => { get(req.body.target); res.end(); });`)).toEqual([
      { source: 'req.body.target', part: 'whole', line: 2, steps: ['get(req.body.target)'] },
    ]);
  });
  it('follows methods of the same class through this', () => {
    const code = `@Controller('c') class C {
  @Post() m(@Body() b) { return this.load(b.url); }
  private load(u) { return sink(u); }
}`;
    expect(flowsOf(code)).toEqual([{ source: 'b.url', part: 'whole', line: 3, steps: ['this.load(b.url)'] }]);
  });
  it('terminates on direct and mutual recursion', () => {
    expect(sourcesOf(`function f(x, n) { return n ? f(x, n - 1) : x; }\n${h(`sink(f(req.query.a, 3));`)}`)).toEqual(['req.query.a']);
    expect(sourcesOf(`function a(x) { b(x); return sink(x); }\nfunction b(y) { return a(y); }\n${h(`a(req.query.q);`)}`)).toEqual(['req.query.q']);
  });
  it('stays silent about parameters of functions nobody in the file calls (per-file mode)', () => {
    expect(flowsOf(`export function get(u) { return sink(u); }`)).toEqual([]);
  });
});

describe('project mode', () => {
  it('follows into another file and reports only at the sink', () => {
    const ctxOf = projectContexts({
      '/app/src/routes.ts': `import { fetchIt } from './svc.js';\nrouter.post('/p', async (req, res) => { res.json(await fetchIt(req.body.url)); });`,
      '/app/src/svc.ts': `export async function fetchIt(target: string) {\n  return sink(target);\n}`,
    });
    const flows = findFlows(ctxOf('/app/src/svc.ts'), spec);
    expect(flows.map((f) => [f.source.label, f.source.route, f.steps.map((s) => s.file.fileName)])).toEqual([['req.body.url', 'POST /p', ['/app/src/routes.ts']]]);
    expect(findFlows(ctxOf('/app/src/routes.ts'), spec)).toEqual([]);
  });
  it('reports each caller that brings input, and none that does not', () => {
    const ctxOf = projectContexts({
      '/app/src/a.ts': `import { go } from './svc.js';\napp.get('/a', (req, res) => { go(req.query.a); res.end(); });`,
      '/app/src/b.ts': `import { go } from './svc.js';\napp.get('/b', (req, res) => { go(req.params.b); res.end(); });`,
      '/app/src/cron.ts': `import { go } from './svc.js';\nsetInterval(() => go(process.env.TARGET), 1000);`,
      '/app/src/svc.ts': `export function go(t: string) { return sink(t); }`,
    });
    expect(findFlows(ctxOf('/app/src/svc.ts'), spec).map((f) => f.source.label)).toEqual(['req.params.b', 'req.query.a']);
  });
  it('follows two hops across three files', () => {
    const ctxOf = projectContexts({
      '/app/src/routes.ts': `import { outer } from './outer.js';\napp.post('/x', (req, res) => { outer(req.body.u); res.end(); });`,
      '/app/src/outer.ts': `import { inner } from './inner.js';\nexport function outer(v: string) { return inner('pre-' + v); }`,
      '/app/src/inner.ts': `export function inner(w: string) { return sink(w); }`,
    });
    const [flow] = findFlows(ctxOf('/app/src/inner.ts'), spec);
    expect(flow?.steps.map((s) => s.label)).toEqual(['outer(req.body.u)', "inner('pre-' + v)"]);
  });
  it('uses guard summaries of helpers in other files', () => {
    const ctxOf = projectContexts({
      '/app/src/guard.ts': `export function allowed(v: string) { return isOk(new URL(v).hostname); }`,
      '/app/src/routes.ts': `import { allowed } from './guard.js';\napp.get('/x', (req, res) => { const u = req.query.u; if (!allowed(u)) return res.end(); sink(u); });`,
    });
    expect(findFlows(ctxOf('/app/src/routes.ts'), spec)).toEqual([]);
  });
  it('terminates on call cycles across files', () => {
    const ctxOf = projectContexts({
      '/app/src/a.ts': `import { pong } from './b.js';\nexport function ping(x: string): unknown { return pong(x); }\napp.get('/x', (req, res) => { ping(req.query.q); res.end(); });`,
      '/app/src/b.ts': `import { ping } from './a.js';\nexport function pong(y: string): unknown { sink(y); return ping(y); }`,
    });
    expect(findFlows(ctxOf('/app/src/b.ts'), spec).map((f) => f.source.label)).toEqual(['req.query.q']);
  });
});

describe('robustness', () => {
  it('does not overflow on deeply nested expressions and blocks', () => {
    // Depths TypeScript's own parser still handles inside the test runner; the engine caps its recursion.
    const parens = h(`sink(${'('.repeat(400)}req.query.a${')'.repeat(400)});`);
    expect(sourcesOf(parens)).toEqual(['req.query.a']);
    const concat = h(`sink(${Array.from({ length: 1_500 }, () => 'req.query.a').join(' + ')});`);
    expect(sourcesOf(concat)).toEqual(['req.query.a']);
    const blocks = h(`${'if (a) {'.repeat(300)} sink(req.query.a); ${'}'.repeat(300)}`);
    expect(() => flowsOf(blocks)).not.toThrow();
    const calls = h(`sink(${'f('.repeat(300)}req.query.a${')'.repeat(300)});`);
    expect(() => flowsOf(calls)).not.toThrow();
  });
  it('analyzes files of other parsers through the injected ts', () => {
    const sourceFile = ts.createSourceFile('/app/x.js', h('sink(req.body.a);'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    expect(sourceFile.statements.length).toBe(1);
  });
});
