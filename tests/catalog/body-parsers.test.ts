/**
 * Every row of the body parser catalog, with its matching sample (one `no-unbounded-query` body-limit
 * finding at the default threshold of 10 MB) and its non-matching sample (none); and the byte-size
 * parser that reads limits the way the `bytes` package does.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_METHODS, BODY_PARSERS, formatByteSize, mayBeBodyParserMember, parseByteSize } from '../../src/catalog/body-parsers.js';
import { createAnalysisContext } from '../../src/core/context.js';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.js';
import noUnboundedQuery, { DEFAULT_MAX_BODY_SIZE } from '../../rules/no-unbounded-query.js';

function bodyLimitFindings(sample: string): number {
  const sourceFile = ts.createSourceFile('/app/src/sample.ts', sample, ts.ScriptTarget.Latest, true);
  const ctx = createAnalysisContext({ ts, sourceFile, settings: DEFAULT_SETTINGS });
  return noUnboundedQuery.detect(ctx, [{ maxBodySize: DEFAULT_MAX_BODY_SIZE }]).filter((f) => f.messageId === 'largeBodyLimit').length;
}

describe('BODY_PARSERS and BODY_LIMIT_METHODS', () => {
  const rows = [...BODY_PARSERS, ...BODY_LIMIT_METHODS];

  it('has unique row names', () => {
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
  });

  for (const row of rows) {
    it(`${row.name}: the matching sample reports`, () => {
      expect(bodyLimitFindings(row.samples.match)).toBe(1);
    });
    it(`${row.name}: the non-matching sample does not`, () => {
      expect(bodyLimitFindings(row.samples.nonMatch)).toBe(0);
    });
  }
});

describe('parser calls under other names', () => {
  it('finds a parser called through a renamed import, a default import or require', () => {
    expect(bodyLimitFindings(`import { json as parseJson } from 'express';\napp.use(parseJson({ limit: '50mb' }));`)).toBe(1);
    expect(bodyLimitFindings(`import server from 'fastify';\nconst app = server({ bodyLimit: 100 * 1024 * 1024 });`)).toBe(1);
    expect(bodyLimitFindings(`const app = require('fastify')({ bodyLimit: 100 * 1024 * 1024 });`)).toBe(1);
    expect(bodyLimitFindings(`const parsers = require('body-parser');\napp.use(parsers.urlencoded({ limit: '50mb', extended: true }));`)).toBe(1);
  });

  it('skips the module lookup of members no parser is named after, and still reads limit methods', () => {
    expect(mayBeBodyParserMember('json')).toBe(true);
    expect(mayBeBodyParserMember('FastifyAdapter')).toBe(true);
    expect(mayBeBodyParserMember('findMany')).toBe(false);
    expect(bodyLimitFindings(`import express from 'express';\nconst router = express.Router();\nrouter.get('/x', (req, res) => res.json(req.query.limit));`)).toBe(0);
  });
});

describe('parseByteSize', () => {
  it('reads sizes as the bytes package does (1kb = 1024 bytes)', () => {
    expect(parseByteSize('100kb')).toBe(102_400);
    expect(parseByteSize('50mb')).toBe(52_428_800);
    expect(parseByteSize('1.5 GB')).toBe(1_610_612_736);
    expect(parseByteSize('2048')).toBe(2048);
  });

  it('rejects what is not a size', () => {
    expect(parseByteSize('fifty megabytes')).toBeUndefined();
    expect(parseByteSize('')).toBeUndefined();
    expect(parseByteSize('10 mib')).toBeUndefined();
  });
});

describe('formatByteSize', () => {
  it('names sizes for messages', () => {
    expect(formatByteSize(52_428_800)).toBe('50 MB');
    expect(formatByteSize(1024 ** 3)).toBe('1 GB');
    expect(formatByteSize(1536)).toBe('1.5 KB');
    expect(formatByteSize(Infinity)).toBe('no limit');
  });
});
