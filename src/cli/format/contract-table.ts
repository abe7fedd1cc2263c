/**
 * The comparison of the inventory with the API's contract, as a table for the terminal
 * (`api-guard routes --openapi`) and as data for `--format json`. Text from the analyzed code and
 * the document is stripped of terminal control characters.
 */
import { createColors } from 'picocolors';
import { describeContract, describeNotCompared, summarizeComparison, viewIssue, type RowComparison } from '../route-contract.js';
import { toPrintableText } from './text.js';

const MAX_DETAIL = 110;

function cut(text: string, max: number): string {
  const clean = toPrintableText(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function formatContractTable(comparison: RowComparison, options: { readonly color: boolean }): string {
  const c = createColors(options.color);
  const lines = [`Contract: ${toPrintableText(describeContract(comparison))}`];
  if (comparison.basePathNote) lines.push(`Note: ${toPrintableText(comparison.basePathNote)}`);
  for (const ref of comparison.contract.unresolvedRefs) lines.push(`Note: $ref ${toPrintableText(ref)} was not resolved (remote or missing); its operations are not known`);
  for (const note of comparison.contract.notes) lines.push(`Note: ${toPrintableText(note)}`);
  const views = comparison.issues.map((issue) => viewIssue(comparison, issue));
  if (views.length === 0) {
    lines.push('', 'The routes match the contract.');
  } else {
    const header = ['KIND', 'METHOD', 'PATH', 'DOCUMENTED', 'CODE', 'DETAIL'];
    const body = views.map((v) => [
      v.kind,
      cut(v.method, 24),
      toPrintableText(v.path),
      v.documented ? cut(v.documentedLine !== undefined ? `${v.documented} (line ${v.documentedLine})` : v.documented, 60) : '-',
      v.relativePath ? cut(`${v.relativePath}:${v.line}`, 56) : '-',
      cut(v.detail, MAX_DETAIL),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    lines.push('', c.bold(header.map((h, i) => h.padEnd(widths[i]!)).join('  ').trimEnd()));
    views.forEach((v, index) => {
      const row = body[index]!.map((value, i) => (i === header.length - 1 ? value : value.padEnd(widths[i]!)));
      row[0] = v.severity === 'error' ? c.red(row[0]!) : c.yellow(row[0]!);
      lines.push(row.join('  ').trimEnd());
    });
  }
  lines.push('', toPrintableText(summarizeComparison(comparison)));
  return `${lines.join('\n')}\n`;
}

/** The comparison as data (the `contract` member of `routes --format json`). */
export function toContractJson(comparison: RowComparison): object {
  const counts = { shadow: 0, zombie: 0, method: 0, auth: 0 };
  for (const issue of comparison.issues) counts[issue.kind]++;
  return {
    source: comparison.contract.source,
    format: comparison.contract.format,
    basePaths: comparison.basePaths,
    ...(comparison.basePathNote ? { basePathNote: comparison.basePathNote } : {}),
    summary: {
      documented: comparison.documented,
      ...counts,
      notCompared: comparison.notCompared.length,
      undecidedOperations: comparison.undecidedOperations,
      authNotCompared: comparison.authNotCompared,
    },
    issues: comparison.issues.map((issue) => viewIssue(comparison, issue)),
    notCompared: comparison.notCompared.map((n) => ({ methods: n.route.methods, path: n.route.path, file: n.route.row.filePath, line: n.route.row.line, reason: n.reason })),
    ...(describeNotCompared(comparison) ? { notComparedSummary: describeNotCompared(comparison) } : {}),
    unresolvedRefs: comparison.contract.unresolvedRefs,
    notes: comparison.contract.notes,
  };
}
