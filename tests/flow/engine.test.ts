import { describe, expect, it } from 'vitest';
import { findFlows } from '../../src/flow/engine.js';
import { fileContext, projectContexts, toySpec } from './flow-test-kit.js';

const spec = toySpec();

function flowsOf(code: string) {
  return findFlows(fileContext(code), spec).map((f) => ({ source: f.source.label, part: f.part, line: f.sink.node.getSourceFile().getLineAndCharacterOfPosition(f.sink.node.getStart()).line + 1, steps: f.steps.map((s) => s.label) }));
}

describe('findFlows', () => {
  it('follows a request read into a sink in an Express handler', () => {
    expect(flowsOf(`app.get('/x', (req, res) => { const u = req.query.url; sink(u); res.send('ok'); });`)).toEqual([
      { source: 'req.query.url', part: 'whole', line: 1, steps: [] },
    ]);
  });
  it('refines destructured labels and keeps path positions', () => {
    expect(flowsOf(`app.get('/x', (req, res) => { const { id } = req.params; sink(\`https://api.example.com/items/\${id}\`); });`)).toEqual([
      { source: 'req.params.id', part: 'path', line: 1, steps: [] },
    ]);
  });
  it('follows a local helper through its parameter', () => {
    expect(
      flowsOf(`function get(u) {\n  return sink(u);\n}\napp.post('/x', (req, res) => { get(req.body.target); res.end(); });`),
    ).toEqual([{ source: 'req.body.target', part: 'whole', line: 2, steps: ['get(req.body.target)'] }]);
  });
  it('stops at a dominating guard and not at a logging one', () => {
    expect(flowsOf(`app.get('/x', (req, res) => { const u = req.query.u; if (!isOk(u)) return res.status(400).end(); sink(u); });`)).toEqual([]);
    expect(flowsOf(`app.get('/x', (req, res) => { const u = req.query.u; if (!isOk(u)) { console.log(u); } sink(u); });`)).toHaveLength(1);
  });
  it('follows into another file with the project index', () => {
    const ctxOf = projectContexts({
      '/app/src/routes.ts': `import { fetchIt } from './svc.js';\nrouter.post('/p', async (req, res) => { res.json(await fetchIt(req.body.url)); });`,
      '/app/src/svc.ts': `export async function fetchIt(target: string) {\n  return sink(target);\n}`,
    });
    const flows = findFlows(ctxOf('/app/src/svc.ts'), spec);
    expect(flows.map((f) => [f.source.label, f.source.route, f.steps.map((s) => s.file.fileName)])).toEqual([
      ['req.body.url', 'POST /p', ['/app/src/routes.ts']],
    ]);
    expect(findFlows(ctxOf('/app/src/routes.ts'), spec)).toEqual([]);
  });
});
