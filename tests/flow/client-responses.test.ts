/**
 * Client responses as a source kind: which calls are responses (`fetch`, `axios.get`, Nest
 * `HttpService`), which are not (factories, connections, callback-style requests, unknown callees),
 * and that specs without `clientResponses` never see them.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { walkDescendants } from '../../src/core/walk.js';
import { getClientResponseSource } from '../../src/flow/client-responses.js';

function calls(code: string): ts.CallExpression[] {
  const sf = ts.createSourceFile('/app/src/x.ts', code, ts.ScriptTarget.Latest, true);
  const found: ts.CallExpression[] = [];
  walkDescendants(ts, sf, (n) => {
    if (ts.isCallExpression(n)) found.push(n);
  });
  return found.sort((a, b) => a.pos - b.pos);
}

/** Labels of the calls in the code that are client responses, in source order. */
function responses(code: string): string[] {
  return calls(code).flatMap((call) => {
    const source = getClientResponseSource(ts, call, undefined);
    return source ? [`${source.kind} ${source.label}`] : [];
  });
}

describe('getClientResponseSource', () => {
  it('recognizes the global fetch and its promise chain root', () => {
    expect(responses(`const r = await fetch('https://a.example.com'); const d = await r.json();`)).toEqual(['client-response fetch(…)']);
  });

  it('recognizes axios verbs and instances made in the file', () => {
    expect(responses(`import axios from 'axios';\nconst api = axios.create({ baseURL: 'https://a.example.com' });\nawait axios.get('/x');\nawait api.post('/y', {});`)).toEqual([
      'client-response axios.get(…)',
      'client-response api.post(…)',
    ]);
  });

  it('recognizes got, ky and an injected Nest HttpService', () => {
    expect(responses(`import got from 'got';\nawait got('https://a.example.com').json();`)).toEqual(['client-response got(…)']);
    expect(responses(`import ky from 'ky';\nawait ky.get('https://a.example.com').json();`)).toEqual(['client-response ky.get(…)']);
    expect(
      responses(`import { HttpService } from '@nestjs/axios';\nclass S { constructor(private readonly http: HttpService) {}\n  run() { return this.http.get('https://a.example.com'); } }`),
    ).toEqual(['client-response this.http.get(…)']);
  });

  it('leaves out factories, connections and callback-style requests', () => {
    expect(responses(`import axios from 'axios';\nconst api = axios.create({});`)).toEqual([]);
    expect(responses(`import https from 'node:https';\nhttps.get('https://a.example.com', (res) => res.resume());`)).toEqual([]);
    expect(responses(`import net from 'node:net';\nnet.connect(443, 'a.example.com');`)).toEqual([]);
  });

  it('leaves out callees that are not the catalogued clients', () => {
    expect(responses(`async function fetch(id) { return id; }\nawait fetch(1);`)).toEqual([]);
    expect(responses(`import { get } from './http.js';\nawait get('/x');`)).toEqual([]);
  });
});
