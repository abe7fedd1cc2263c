/**
 * A pull-request comment: a summary table by rule and severity, then the findings with `file:line`
 * links (to `--link-base` when given, e.g. a blob URL at the commit). Text from the analyzed code
 * is escaped so it cannot inject HTML, tables or links into the comment; snippets are masked.
 */
import { countFindings, type ScanReport } from '../scan-report.js';
import { listSuppressed } from '../suppressions.js';

export interface MarkdownFormatOptions {
  /** Prefix for links: `https://github.com/org/repo/blob/<sha>/`; without it, paths are printed as code. */
  readonly linkBase?: string;
  /** Findings listed at most (PR comments have a size limit); the table always counts all. */
  readonly maxFindings?: number;
}

/** Escapes text for a Markdown paragraph or table cell: HTML, table pipes, link brackets, newlines. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\|/gu, '\\|')
    .replace(/\[/gu, '\\[')
    .replace(/\]/gu, '\\]')
    .replace(/\r?\n/gu, ' ');
}

/**
 * A rule message for Markdown: its `code spans` stay code (rendered literally, so `Partial<T>`
 * reads right), everything else is escaped. Unbalanced backticks: all of it is escaped text.
 */
export function markdownMessage(message: string): string {
  const parts = message.replace(/\r?\n/gu, ' ').split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(message).replace(/`/gu, '\\`');
  return parts.map((part, i) => (i % 2 === 1 ? codeSpan(part) : escapeMarkdown(part))).join('');
}

/** A code span that cannot be broken out of: the fence is longer than any backtick run inside. */
function codeSpan(text: string): string {
  const clean = text.replace(/\r?\n/gu, ' ');
  const longest = Math.max(0, ...[...clean.matchAll(/`+/gu)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean.length === 0 ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function link(path: string, line: number, base: string | undefined): string {
  const label = `${path}:${line}`;
  if (!base) return codeSpan(label);
  const url = `${base.endsWith('/') ? base : `${base}/`}${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
  return `[${escapeMarkdown(label)}](${url.replace(/[()]/gu, (c) => encodeURIComponent(c))})`;
}

export function formatMarkdown(report: ScanReport, options: MarkdownFormatOptions = {}): string {
  const counts = countFindings(report);
  const out: string[] = ['## api-guard', ''];
  const total = counts.errors + counts.warnings;
  if (total === 0 && counts.fatal === 0) {
    out.push(`No problems found in ${report.files.length} files.`);
  } else {
    out.push(`**${total}** finding${total === 1 ? '' : 's'}: ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}` + (counts.fatal > 0 ? `; ${counts.fatal} file${counts.fatal === 1 ? '' : 's'} could not be parsed` : '') + '.');
  }
  if (report.baselineSuppressed > 0) out.push('', `${report.baselineSuppressed} known finding${report.baselineSuppressed === 1 ? ' is' : 's are'} in the baseline and not shown.`);
  const byRule = new Map<string, { errors: number; warnings: number }>();
  for (const file of report.files) {
    for (const f of file.findings) {
      const row = byRule.get(f.ruleId) ?? { errors: 0, warnings: 0 };
      if (f.severity === 'error') row.errors++;
      else row.warnings++;
      byRule.set(f.ruleId, row);
    }
  }
  if (byRule.size > 0) {
    out.push('', '| rule | errors | warnings |', '| --- | ---: | ---: |');
    const docs = new Map(report.rules.map((r) => [`api-guard/${r.id}`, r.rule.meta.docs?.url]));
    for (const [ruleId, row] of [...byRule].sort((a, b) => b[1].errors - a[1].errors || a[0].localeCompare(b[0]))) {
      const url = docs.get(ruleId);
      out.push(`| ${url ? `[${ruleId}](${url})` : codeSpan(ruleId)} | ${row.errors} | ${row.warnings} |`);
    }
    out.push('', '### Findings', '');
    const max = options.maxFindings ?? 200;
    let listed = 0;
    const ordered = report.files.flatMap((file) => file.findings.map((f) => ({ file, f }))).sort((a, b) => (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1));
    for (const { file, f } of ordered) {
      if (listed >= max) break;
      listed++;
      out.push(`- **${f.severity}** ${link(file.relativePath, f.line, options.linkBase)} ${markdownMessage(f.message)} (${codeSpan(f.ruleId)})`);
      if (f.snippet.trim()) out.push(`  ${codeSpan(f.snippet.trim())}`);
    }
    if (ordered.length > listed) out.push('', `… and ${ordered.length - listed} more; see the full report.`);
  }
  const suppressed = listSuppressed(report);
  if (suppressed.length > 0) {
    out.push('', `<details><summary>Suppressed inline (${suppressed.length})</summary>`, '', '| location | rule | reason |', '| --- | --- | --- |');
    for (const { relativePath, finding } of suppressed) {
      const reason = finding.suppression.reason ? escapeMarkdown(finding.suppression.reason) : '**no reason given**';
      out.push(`| ${link(relativePath, finding.line, options.linkBase)} | ${codeSpan(finding.ruleId)} | ${reason} |`);
    }
    out.push('', '</details>');
  }
  const skipped = report.diagnostics.filter((d) => d.kind !== 'file-note');
  if (skipped.length > 0) {
    out.push('', '<details><summary>Notes</summary>', '');
    for (const d of skipped) out.push(`- ${escapeMarkdown(d.message)}`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
