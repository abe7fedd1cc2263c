import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
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
});
