/**
 * No report prints a secret whole: a realistic fake Stripe key and a database URL password, found by
 * `no-hardcoded-secrets`, go through every output format (text, json, sarif with its `snippet` and
 * `contextRegion`, markdown, html) and the baseline file; none holds either value, and each shows
 * the finding (so the check is not passing on an empty report).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { SCAN_FORMATS } from '../../src/cli/scan.js';
import { FAKE } from '../utils/fake-secrets.js';
import { copyFixture, scan } from './helpers.js';

const KEY = FAKE.stripeLiveSecret;
const PASSWORD = FAKE.dbPassword;
const secretRules = { 'no-hardcoded-secrets': rules['no-hardcoded-secrets']! };

function appWithSecrets(): string {
  const app = copyFixture('cli/express-app');
  writeFileSync(
    path.join(app, 'src/billing.ts'),
    [
      "import Stripe from 'stripe';",
      `const stripe = new Stripe('${KEY}', { apiVersion: '2024-06-20' });`,
      `export const DATABASE_URL = 'postgres://billing:${PASSWORD}@db.internal:5432/billing';`,
      'export default stripe;',
      '',
    ].join('\n'),
  );
  return app;
}

describe('secrets are masked in every output', () => {
  it.each(SCAN_FORMATS)('%s', async (format) => {
    const app = appWithSecrets();
    const run = await scan({ cwd: app, format, rules: secretRules, paths: ['src/billing.ts'] });
    expect(run.exitCode).toBe(1);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain(KEY);
      expect(output).not.toContain(PASSWORD);
      // Not even the key without its prefix, nor its second half.
      expect(output).not.toContain(KEY.slice(8));
      expect(output).not.toContain(KEY.slice(-12));
    }
    expect(run.stdout).toContain('no-hardcoded-secrets');
  });

  it('sarif: the region snippet and the context region are masked, and present', async () => {
    const app = appWithSecrets();
    const run = await scan({ cwd: app, format: 'sarif', rules: secretRules, paths: ['src/billing.ts'] });
    const results = (JSON.parse(run.stdout) as sarif.Log).runs[0]!.results!;
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const result of results) {
      const location = result.locations![0]!.physicalLocation!;
      const texts = [location.region?.snippet?.text, location.contextRegion?.snippet?.text, result.message.text];
      expect(texts.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
      for (const text of texts) {
        expect(text).not.toContain(KEY.slice(8));
        expect(text).not.toContain(PASSWORD);
      }
    }
  });

  it('the baseline file keeps masked messages only', async () => {
    const app = appWithSecrets();
    const run = await scan({ cwd: app, rules: secretRules, paths: ['src/billing.ts'], writeBaseline: 'baseline.json' });
    expect(run.exitCode).toBe(0);
    const baseline = readFileSync(path.join(app, 'baseline.json'), 'utf8');
    expect(baseline).toContain('no-hardcoded-secrets');
    expect(baseline).not.toContain(KEY.slice(8));
    expect(baseline).not.toContain(PASSWORD);
  });
});
