/**
 * The SARIF output validated against the official SARIF 2.1.0 JSON schema (rtm.5, the version
 * GitHub code scanning accepts; shipped in the `@microsoft/jest-sarif` dev dependency), with the
 * same ajv 6 the CLI uses for rule options. Real rules on a fixture app, so rule metadata, related
 * locations, fingerprints, suppressions and notifications all appear in the log.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { rules as builtInRules } from '../../rules/index.js';
import { copyFixture, scan } from './helpers.js';

const require = createRequire(import.meta.url);

function createSarifValidator(): Ajv.ValidateFunction {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, jsonPointers: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);
}

describe('sarif against the 2.1.0 schema', () => {
  const validate = createSarifValidator();

  it('accepts the log of a scan with findings, a parse error and an automation id', async () => {
    const app = copyFixture('apps/express-ts');
    writeFileSync(path.join(app, 'src/broken.ts'), 'const = ;\n');
    const run = await scan({ cwd: app, format: 'sarif', rules: builtInRules, automationId: 'api-guard/express-ts/' });
    const log = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  }, 60_000);

  it('accepts the log of a clean scan', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'src/clean.ts'), 'export const answer = 42;\n');
    const run = await scan({ cwd: app, format: 'sarif', paths: ['src/clean.ts'] });
    expect(validate(JSON.parse(run.stdout))).toBe(true);
  });

  it('rejects a log that breaks the schema (the validator is live)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
