/**
 * SARIF 2.1.0 output, checked structurally against the specification's required properties and
 * allowed keys (the schema itself is not vendored), plus what GitHub code scanning reads: rule
 * tags with CWE and OWASP, `security-severity`, relative URIs under %SRCROOT%, masked snippets,
 * fingerprints that survive a line shift, and `automationDetails.id`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../../src/cli/format/sarif.js';
import { copyFixture, scan } from './helpers.js';

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  driver: ['name', 'guid', 'fullName', 'shortDescription', 'fullDescription', 'globalMessageStrings', 'informationUri', 'downloadUri', 'organization', 'product', 'productSuite', 'semanticVersion', 'version', 'dottedQuadFileVersion', 'releaseDateUtc', 'language', 'rules', 'notifications', 'taxa', 'locations', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  rule: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  result: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  region: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
  notification: ['locations', 'message', 'level', 'threadId', 'timeUtc', 'exception', 'descriptor', 'associatedRule', 'properties'],
};

function expectKeys(object: object, kind: keyof typeof ALLOWED_KEYS): void {
  for (const key of Object.keys(object)) expect(ALLOWED_KEYS[kind], `${kind}.${key}`).toContain(key);
}

function expectRegion(region: sarif.Region): void {
  expectKeys(region, 'region');
  expect(region.startLine).toBeGreaterThanOrEqual(1);
  if (region.startColumn !== undefined) expect(region.startColumn).toBeGreaterThanOrEqual(1);
  if (region.endLine !== undefined) expect(region.endLine).toBeGreaterThanOrEqual(region.startLine!);
  if (region.endColumn !== undefined) expect(region.endColumn).toBeGreaterThanOrEqual(1);
}

/** Structural validation of the parts of SARIF 2.1.0 the formatter writes. */
function validateSarif(log: sarif.Log): void {
  expectKeys(log, 'log');
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    expectKeys(run, 'run');
    expectKeys(run.tool.driver, 'driver');
    expect(typeof run.tool.driver.name).toBe('string');
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) {
      expectKeys(rule, 'rule');
      expect(typeof rule.id).toBe('string');
      expect(typeof rule.shortDescription?.text).toBe('string');
      if (rule.helpUri) expect(() => new URL(rule.helpUri!)).not.toThrow();
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration?.level);
      const severity = Number(rule.properties?.['security-severity']);
      expect(severity).toBeGreaterThanOrEqual(0);
      expect(severity).toBeLessThanOrEqual(10);
    }
    for (const [id, base] of Object.entries(run.originalUriBaseIds ?? {})) {
      expect(id).toMatch(/^%\w+%$/);
      expect(base.uri).toMatch(/^file:\/\/.*\/$/);
    }
    for (const result of run.results ?? []) {
      expectKeys(result, 'result');
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      for (const location of result.locations ?? []) {
        const physical = location.physicalLocation!;
        expectKeys(physical, 'physicalLocation');
        const artifact = physical.artifactLocation!;
        if (artifact.uriBaseId) expect(run.originalUriBaseIds?.[artifact.uriBaseId]).toBeDefined();
        expect(() => new URL(artifact.uri!, 'file:///base/')).not.toThrow();
        expectRegion(physical.region!);
        if (physical.contextRegion) expectRegion(physical.contextRegion);
      }
      for (const value of Object.values(result.partialFingerprints ?? {})) expect(typeof value).toBe('string');
    }
    for (const invocation of run.invocations ?? []) {
      expect(typeof invocation.executionSuccessful).toBe('boolean');
      for (const n of invocation.toolExecutionNotifications ?? []) {
        expectKeys(n, 'notification');
        expect(['none', 'note', 'warning', 'error']).toContain(n.level);
      }
    }
  }
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with the metadata code scanning reads', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'src/broken.ts'), 'const = ;\n');
    const run = await scan({ cwd: app, format: 'sarif', automationId: 'api-guard/express-app/' });
    const log = JSON.parse(run.stdout) as sarif.Log;
    validateSarif(log);
    const sarifRun = log.runs[0]!;
    expect(sarifRun.automationDetails).toEqual({ id: 'api-guard/express-app/' });
    const rule = sarifRun.tool.driver.rules!.find((r) => r.id === 'api-guard/no-danger')!;
    expect(rule.properties).toMatchObject({
      tags: ['security', 'external/cwe/cwe-918', 'external/owasp/api7:2023'],
      precision: 'high',
      'security-severity': '8.1',
    });
    expect(rule.helpUri).toMatch(/docs\/rules\/no-danger\.md$/);
    const result = sarifRun.results!.find((r) => r.message.text?.includes('req.params.id'))!;
    expect(result.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/routes/users.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 3, endLine: 6, endColumn: 24, snippet: { text: 'danger(req.params.id)' } },
      contextRegion: { startLine: 6, endLine: 6, snippet: { text: '  danger(req.params.id);' } },
    });
    expect(result.level).toBe('error');
    expect(sarifRun.results!.find((r) => r.ruleId === 'api-guard/prefer-care')!.level).toBe('warning');
    const notifications = sarifRun.invocations![0]!.toolExecutionNotifications!;
    expect(notifications.some((n) => n.message.text?.includes('src/broken.ts') && n.level === 'error')).toBe(true);
  });

  it('partial fingerprints are stable across a line shift', async () => {
    const app = copyFixture('cli/express-app');
    const before = JSON.parse((await scan({ cwd: app, format: 'sarif' })).stdout) as sarif.Log;
    const file = path.join(app, 'src/routes/users.ts');
    writeFileSync(file, `\n\n\n${readFileSync(file, 'utf8')}`);
    const after = JSON.parse((await scan({ cwd: app, format: 'sarif' })).stdout) as sarif.Log;
    const prints = (log: sarif.Log): string[] => log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!).sort();
    expect(prints(after)).toEqual(prints(before));
    const lines = (log: sarif.Log): number[] => log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.region!.startLine!);
    expect(lines(after)).not.toEqual(lines(before));
  });

  it('masks secrets in snippets', async () => {
    const app = copyFixture('cli/express-app');
    const key = ['sk_live_', '4eC39HqLyjWDarjtT1zdp7dc', 'Q9x2'].join('');
    writeFileSync(path.join(app, 'src/pay.ts'), `danger('${key}');\ndeclare function danger(v: string): void;\n`);
    const run = await scan({ cwd: app, format: 'sarif', paths: ['src/pay.ts'] });
    expect(run.stdout).not.toContain(key);
    expect(run.stdout).toContain('sk_l…');
  });
});
