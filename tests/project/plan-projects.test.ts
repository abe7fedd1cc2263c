/**
 * Project planning: which config owns each file (deepest first, each file once), context files for
 * cross-file questions, loose JavaScript, and ignore rules with git's semantics.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIgnoreRules } from '../../src/project/ignore-rules.js';
import { cliTypeScript, loadProject } from '../../src/project/load.js';
import { planProjects } from '../../src/project/plan-projects.js';
import { readProjectConfig } from '../../src/project/project-config.js';
import { copyFixture, makeTempDir } from '../cli/helpers.js';

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

function plan(root: string, targets: string[] = [root]) {
  const rules = createIgnoreRules({ gitignoreRoots: [root], patternSets: [], explicitTargets: targets });
  return planProjects(cliTypeScript, targets, rules);
}

const rel = (root: string, files: readonly string[]): string[] => files.map((f) => path.relative(root, f));

describe('planProjects', () => {
  it('gives each file to the deepest config that includes it, with the outer project as context', () => {
    const root = makeTempDir();
    write(root, {
      'tsconfig.json': '{ "include": ["packages/**/*.ts"] }',
      'packages/api/tsconfig.json': '{ "include": ["src"] }',
      'packages/api/src/a.ts': 'export const a = 1;',
      'packages/lib/src/b.ts': 'export const b = 1;',
    });
    const { projects, problems } = plan(root);
    expect(problems).toEqual([]);
    expect(projects.map((p) => [rel(root, [p.config!.configPath])[0], rel(root, p.ownedFiles)])).toEqual([
      ['packages/api/tsconfig.json', ['packages/api/src/a.ts']],
      ['tsconfig.json', ['packages/lib/src/b.ts']],
    ]);
    expect(rel(root, projects[1]!.contextFiles)).toEqual(['packages/api/src/a.ts', 'packages/lib/src/b.ts']);
  });

  it('groups files no config includes (JavaScript beside a TS project) with default options', () => {
    const root = makeTempDir();
    write(root, { 'tsconfig.json': '{ "include": ["src"] }', 'src/a.ts': '', 'scripts/seed.js': '' });
    const { projects } = plan(root);
    expect(projects.map((p) => [p.config ? 'config' : 'defaults', rel(root, p.ownedFiles)])).toEqual([
      ['config', ['src/a.ts']],
      ['defaults', ['scripts/seed.js']],
    ]);
  });

  it('a single file target is analyzed in its project, with the project as context', () => {
    const app = copyFixture('cli/express-app');
    const { projects } = plan(app, [path.join(app, 'src/app.ts')]);
    expect(projects).toHaveLength(1);
    expect(rel(app, projects[0]!.ownedFiles)).toEqual(['src/app.ts']);
    expect(rel(app, projects[0]!.contextFiles)).toEqual(['src/app.ts', 'src/clean.ts', 'src/routes/users.ts']);
  });
});

describe('createIgnoreRules', () => {
  it('applies nested .gitignore files, negations, and never judges folders above the target', () => {
    const root = path.join(makeTempDir(), 'build', 'service'); // a project inside a folder named build
    write(root, {
      '.gitignore': 'tmp/\n*.gen.ts\n!keep.gen.ts\n',
      'src/.gitignore': 'local/\n',
      'src/a.ts': '',
    });
    const rules = createIgnoreRules({ gitignoreRoots: [root], patternSets: [{ base: root, patterns: ['legacy/**'] }], explicitTargets: [root] });
    expect(rules.isIgnored(path.join(root, 'src/a.ts'), false)).toBe(false);
    expect(rules.isIgnored(path.join(root, 'tmp/x.ts'), false)).toBe(true);
    expect(rules.isIgnored(path.join(root, 'src/x.gen.ts'), false)).toBe(true);
    expect(rules.isIgnored(path.join(root, 'src/keep.gen.ts'), false)).toBe(false);
    expect(rules.isIgnored(path.join(root, 'src/local/y.ts'), false)).toBe(true);
    expect(rules.isIgnored(path.join(root, 'local/y.ts'), false)).toBe(false);
    expect(rules.isIgnored(path.join(root, 'legacy/old.ts'), false)).toBe(true);
    expect(rules.isIgnored(path.join(root, 'src/node_modules/x/index.js'), false)).toBe(true);
    expect(rules.isIgnored(path.join(root, 'src/types.d.ts'), false)).toBe(true);
    expect(rules.isIgnored(path.join(root, 'src/out/gen.ts'), false)).toBe(true);
  });

  it('a folder the user names is scanned even when its name is on the default list', () => {
    const root = makeTempDir();
    const target = path.join(root, 'dist');
    write(target, { 'server.js': '' });
    const rules = createIgnoreRules({ gitignoreRoots: [root], patternSets: [], explicitTargets: [target] });
    expect(rules.isIgnored(path.join(target, 'server.js'), false)).toBe(false);
  });
});

describe('readProjectConfig and loadProject', () => {
  it('reads comments, trailing commas and references; jsconfig turns on allowJs', () => {
    const root = makeTempDir();
    write(root, {
      'tsconfig.json': '{ // solution\n "files": [], "references": [{ "path": "./api" }], }',
      'jsconfig.json': '{ "include": ["*.js"] }',
      'x.js': '',
    });
    const ts = readProjectConfig(cliTypeScript, path.join(root, 'tsconfig.json'));
    expect(ts.problems).toEqual([]);
    expect(ts.references).toEqual([path.join(root, 'api', 'tsconfig.json')]);
    const js = readProjectConfig(cliTypeScript, path.join(root, 'jsconfig.json'));
    expect(js.compilerOptions.allowJs).toBe(true);
    expect(rel(root, js.fileNames)).toEqual(['x.js']);
  });

  it('builds a project index whose imports resolve between the loaded files, without a type-check', () => {
    const app = copyFixture('cli/express-app');
    const { projects } = plan(app);
    const loaded = loadProject(projects[0]!);
    const appFile = loaded.files.find((f) => f.path.endsWith('app.ts'))!.sourceFile!;
    expect(loaded.index.resolveImport(appFile, './routes/users.js')?.fileName).toBe(path.join(app, 'src/routes/users.ts'));
    expect(loaded.index.resolveImport(appFile, 'express')).toBeUndefined();
    expect(loaded.index.files()).toHaveLength(3);
    expect(appFile.statements[0]!.parent).toBe(appFile);
  });
});
