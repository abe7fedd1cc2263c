/**
 * Every CORS catalog row, with one snippet the row must find and a look-alike it must not; and the
 * origin-check tables (regular expressions and string checks) case by case.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CORS_CONFIGS, getUnanchoredOriginRegex, getWeakOriginCheck } from '../../src/catalog/cors.js';
import type { AnalysisContext, TsApi } from '../../src/core/context.js';
import { getCorsPolicies } from '../../src/model/cors-config.js';

const tsApi = ts as unknown as TsApi;

function rowsIn(code: string): string[] {
  const sourceFile = tsApi.createSourceFile('sample.ts', code, tsApi.ScriptTarget.Latest, true, tsApi.ScriptKind.TS);
  const ctx = { ts: tsApi, sourceFile, settings: {}, getChecker: () => undefined } as unknown as AnalysisContext;
  return getCorsPolicies(ctx).flatMap((policy) => (policy.row ? [policy.row.name] : []));
}

const SAMPLES: Record<(typeof CORS_CONFIGS)[number]['name'], { hit: string; miss: string }> = {
  'cors-middleware': { hit: `import cors from 'cors'; app.use(cors({ origin: true }));`, miss: `import helmet from 'helmet'; app.use(helmet({ origin: true }));` },
  'fastify-cors': { hit: `import fastifyCors from '@fastify/cors'; app.register(fastifyCors, { origin: '*' });`, miss: `import fastifyHelmet from '@fastify/helmet'; app.register(fastifyHelmet, { origin: '*' });` },
  'nest-enable-cors': { hit: `app.enableCors({ origin: true });`, miss: `app.enableShutdownHooks({ origin: true });` },
  'nest-factory-cors': {
    hit: `import { NestFactory } from '@nestjs/core'; NestFactory.create(AppModule, { cors: { origin: true } });`,
    miss: `import { NestFactory } from '@nestjs/core'; NestFactory.create(AppModule, { bufferLogs: true });`,
  },
  'socket-io-server': {
    hit: `import { Server } from 'socket.io'; new Server(httpServer, { cors: { origin: true } });`,
    miss: `import { Server } from 'ws'; new Server({ server: httpServer, cors: { origin: true } });`,
  },
};

describe('CORS catalog: configuration rows', () => {
  for (const row of CORS_CONFIGS) {
    it(`${row.name} finds its sample`, () => expect(rowsIn(SAMPLES[row.name].hit)).toContain(row.name));
    it(`${row.name} ignores its look-alike`, () => expect(rowsIn(SAMPLES[row.name].miss)).not.toContain(row.name));
  }
});

describe('CORS catalog: origin regular expressions', () => {
  it('accepts expressions that pin the domain', () => {
    expect(getUnanchoredOriginRegex(String.raw`\.example\.com$`)).toBeUndefined();
    expect(getUnanchoredOriginRegex(String.raw`^https:\/\/example\.com$`)).toBeUndefined();
    expect(getUnanchoredOriginRegex(String.raw`^https:\/\/(www\.)?example\.com$`)).toBeUndefined();
    expect(getUnanchoredOriginRegex(String.raw`^https:\/\/[a-z0-9-]+\.example\.com$`)).toBeUndefined();
    expect(getUnanchoredOriginRegex(String.raw`^https?:\/\/localhost(:\d+)?$`)).toBeUndefined();
  });
  it('rejects expressions a look-alike domain passes', () => {
    expect(getUnanchoredOriginRegex(String.raw`example\.com`)).toMatch(/not anchored/);
    expect(getUnanchoredOriginRegex(String.raw`example\.com$`)).toMatch(/evilexample\.com/);
    expect(getUnanchoredOriginRegex(String.raw`(www\.)?example\.com$`)).toMatch(/evilexample\.com/);
    expect(getUnanchoredOriginRegex(String.raw`^https:\/\/.*example\.com$`)).toMatch(/evilexample\.com/);
  });
});

describe('CORS catalog: string checks of an origin', () => {
  it('accepts exact suffixes and full origins', () => {
    expect(getWeakOriginCheck('endsWith', '.example.com')).toBeUndefined();
    expect(getWeakOriginCheck('endsWith', 'https://app.example.com')).toBeUndefined();
    expect(getWeakOriginCheck('startsWith', 'https://app.example.com/')).toBeUndefined();
  });
  it('rejects substrings, bare suffixes and open prefixes', () => {
    expect(getWeakOriginCheck('includes', 'example.com')).toMatch(/contains/);
    expect(getWeakOriginCheck('indexOf', 'example.com')).toMatch(/contains/);
    expect(getWeakOriginCheck('endsWith', 'example.com')).toMatch(/evilexample\.com/);
    expect(getWeakOriginCheck('startsWith', 'https://app.example.com')).toMatch(/evil\.net/);
  });
});
