/**
 * Short single-line labels of code for messages, bounded in the work they do: only the first
 * characters of a node are read, so labelling every call of a 10,000-step chain stays linear.
 */
import type * as ts from 'typescript';

/** The node's text on one line, at most `max` characters (`…` when cut). */
export function getShortLabel(sourceFile: ts.SourceFile, node: ts.Node, max = 60): string {
  const start = node.getStart(sourceFile);
  const end = Math.min(node.end, start + max * 8);
  const text = sourceFile.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return text.length > max || end < node.end ? `${text.slice(0, max - 1)}…` : text;
}
