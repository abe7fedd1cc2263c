import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../cli/helpers.js';
import { createProjectIndex } from '../../src/project/project-index.js';

function project(files: Record<string, string>) {
  const sourceFiles = Object.entries(files).map(([name, text]) =>
    ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true),
  );
  const index = createProjectIndex({
    ts,
    sourceFiles,
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true },
    fileExists: (f) => f in files,
  });
  return { index, file: (name: string) => sourceFiles.find((s) => s.fileName === name)! };
}

describe('createProjectIndex', () => {
  it('resolves relative imports written with .js specifiers to .ts files', () => {
    const { index, file } = project({
      '/app/src/app.ts': `import { usersRouter } from './routes/users.js';`,
      '/app/src/routes/users.ts': `export const usersRouter = 1;`,
    });
    expect(index.resolveImport(file('/app/src/app.ts'), './routes/users.js')?.fileName).toBe('/app/src/routes/users.ts');
  });

  it('resolves directory imports to index files and leaves packages unresolved', () => {
    const { index, file } = project({
      '/app/src/app.ts': `import x from './models';`,
      '/app/src/models/index.ts': `export default 1;`,
    });
    expect(index.resolveImport(file('/app/src/app.ts'), './models')?.fileName).toBe('/app/src/models/index.ts');
    expect(index.resolveImport(file('/app/src/app.ts'), 'express')).toBeUndefined();
  });

  it('follows re-exports and export * to the declaring file', () => {
    const { index, file } = project({
      '/app/src/index.ts': `export * from './a.js'; export { b as renamed } from './b.js';`,
      '/app/src/a.ts': `export function helper() {}`,
      '/app/src/b.ts': `export const b = 2;`,
    });
    const helper = index.resolveExport(file('/app/src/index.ts'), 'helper');
    expect(helper?.file.fileName).toBe('/app/src/a.ts');
    expect(helper?.declaration && ts.isFunctionDeclaration(helper.declaration)).toBe(true);
    expect(index.resolveExport(file('/app/src/index.ts'), 'renamed')?.file.fileName).toBe('/app/src/b.ts');
  });

  it('terminates on export cycles', () => {
    const { index, file } = project({
      '/app/a.ts': `export * from './b.js';`,
      '/app/b.ts': `export * from './a.js';`,
    });
    expect(index.resolveExport(file('/app/a.ts'), 'missing')).toBeUndefined();
  });

  it('computes memoized facts once per index', () => {
    const { index } = project({ '/app/a.ts': '' });
    const key = {};
    let calls = 0;
    index.memo(key, () => ++calls);
    index.memo(key, () => ++calls);
    expect(calls).toBe(1);
  });

  it('resolves a workspace package from each package scope: a nested node_modules wins below its package.json only', () => {
    // root/node_modules/@acme/shared -> packages/shared (v1); packages/api has its own copy -> packages/shared-next.
    const root = makeTempDir('api-guard-index-');
    const write = (rel: string, text: string): string => {
      const file = path.join(root, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    };
    write('package.json', '{ "name": "root", "private": true }');
    for (const pkg of ['shared', 'shared-next']) {
      write(`packages/${pkg}/package.json`, '{ "name": "@acme/shared", "types": "./src/index.ts", "main": "./src/index.ts" }');
      write(`packages/${pkg}/src/index.ts`, `export const version = '${pkg}';`);
    }
    write('packages/api/package.json', '{ "name": "api" }');
    mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
    mkdirSync(path.join(root, 'packages/api/node_modules/@acme'), { recursive: true });
    symlinkSync(path.join(root, 'packages/shared'), path.join(root, 'node_modules/@acme/shared'), 'junction');
    symlinkSync(path.join(root, 'packages/shared-next'), path.join(root, 'packages/api/node_modules/@acme/shared'), 'junction');
    const importers = ['src/app.ts', 'src/deep/nested/a.ts', 'packages/api/src/main.ts', 'packages/api/src/routes/b.ts', 'packages/web/src/c.ts'];
    const files = [
      ...importers.map((rel) => write(rel, `import { version } from '@acme/shared';`)),
      path.join(root, 'packages/shared/src/index.ts'),
      path.join(root, 'packages/shared-next/src/index.ts'),
    ].map((file) => ts.createSourceFile(file.replace(/\\/g, '/'), ts.sys.readFile(file)!, ts.ScriptTarget.Latest, true));
    const index = createProjectIndex({
      ts,
      sourceFiles: files,
      compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
    });
    const target = (rel: string): string | undefined => {
      const from = files.find((f) => f.fileName.endsWith(rel))!;
      return index.resolveImport(from, '@acme/shared')?.fileName.replace(/\\/g, '/').slice(root.replace(/\\/g, '/').length + 1);
    };
    expect(importers.map(target)).toEqual([
      'packages/shared/src/index.ts',
      'packages/shared/src/index.ts',
      'packages/shared-next/src/index.ts',
      'packages/shared-next/src/index.ts',
      'packages/shared/src/index.ts',
    ]);
  });

  it('follows a CommonJS barrel (module.exports = require(x)) to the exports of x', () => {
    const { index, file } = project({
      '/app/server.js': `const routes = require('./routes');`,
      '/app/routes/index.js': `module.exports = require('./routes');`,
      '/app/routes/routes.js': `const apiRouter = Router();\nmodule.exports = { api: apiRouter };`,
    });
    const barrel = index.resolveImport(file('/app/server.js'), './routes');
    expect(barrel?.fileName).toBe('/app/routes/index.js');
    const api = index.resolveExport(barrel!, 'api');
    expect(api?.file.fileName).toBe('/app/routes/routes.js');
    expect(index.resolveExport(barrel!, 'default')?.file.fileName).toBe('/app/routes/routes.js');
  });
});
