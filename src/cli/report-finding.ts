/**
 * Turns a rule's `Finding` into the CLI's `ReportedFinding` (without its fingerprint, which needs
 * every finding of the file): 1-based positions like ESLint, the interpolated message, the masked
 * text of the reported line, suggestions merged into ESLint's one-edit shape, related locations.
 */
import type * as ts from 'typescript';
import type { Finding, TextEdit } from '../core/finding.js';
import { interpolateMessage } from './message-format.js';
import type { ReportedFinding, ReportedSuggestion, SelectedRule } from './scan-report.js';
import { redactSnippet } from './snippet-redaction.js';

/** The longest snippet printed; longer lines are cut (minified-looking code, data URLs). */
export const MAX_SNIPPET_CHARS = 240;

export type UnfingerprintedFinding = Omit<ReportedFinding, 'fingerprint'> & {
  /** The raw reported line, for the fingerprint (never printed). */
  readonly rawLine: string;
  /** `Finding.fingerprint` parts. */
  readonly fingerprintParts: readonly string[];
  readonly startOffset: number;
};

/** The text of the 0-based line `line` of `sourceFile`, without its line break. */
export function getLineText(sourceFile: ts.SourceFile, line: number): string {
  const starts = sourceFile.getLineStarts();
  const start = starts[line] ?? 0;
  const end = line + 1 < starts.length ? starts[line + 1]! : sourceFile.text.length;
  return sourceFile.text.slice(start, end).replace(/\r?\n$/u, '').replace(/\r$/u, '');
}

function mergeEdits(edits: readonly TextEdit[], text: string): { range: [number, number]; text: string } | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = Math.max(...sorted.map((e) => e.end));
  let out = '';
  let cursor = start;
  for (const edit of sorted) {
    if (edit.start < cursor) return undefined; // overlapping edits cannot be merged
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor, end);
  return { range: [start, end], text: out };
}

function routeOf(data: Readonly<Record<string, string | number>>): string | undefined {
  if (typeof data.route === 'string') return data.route;
  if (typeof data.method === 'string' && typeof data.path === 'string') return `${data.method} ${data.path}`;
  return undefined;
}

export function toReportedFinding(sourceFile: ts.SourceFile, selected: SelectedRule, finding: Finding): UnfingerprintedFinding {
  const start = finding.range?.start ?? finding.node.getStart(sourceFile);
  const end = finding.range?.end ?? finding.node.getEnd();
  const startPos = sourceFile.getLineAndCharacterOfPosition(start);
  const endPos = sourceFile.getLineAndCharacterOfPosition(Math.max(start, end));
  const messages = (selected.rule.meta.messages ?? {}) as Record<string, string>;
  const template = messages[finding.messageId] ?? finding.messageId;
  const rawLine = getLineText(sourceFile, startPos.line);
  const shown = rawLine.length > MAX_SNIPPET_CHARS ? `${rawLine.slice(0, MAX_SNIPPET_CHARS)}…` : rawLine;
  // The region's own text on its first line (cut like the snippet), masked.
  const lineStart = sourceFile.getLineStarts()[startPos.line] ?? 0;
  const regionEnd = endPos.line === startPos.line ? end - lineStart : rawLine.length;
  const regionRaw = rawLine.slice(startPos.character, Math.min(regionEnd, startPos.character + MAX_SNIPPET_CHARS));
  const regionSnippet = redactSnippet(regionRaw);
  const suggestions: ReportedSuggestion[] = [];
  for (const suggestion of finding.suggestions ?? []) {
    const fix = mergeEdits(suggestion.edits, sourceFile.text);
    if (!fix) continue;
    const desc = redactSnippet(interpolateMessage(messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data));
    const data = suggestion.data
      ? Object.fromEntries(Object.entries(suggestion.data).map(([key, value]) => [key, typeof value === 'string' ? redactSnippet(value) : value]))
      : undefined;
    suggestions.push({ messageId: suggestion.messageId, ...(data ? { data } : {}), desc, fix });
  }
  const related = (finding.related ?? []).map((r) => {
    const file = r.node.getSourceFile() ?? sourceFile;
    const pos = file.getLineAndCharacterOfPosition(r.node.getStart(file));
    return { message: redactSnippet(r.message), filePath: file.fileName, line: pos.line + 1, column: pos.character + 1 };
  });
  const route = routeOf(finding.data);
  const parts = [...(finding.fingerprint ?? []), ...(route ? [route] : [])];
  return {
    ruleId: `api-guard/${selected.id}`,
    ruleName: selected.id,
    severity: selected.level === 'warn' || finding.severity === 'warning' ? 'warning' : 'error',
    messageId: finding.messageId,
    // Rules mask the secrets they name; masking the whole message again covers code that another
    // rule quotes (a URL with a password, a token passed to a sink).
    message: redactSnippet(interpolateMessage(template, finding.data)),
    line: startPos.line + 1,
    column: startPos.character + 1,
    endLine: endPos.line + 1,
    endColumn: endPos.character + 1,
    snippet: redactSnippet(shown),
    regionSnippet,
    suggestions,
    related,
    ...(route ? { route } : {}),
    rawLine,
    fingerprintParts: parts,
    startOffset: start,
  };
}
