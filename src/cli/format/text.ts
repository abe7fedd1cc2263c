/**
 * The text report for people: findings grouped by file, each with the reported line as a code
 * frame (secrets masked), colors on a terminal, and one summary line. Diagnostics (skipped files,
 * config problems) go to stderr in every format; see `scan.ts`.
 */
import { createColors } from 'picocolors';
import { countFindings, type ScanReport } from '../scan-report.js';
import { listSuppressed } from '../suppressions.js';

export interface TextFormatOptions {
  readonly color: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Control characters from the analyzed code never reach the terminal as such. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, '�').replace(/\t/gu, '  ');
}

/** Removes terminal control sequences from text taken from the analyzed code. */
export { printable as toPrintableText };

export function formatText(report: ScanReport, options: TextFormatOptions): string {
  const c = createColors(options.color);
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0 && !file.parseError) continue;
    out.push(c.underline(printable(file.relativePath)));
    if (file.parseError) {
      out.push(`  ${file.parseError.line}:${file.parseError.column}  ${c.red('error')}  ${printable(file.parseError.message)}`);
    }
    for (const f of file.findings) {
      const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
      out.push(`  ${c.dim(`${f.line}:${f.column}`)}  ${severity}  ${printable(f.message)}  ${c.dim(f.ruleId)}`);
      const gutter = String(f.line);
      const snippet = printable(f.snippet);
      if (snippet.trim().length > 0) {
        out.push(c.dim(`    ${gutter} | `) + snippet);
        const caretOffset = Math.max(0, Math.min(f.column - 1, snippet.length));
        // The region as printed (masked), so the caret ends where the masked value ends.
        const caretWidth = Math.max(1, Math.min(printable(f.regionSnippet).length, snippet.length - caretOffset));
        out.push(c.dim(`    ${' '.repeat(gutter.length)} | `) + ' '.repeat(caretOffset) + c.red('^'.repeat(caretWidth)));
      }
      for (const related of f.related) {
        out.push(c.dim(`      ↳ ${printable(related.message)} (${related.line}:${related.column})`));
      }
    }
    out.push('');
  }
  const suppressed = listSuppressed(report);
  if (suppressed.length > 0) {
    out.push(c.bold(`Suppressed inline (${suppressed.length}):`));
    for (const { relativePath, finding } of suppressed) {
      const reason = finding.suppression.reason ? printable(finding.suppression.reason) : c.yellow('no reason given');
      out.push(`  ${printable(relativePath)}:${finding.line}  ${c.dim(finding.ruleId)}  ${reason}`);
    }
    out.push('');
  }
  const counts = countFindings(report);
  const problems = counts.errors + counts.warnings + counts.fatal;
  const analyzed = report.files.filter((f) => !f.skipReason && !f.parseError).length;
  const skipped = report.files.length - analyzed;
  const parts = [`${plural(analyzed, 'file')} analyzed`];
  if (skipped > 0) parts.push(`${skipped} skipped`);
  if (report.baselineSuppressed > 0) parts.push(`${report.baselineSuppressed} in baseline`);
  if (suppressed.length > 0) parts.push(`${suppressed.length} suppressed inline`);
  if (report.quietSuppressed > 0) parts.push(`${plural(report.quietSuppressed, 'warning')} hidden by --quiet`);
  parts.push(`${(report.durationMs / 1000).toFixed(1)} s`);
  if (problems === 0) {
    out.push(`${c.green('✔')} no problems (${parts.join(', ')})`);
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(counts.errors + counts.fatal, 'error')}, ${plural(counts.warnings, 'warning')})`;
    out.push(`${counts.errors + counts.fatal > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary))} · ${parts.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
