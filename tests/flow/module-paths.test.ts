/**
 * Module paths (what catalogs match) and call targets (which function a call runs), on small files
 * and, with the project index, across files.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { walkDescendants } from '../../src/core/walk.js';
import { resolveCallTarget } from '../../src/flow/call-targets.js';
import { getCallSitesOf } from '../../src/flow/call-sites.js';
import { getModulePath, mayBeProjectModule } from '../../src/flow/module-paths.js';
import { createProjectIndex } from '../../src/project/project-index.js';

function parse(code: string, fileName = '/app/src/x.ts'): ts.SourceFile {
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
}

/** The callee of the last call in the file. */
function lastCall(sf: ts.SourceFile): ts.CallExpression {
  let last: ts.CallExpression | undefined;
  walkDescendants(ts, sf, (n) => {
    if (ts.isCallExpression(n)) last = n;
  });
  return last!;
}

function pathOfLastCall(code: string): string | undefined {
  const path = getModulePath(ts, lastCall(parse(code)).expression);
  return path ? `${path.module ?? '<global>'}:${path.path}${path.local ? ' (local)' : ''}` : undefined;
}

function project(files: Record<string, string>) {
  const sourceFiles = Object.entries(files).map(([name, text]) => parse(text, name));
  const index = createProjectIndex({
    ts,
    sourceFiles,
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true },
    fileExists: (f) => f in files,
  });
  return { index, file: (name: string) => sourceFiles.find((s) => s.fileName === name)! };
}

describe('getModulePath', () => {
  it('names package exports, members and instances', () => {
    expect(pathOfLastCall(`import axios from 'axios';\naxios.get(u);`)).toBe('axios:get');
    expect(pathOfLastCall(`import * as https from 'node:https';\nhttps.request(u);`)).toBe('https:request');
    expect(pathOfLastCall(`import { request } from 'undici';\nrequest(u);`)).toBe('undici:request');
    expect(pathOfLastCall(`const { get } = require('axios');\nget(u);`)).toBe('axios:get');
    expect(pathOfLastCall(`const axios = require('axios').default;\naxios.post(u);`)).toBe('axios:post');
    expect(pathOfLastCall(`import axios from 'axios';\nconst api = axios.create({ baseURL: b });\napi.get(u);`)).toBe('axios:create().get');
    expect(pathOfLastCall(`import { Pool } from 'undici';\nconst pool = new Pool(o);\npool.request({ path: p });`)).toBe('undici:Pool().request');
  });
  it('names injected and declared class members', () => {
    expect(pathOfLastCall(`import { HttpService } from '@nestjs/axios';\nclass S { constructor(private readonly http: HttpService) {}\n m(u) { return this.http.get(u); } }`)).toBe('@nestjs/axios:HttpService().get');
    expect(pathOfLastCall(`import got from 'got';\nclass S { private client = got.extend({}); m(u) { return this.client.get(u); } }`)).toBe('got:extend().get');
  });
  it('names globals unless shadowed', () => {
    expect(pathOfLastCall(`fetch(u);`)).toBe('<global>:fetch');
    expect(pathOfLastCall(`globalThis.fetch(u);`)).toBe('<global>:fetch');
    expect(pathOfLastCall(`function fetch(k) { return k; }\nfetch(u);`)).toBeUndefined();
  });
  it('marks project imports as local without the project index', () => {
    expect(pathOfLastCall(`import { http } from './lib/http.js';\nhttp.get(u);`)).toBe('./lib/http.js:http.get (local)');
  });
  it('follows project imports to the value they export with the project index', () => {
    const { index, file } = project({
      '/app/src/lib/http.ts': `import axios from 'axios';\nexport const http = axios.create({ timeout: 1 });\nexport default axios.create();`,
      '/app/src/svc.ts': `import client, { http } from './lib/http.js';\nhttp.get(u);\nclient.post(u);`,
    });
    const calls: string[] = [];
    walkDescendants(ts, file('/app/src/svc.ts'), (n) => {
      if (ts.isCallExpression(n)) {
        const p = getModulePath(ts, n.expression, index);
        calls.push(`${p?.module}:${p?.path}`);
      }
    });
    expect(calls).toEqual(['axios:create().get', 'axios:create().post']);
  });
  it('resolves only specifiers that may name project files', () => {
    const { index } = project({ '/app/src/a.ts': '' });
    expect(mayBeProjectModule(index, './a.js')).toBe(true);
    expect(mayBeProjectModule(index, '@/lib/http')).toBe(true);
    expect(mayBeProjectModule(index, 'axios')).toBe(false);
  });
});

describe('resolveCallTarget and call sites', () => {
  const names = (fn: ts.FunctionLikeDeclaration | undefined): string | undefined => {
    if (!fn) return undefined;
    if (fn.name) return fn.name.getText();
    return ts.isVariableDeclaration(fn.parent) ? fn.parent.name.getText() : '?';
  };

  it('resolves local functions, consts and this methods without the project index', () => {
    const sf = parse(`function a(x) {}\nconst b = (x) => x;\nclass C { m(x) { return this.n(x); } n(x) { a(x); return b(x); } }`);
    const targets: (string | undefined)[] = [];
    walkDescendants(ts, sf, (n) => {
      if (ts.isCallExpression(n)) targets.push(names(resolveCallTarget(ts, n, undefined)?.fn));
    });
    expect(targets).toEqual(['n', 'a', 'b']);
  });
  it('follows ESM, CommonJS, default-export objects, instances, static methods and injected services', () => {
    const { index, file } = project({
      '/app/src/lib.ts': `export function named(x) {}\nexport default { viaDefault(x) {} };\nexport class Svc { run(x) {} static make(x) {} }\nexport const svc = new Svc();`,
      '/app/src/cjs.js': `function probe(t) {}\nmodule.exports = { probe };`,
      '/app/src/use.ts': `import lib, { named, svc, Svc } from './lib.js';
const { probe } = require('./cjs.js');
named(1); lib.viaDefault(1); svc.run(1); Svc.make(1); probe(1);
class Ctrl { constructor(private readonly s: Svc) {} go(x) { return this.s.run(x); } }`,
    });
    const targets: (string | undefined)[] = [];
    walkDescendants(ts, file('/app/src/use.ts'), (n) => {
      if (ts.isCallExpression(n)) {
        const t = resolveCallTarget(ts, n, index);
        if (t) targets.push(`${names(t.fn)}@${t.file.fileName.split('/').pop()}`);
      }
    });
    expect(targets).toEqual(['named@lib.ts', 'viaDefault@lib.ts', 'run@lib.ts', 'make@lib.ts', 'probe@cjs.js', 'run@lib.ts']);
    const run = resolveCallTarget(ts, lastCall(file('/app/src/use.ts')), index)!.fn;
    expect(getCallSitesOf(ts, run, file('/app/src/use.ts'), index).map((c) => c.getText())).toEqual(['svc.run(1)', 'this.s.run(x)']);
  });
  it('does not follow imports without the project index', () => {
    const sf = parse(`import { named } from './lib.js';\nnamed(1);`);
    expect(resolveCallTarget(ts, lastCall(sf), undefined)).toBeUndefined();
  });
});
