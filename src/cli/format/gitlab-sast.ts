/**
 * GitLab's SAST report (`gl-sast-report.json`, schema 15.x) for `artifacts: reports: sast:`, so the
 * merge-request security widget and the vulnerability report show api-guard's findings: one
 * vulnerability per finding with its file and lines, a severity from the rule's
 * `securitySeverity`, the rule and its CWE and OWASP ids as identifiers, and a stable id derived
 * from the finding's fingerprint. Inline-suppressed findings are left out (GitLab has no
 * suppression state); baseline and `--quiet` apply as in every format.
 */
import { createHash } from 'node:crypto';
import type { ReportedFinding, ScanReport, SelectedRule } from '../scan-report.js';

export const GITLAB_SAST_SCHEMA_VERSION = '15.0.7';

export type GitlabSeverity = 'Critical' | 'High' | 'Medium' | 'Low' | 'Info' | 'Unknown';

export interface GitlabIdentifier {
  readonly type: string;
  readonly name: string;
  readonly value: string;
  readonly url?: string;
}

export interface GitlabVulnerability {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly severity: GitlabSeverity;
  readonly location: { readonly file: string; readonly start_line: number; readonly end_line: number };
  readonly identifiers: readonly GitlabIdentifier[];
}

export interface GitlabSastReport {
  readonly version: string;
  readonly vulnerabilities: readonly GitlabVulnerability[];
  readonly scan: {
    readonly analyzer: GitlabTool;
    readonly scanner: GitlabTool;
    readonly type: 'sast';
    readonly start_time: string;
    readonly end_time: string;
    readonly status: 'success';
  };
}

interface GitlabTool {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly vendor: { readonly name: string };
  readonly url?: string;
}

export interface GitlabFormatOptions {
  /** The end of the scan (default: now); the start is `durationMs` earlier. */
  readonly now?: Date;
}

/** GitLab's severities from a CVSS-like score (the rule's `securitySeverity`). */
export function toGitlabSeverity(score: number | undefined): GitlabSeverity {
  if (score === undefined || Number.isNaN(score)) return 'Unknown';
  if (score >= 9) return 'Critical';
  if (score >= 7) return 'High';
  if (score >= 4) return 'Medium';
  if (score > 0) return 'Low';
  return 'Info';
}

/** A UUID-shaped id, stable for a finding's fingerprint (GitLab recommends UUIDs). */
function stableId(fingerprint: string, ruleId: string): string {
  const hex = createHash('sha256').update(`${ruleId}\u0000${fingerprint}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** GitLab's timestamp format: `YYYY-MM-DDTHH:MM:SS`, no milliseconds or zone. */
function timestamp(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function identifiers(finding: ReportedFinding, rule: SelectedRule | undefined): GitlabIdentifier[] {
  const docs = rule?.rule.meta.docs;
  const ids: GitlabIdentifier[] = [{ type: 'api_guard_rule_id', name: finding.ruleId, value: finding.ruleId, ...(docs?.url ? { url: docs.url } : {}) }];
  for (const cwe of docs?.cwe ?? []) {
    const n = /\d+/.exec(cwe)?.[0];
    if (n) ids.push({ type: 'cwe', name: `CWE-${n}`, value: n, url: `https://cwe.mitre.org/data/definitions/${n}.html` });
  }
  for (const owasp of docs?.owasp ?? []) ids.push({ type: 'owasp', name: `OWASP ${owasp}`, value: owasp });
  return ids;
}

export function buildGitlabSastReport(report: ScanReport, options: GitlabFormatOptions = {}): GitlabSastReport {
  const rules = new Map(report.rules.map((r) => [`api-guard/${r.id}`, r]));
  const vulnerabilities: GitlabVulnerability[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const rule = rules.get(finding.ruleId);
      const docs = rule?.rule.meta.docs;
      vulnerabilities.push({
        id: stableId(finding.fingerprint, finding.ruleId),
        name: docs?.description ?? finding.ruleId,
        description: finding.message,
        // A finding of no rule (a suppression without a reason) is a note, not a vulnerability.
        severity: rule ? toGitlabSeverity(docs?.securitySeverity) : 'Info',
        location: { file: file.relativePath, start_line: finding.line, end_line: finding.endLine },
        identifiers: identifiers(finding, rule),
      });
    }
  }
  const end = options.now ?? new Date();
  const start = new Date(end.getTime() - Math.max(0, Math.round(report.durationMs)));
  const tool: GitlabTool = {
    id: 'api-guard',
    name: report.toolName,
    version: report.toolVersion,
    vendor: { name: 'api-guard' },
    url: 'https://github.com/api-guard/eslint-plugin-api-guard',
  };
  return {
    version: GITLAB_SAST_SCHEMA_VERSION,
    vulnerabilities,
    scan: { analyzer: tool, scanner: tool, type: 'sast', start_time: timestamp(start), end_time: timestamp(end), status: 'success' },
  };
}

export function formatGitlabSast(report: ScanReport, options: GitlabFormatOptions = {}): string {
  return `${JSON.stringify(buildGitlabSastReport(report, options), null, 2)}\n`;
}
