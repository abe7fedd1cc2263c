/**
 * The comment annotation that marks a route public on purpose, for frameworks without a decorator
 * for it: `// api-guard-public: reason` on the line above the route registration (any comment in the
 * comments directly above its statement) or at the end of the registration's first line.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { PUBLIC_ROUTE_ANNOTATION } from '../catalog/auth.js';

/** The annotation as a public marker (`// api-guard-public: health probe`), if the route has one. */
export function getPublicAnnotation(tsApi: TsApi, sourceFile: ts.SourceFile, node: ts.Node): string | undefined {
  const text = sourceFile.text;
  const statement = getEnclosingStatement(tsApi, node);
  for (const range of tsApi.getLeadingCommentRanges(text, statement.getFullStart()) ?? []) {
    const marker = readMarker(text.slice(range.pos, range.end));
    if (marker) return marker;
  }
  const start = node.getStart(sourceFile);
  const lineEnd = text.indexOf('\n', start);
  const firstLine = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
  const comment = firstLine.lastIndexOf('//');
  if (comment !== -1) {
    const marker = readMarker(firstLine.slice(comment));
    if (marker) return marker;
  }
  return undefined;
}

function readMarker(comment: string): string | undefined {
  const match = PUBLIC_ROUTE_ANNOTATION.exec(comment);
  if (!match) return undefined;
  const reason = match[1]?.replace(/\*\/\s*$/, '').trim();
  return reason ? `// api-guard-public: ${reason}` : '// api-guard-public';
}

function getEnclosingStatement(tsApi: TsApi, node: ts.Node): ts.Node {
  let current: ts.Node = node;
  while (current.parent && !tsApi.isSourceFile(current.parent) && !tsApi.isBlock(current.parent) && !tsApi.isModuleBlock(current.parent)) {
    if (tsApi.isExpressionStatement(current) || tsApi.isReturnStatement(current) || tsApi.isVariableStatement(current)) return current;
    current = current.parent;
  }
  return current;
}
