/**
 * The benchmark's app generator: deterministic, about the requested size, syntactically valid
 * TypeScript, and a realistic mix of the shapes the rules look at (it only builds the file map;
 * nothing is written or run).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildApp, buildMonorepo, createRandom, parseGenerateArgs } from '../../bench/generate-app.mjs';

const small = buildApp({ lines: 12_000, seed: 7 });
const all = [...small.files.values()].join('\n');

describe('bench/generate-app.mjs', () => {
  it('is deterministic for a seed and changes with it', () => {
    const again = buildApp({ lines: 12_000, seed: 7 });
    expect([...again.files.entries()]).toEqual([...small.files.entries()]);
    const other = buildApp({ lines: 12_000, seed: 8 });
    expect([...other.files.values()].join('\n')).not.toEqual(all);
    const random = createRandom(42);
    const values = [random(), random(), random()];
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(createRandom(42)()).toBe(values[0]);
  });

  it('writes about the requested number of lines, across the three frameworks', () => {
    expect(small.lines).toBeGreaterThan(11_000);
    expect(small.lines).toBeLessThan(13_000);
    expect(small.modules.express).toBeGreaterThan(5);
    expect(small.modules.nest).toBeGreaterThan(5);
    expect(small.modules.fastify).toBeGreaterThan(5);
    expect(small.files.has('tsconfig.json')).toBe(true);
    expect(small.files.has('types/vendor.d.ts')).toBe(true);
  });

  it('with --workspaces, writes a monorepo of apps with their own tsconfig and seed', () => {
    const mono = buildMonorepo({ lines: 8_000, seed: 7, workspaces: 2 });
    expect(mono.files.has('packages/service-1/tsconfig.json')).toBe(true);
    expect(mono.files.has('packages/service-2/tsconfig.json')).toBe(true);
    expect(JSON.parse(mono.files.get('package.json')!)).toMatchObject({ workspaces: ['packages/*'] });
    expect(mono.files.get('packages/service-1/src/express/app.ts')).not.toEqual(mono.files.get('packages/service-2/src/express/app.ts'));
    expect(parseGenerateArgs(['--workspaces', '3']).workspaces).toBe(3);
  });

  it('produces TypeScript without syntax errors', () => {
    const sources = new Map<string, ts.SourceFile>();
    for (const [name, text] of small.files) {
      if (name.endsWith('.ts')) sources.set(name, ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS));
    }
    const program = ts.createProgram({
      rootNames: [...sources.keys()],
      options: { noResolve: true, noLib: true, experimentalDecorators: true },
      host: { ...ts.createCompilerHost({}), getSourceFile: (requested) => sources.get(requested) },
    });
    const problems = [...sources.values()].flatMap((file) =>
      program.getSyntacticDiagnostics(file).map((d) => `${file.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
    );
    expect(sources.size).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('mixes protected and unprotected routes, validated and raw writes, fixed and variable URLs', () => {
    const large = [...buildApp({ lines: 60_000, seed: 1337 }).files.values()].join('\n');
    // Express: auth at the mount, router-level and per-route, and routers mounted without it
    expect(large).toMatch(/app\.use\('\/api\/[a-z-]+', requireAuth, \w+Router\);/);
    expect(large).toMatch(/app\.use\('\/api\/[a-z-]+', \w+Router\);/);
    expect(large).toMatch(/Router\.use\(requireAuth\);/);
    // writes: parsed by zod, and raw `req.body`
    expect(large).toContain('safeParse(req.body)');
    expect(large).toMatch(/findOneAndUpdate\(\{ _id: req\.params\.id, owner: req\.user!\.id \}, req\.body/);
    // outbound calls: fixed origin with an encoded segment, and a caller-chosen URL
    expect(large).toContain('encodeURIComponent(');
    expect(large).toContain('axios.get(url,');
    // Nest: public opt-outs and Partial<Entity> bodies; Fastify: schemas with and without additionalProperties: false
    expect(large).toContain('@Public()');
    expect(large).toMatch(/@Body\(\) dto: Partial<\w+Entity>/);
    expect(large).toContain('additionalProperties: false');
    expect(large).toMatch(/required: \[[^\]]*\],\n {2}properties/);
    // verbose errors and a few fake secrets, at a low rate
    expect(large).toContain('(err as Error).message');
  });

  it('rejects bad arguments with a clear message', () => {
    expect(parseGenerateArgs(['--lines', '5000', '--seed', '3'])).toMatchObject({ lines: 5000, seed: 3 });
    expect(() => parseGenerateArgs(['--lines', 'many'])).toThrow(/--lines needs a positive integer/);
    expect(() => parseGenerateArgs(['--colour'])).toThrow(/unknown option --colour/);
  });
});
