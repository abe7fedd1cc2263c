/**
 * Every built-in propagation step, with a sample where it carries request input to `sink(...)`,
 * and the same call shape on a module that is not catalogued, where it does not.
 */
import { describe, expect, it } from 'vitest';
import { findFlows } from '../../src/flow/engine.js';
import { PROPAGATION_STEPS, VALIDATION_METHOD_STEPS } from '../../src/flow/propagation-steps.js';
import { fileContext, toySpec } from './flow-test-kit.js';

const spec = toySpec();
const handler = (body: string): string => `app.post('/x', async (req, res) => {\n${body}\n  res.end();\n});`;
const flows = (code: string): number => findFlows(fileContext(code), spec).length;

/** [imports, expression using `u` (request input)] per row: the expression must stay tainted. */
const SAMPLES: Record<string, [string, string]> = {
  'string-conversion': ['', 'String(u)'],
  'uri-encoding': ['', 'decodeURIComponent(u)'],
  'json-parse': ['', 'JSON.parse(u).target'],
  'structured-clone': ['', 'structuredClone(u)'],
  'array-from': ['', 'Array.from(u)'],
  'promise-resolve': ['', 'await Promise.resolve(u)'],
  'promise-all': ['', '(await Promise.all([u]))[0]'],
  'object-assign': ['', 'Object.assign({}, { u }).u'],
  'rxjs-first-value': [`import { firstValueFrom } from 'rxjs';`, 'await firstValueFrom(u)'],
  'url-format': [`import url from 'node:url';`, 'url.format(u)'],
  'path-join': [`import path from 'node:path';`, 'path.join(u, "x")'],
  'util-format': [`import util from 'node:util';`, 'util.format("%s", u)'],
  querystring: [`import querystring from 'node:querystring';`, 'querystring.stringify(u)'],
  qs: [`import qs from 'qs';`, 'qs.stringify(u)'],
  'dns-lookup': [`import dns from 'node:dns';`, 'dns.lookup(u)'],
  'dns-promises-lookup': [`import { lookup } from 'node:dns/promises';`, '(await lookup(u)).address'],
  'lodash-pick': [`import _ from 'lodash';`, "_.pick(u, ['a']).a"],
  'lodash-pick-module': [`import pick from 'lodash/pick';`, "pick(u, ['a']).a"],
  'lodash-get': [`import _ from 'lodash';`, "_.get(u, 'a.b')"],
  'lodash-get-module': [`import get from 'lodash/get';`, "get(u, 'a.b')"],
  'lodash-merge': [`import _ from 'lodash';`, '_.merge({}, u)'],
  'class-transformer': [`import { plainToInstance } from 'class-transformer';`, 'plainToInstance(Dto, u).url'],
  // The request itself, not `u`: the validated fields of its inputs.
  'express-validator-matched-data': [`import { matchedData } from 'express-validator';`, 'matchedData(req).url'],
};

describe('PROPAGATION_STEPS', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(PROPAGATION_STEPS.map((row) => row.name).sort());
  });
  for (const row of PROPAGATION_STEPS) {
    it(`${row.name} carries the input`, () => {
      const [imports, expression] = SAMPLES[row.name]!;
      // One flow per input the result can hold (matchedData: one per request input it merges).
      const expected = row.effect.kind === 'request-inputs' ? row.effect.inputs.length : 1;
      expect(flows(`${imports}\n${handler(`const u = req.body.u;\n  sink(${expression});`)}`)).toBe(expected);
    });
    if (row.module !== undefined) {
      it(`${row.name} does not apply to an uncatalogued module`, () => {
        const [imports, expression] = SAMPLES[row.name]!;
        const elsewhere = imports.replace(/from '[^']+'/, "from './local-helpers.js'");
        expect(flows(`${elsewhere}\n${handler(`const u = req.body.u;\n  sink(${expression});`)}`)).toBe(0);
      });
    }
  }
});

describe('VALIDATION_METHOD_STEPS', () => {
  for (const row of VALIDATION_METHOD_STEPS) {
    it(`${row.name}: schema.${row.method}(input) is still the input`, () => {
      const read = row.effect.kind === 'wrap' ? `.${row.effect.field}.url` : '.url';
      expect(flows(handler(`sink((await schema.${row.method}(req.body))${read});`))).toBe(1);
    });
  }
  it('passes nothing when the validated value is not client input', () => {
    expect(flows(handler(`sink(schema.parse(config.defaults).url);`))).toBe(0);
  });
});
