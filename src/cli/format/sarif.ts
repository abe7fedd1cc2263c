/**
 * SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): the rules with their metadata
 * (CWE and OWASP tags, `security-severity`, precision), results with masked snippets and
 * `partialFingerprints` that survive line shifts, skipped files as tool notifications, and an
 * optional `automationDetails.id` so several jobs (one per repository or workspace) can upload
 * side by side.
 */
import type * as sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import { relativeToRoot } from '../report-path.js';
import type { ReportedFinding, ScanReport, SelectedRule } from '../scan-report.js';

export interface SarifFormatOptions {
  /** `runAutomationDetails.id`, e.g. `api-guard/payments-service/`. */
  readonly automationId?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'apiGuardFingerprint/v1';
const SRCROOT = '%SRCROOT%';

function cweTag(cwe: string): string {
  const n = /\d+/.exec(cwe)?.[0];
  return n ? `external/cwe/cwe-${n}` : `external/cwe/${cwe.toLowerCase()}`;
}

function owaspTag(owasp: string): string {
  return `external/owasp/${owasp.toLowerCase()}`;
}

function toSarifRule(selected: SelectedRule): sarif.ReportingDescriptor {
  const docs = selected.rule.meta.docs;
  const description = docs?.description ?? selected.id;
  const tags = ['security', ...(docs?.cwe ?? []).map(cweTag), ...(docs?.owasp ?? []).map(owaspTag)];
  const url = docs?.url;
  return {
    id: `api-guard/${selected.id}`,
    name: selected.id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    ...(url ? { helpUri: url, help: { text: `${description}\nSee ${url}`, markdown: `${description}\n\n[Documentation](${url})` } } : {}),
    defaultConfiguration: { level: selected.level === 'error' ? 'error' : 'warning' },
    properties: {
      tags,
      ...(docs?.precision ? { precision: docs.precision } : {}),
      ...(typeof docs?.securitySeverity === 'number' ? { 'security-severity': docs.securitySeverity.toFixed(1) } : {}),
      ...(docs?.cwe ? { cwe: [...docs.cwe] } : {}),
      ...(docs?.owasp ? { owasp: [...docs.owasp] } : {}),
    },
  };
}

function isRelativeUri(relativePath: string): boolean {
  return !relativePath.startsWith('/') && !/^[a-zA-Z]:/.test(relativePath);
}

function artifactLocation(relativePath: string, filePath: string): sarif.ArtifactLocation {
  if (isRelativeUri(relativePath)) return { uri: encodeURI(relativePath), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(filePath).href };
}

function toSarifResult(finding: ReportedFinding, relativePath: string, filePath: string, ruleIndex: number, root: string): sarif.Result {
  const location = artifactLocation(relativePath, filePath);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            snippet: { text: finding.regionSnippet },
          },
          contextRegion: { startLine: finding.line, endLine: finding.line, snippet: { text: finding.snippet } },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: artifactLocation(r.filePath === filePath ? relativePath : relativeToRoot(root, r.filePath), r.filePath), region: { startLine: r.line, startColumn: r.column } },
          })),
        }
      : {}),
    ...(finding.route ? { properties: { route: finding.route } } : {}),
  };
}

export function buildSarifLog(report: ScanReport, options: SarifFormatOptions = {}): sarif.Log {
  const rules = report.rules.map(toSarifRule);
  const ruleIndexes = new Map(rules.map((r, i) => [r.id, i]));
  const results: sarif.Result[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) results.push(toSarifResult(finding, file.relativePath, file.filePath, ruleIndexes.get(finding.ruleId) ?? -1, report.root));
    // Inline suppressions stay in the log, marked as such with their reason (code scanning closes them).
    for (const finding of file.suppressed ?? []) {
      const result = toSarifResult(finding, file.relativePath, file.filePath, ruleIndexes.get(finding.ruleId) ?? -1, report.root);
      results.push({ ...result, suppressions: [{ kind: 'inSource', status: 'accepted', justification: finding.suppression.reason ?? '' }] });
    }
  }
  const notifications: sarif.Notification[] = report.diagnostics.map((d) => ({
    level: d.kind === 'file-note' ? 'note' : 'warning',
    message: { text: d.message },
    descriptor: { id: `api-guard/${d.kind}` },
  }));
  for (const file of report.files) {
    if (!file.parseError) continue;
    notifications.push({
      level: 'error',
      message: { text: `${file.relativePath}: ${file.parseError.message}` },
      descriptor: { id: 'api-guard/parse-error' },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.relativePath, file.filePath), region: { startLine: file.parseError.line, startColumn: file.parseError.column } } }],
    });
  }
  const rootUri = pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href;
  const run: sarif.Run = {
    tool: {
      driver: {
        name: report.toolName,
        semanticVersion: report.toolVersion,
        version: report.toolVersion,
        informationUri: 'https://github.com/api-guard/eslint-plugin-api-guard',
        rules,
      },
    },
    ...(options.automationId ? { automationDetails: { id: options.automationId } } : {}),
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(report: ScanReport, options: SarifFormatOptions = {}): string {
  return `${JSON.stringify(buildSarifLog(report, options), null, 2)}\n`;
}
