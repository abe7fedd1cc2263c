/**
 * `--format gitlab`: GitLab's SAST report (schema 15.x) with the fields GitLab requires, severities
 * from the rules' security severity, CWE identifiers, and ids that stay the same between runs.
 */
import { describe, expect, it } from 'vitest';
import { buildGitlabSastReport, toGitlabSeverity, type GitlabSastReport } from '../../src/cli/format/gitlab-sast.js';
import { copyFixture, scan } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GITLAB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

describe('scan --format gitlab', () => {
  it('writes a SAST report with every field GitLab requires', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, format: 'gitlab' });
    const report = JSON.parse(run.stdout) as GitlabSastReport;
    expect(report.version).toBe('15.0.7');
    expect(report.scan).toMatchObject({ type: 'sast', status: 'success', analyzer: { id: 'api-guard', vendor: { name: 'api-guard' } }, scanner: { id: 'api-guard' } });
    expect(report.scan.start_time).toMatch(GITLAB_TIME);
    expect(report.scan.end_time).toMatch(GITLAB_TIME);
    expect(report.vulnerabilities.length).toBeGreaterThan(0);
    for (const v of report.vulnerabilities) {
      expect(v.id).toMatch(UUID);
      expect(v.name.length).toBeGreaterThan(0);
      expect(v.description.length).toBeGreaterThan(0);
      expect(v.location.file).toMatch(/^src\//);
      expect(v.location.start_line).toBeGreaterThan(0);
      expect(v.identifiers[0]).toMatchObject({ type: 'api_guard_rule_id' });
    }
    const danger = report.vulnerabilities.find((v) => v.identifiers[0]!.value === 'api-guard/no-danger')!;
    expect(danger.severity).toBe('High');
    expect(danger.identifiers).toContainEqual({ type: 'cwe', name: 'CWE-918', value: '918', url: 'https://cwe.mitre.org/data/definitions/918.html' });
    expect(danger.identifiers).toContainEqual({ type: 'owasp', name: 'OWASP API7:2023', value: 'API7:2023' });
  });

  it('gives a finding the same id in every run', async () => {
    const app = copyFixture('cli/express-app');
    const first = (await scan({ cwd: app, format: 'json' })).report!;
    const a = buildGitlabSastReport(first, { now: new Date('2026-01-02T03:04:05Z') });
    const b = buildGitlabSastReport((await scan({ cwd: app, format: 'json' })).report!, { now: new Date('2026-01-02T03:04:05Z') });
    expect(a.vulnerabilities.map((v) => v.id)).toEqual(b.vulnerabilities.map((v) => v.id));
    expect(new Set(a.vulnerabilities.map((v) => v.id)).size).toBe(a.vulnerabilities.length);
    expect(a.scan.end_time).toBe('2026-01-02T03:04:05');
  });

  it('maps security severity scores to GitLab severities', () => {
    expect([9.8, 8.1, 5.3, 3.1, 0, undefined].map(toGitlabSeverity)).toEqual(['Critical', 'High', 'Medium', 'Low', 'Info', 'Unknown']);
  });
});
