/**
 * Client responses as a source kind (`FlowSpec.sources.clientResponses`): the value of a call that
 * sends an outbound HTTP request and resolves to what the remote server answered. The calls are the
 * rows of the HTTP client catalog (`src/catalog/http-clients.ts`) whose result is the response (or a
 * promise or observable of it): `fetch(url)`, `axios.get(url)`, `got(url)`, `ky.get(url)`, Nest's
 * `this.http.get(url)`, ... The engine's ordinary steps carry it on: `await`, `.then(r => r.json())`,
 * `r.json()`, `.data`, `firstValueFrom(obs)`, `obs.pipe(...)`.
 *
 * Rows whose result is not the response are left out: instance factories (`axios.create()`),
 * connection objects (`new Pool(url)`, `net.connect`, WebSockets), callback-style requests whose
 * result is the outgoing request (`https.get(url, cb)`), and headless browsers.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getShortText } from '../core/ast.js';
import { findHttpClient } from '../catalog/http-clients.js';
import { getModulePath } from './module-paths.js';
import type { SourceInfo } from './spec.js';

/** Catalog rows whose call does not resolve to the remote server's answer. */
const NOT_A_RESPONSE: ReadonlySet<string> = new Set([
  'undici-pool',
  'axios-create',
  'got-extend',
  'ky-create',
  'node-http',
  'node-https',
  'node-http2',
  'node-net',
  'node-tls',
  'follow-redirects',
  'puppeteer',
  'puppeteer-core',
  'playwright',
  'ws',
  'global-websocket',
]);

/** The source a call is when it returns an outbound request's response (`axios.get(…)`), if it does. */
export function getClientResponseSource(tsApi: TsApi, call: ts.CallExpression, project: ProjectIndex | undefined): SourceInfo | undefined {
  const path = getModulePath(tsApi, call.expression, project);
  if (!path || path.local) return undefined;
  const row = findHttpClient(path.module, path.path, false);
  if (!row || NOT_A_RESPONSE.has(row.name)) return undefined;
  const file = call.getSourceFile();
  return { node: call, file, kind: 'client-response', label: `${getShortText(file, call.expression, 40)}(…)` };
}
