/**
 * Inline suppressions that keep a reason, read from comments:
 *
 *     // api-guard-ignore no-ssrf -- the URL comes from our own config service
 *     // eslint-disable-next-line api-guard/no-ssrf -- same, in ESLint's words
 *
 * Each applies to the line after the comment. Rule names may carry the `api-guard/` prefix; several
 * are separated by commas; none means every api-guard rule. The reason is the text after ` -- `
 * (ESLint's description separator). The ESLint rule kit honours `api-guard-ignore` (ESLint handles
 * its own directives); `api-guard scan` honours both and lists every suppression with its reason.
 */
import type * as ts from 'typescript';
import { FileScopedWeakMap } from './file-scoped-cache.js';

export type SuppressionKind = 'api-guard-ignore' | 'eslint-disable-next-line';

export interface SuppressionComment {
  readonly kind: SuppressionKind;
  /** Rule ids without the `api-guard/` prefix, or `all` when the comment names no rule. */
  readonly rules: readonly string[] | 'all';
  /** The text after ` -- `, trimmed; `undefined` when the comment gives none. */
  readonly reason?: string;
  /** Offsets of the comment in the file. */
  readonly start: number;
  readonly end: number;
  /** 0-based line of the comment, and of the line it suppresses. */
  readonly line: number;
  readonly targetLine: number;
}

const DIRECTIVE = /(\/\/|\/\*)[ \t]*(api-guard-ignore|eslint-disable-next-line)(?=[\s*]|$)([^\n\r]*)/gu;
const REASON_SEPARATOR = /\s-{2,}\s/u;
const PREFIX = 'api-guard/';

const cache = new FileScopedWeakMap<ts.SourceFile, readonly SuppressionComment[]>();

/** Every suppression comment of `sourceFile`, in order; computed once per source file. */
export function getSuppressionComments(sourceFile: ts.SourceFile): readonly SuppressionComment[] {
  let comments = cache.get(sourceFile);
  if (!comments) {
    comments = parseSuppressionComments(sourceFile);
    cache.set(sourceFile, comments);
  }
  return comments;
}

function parseSuppressionComments(sourceFile: ts.SourceFile): SuppressionComment[] {
  const text = sourceFile.text;
  if (!text.includes('api-guard-ignore') && !text.includes('eslint-disable-next-line')) return [];
  const found: SuppressionComment[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index;
    if (!isCommentStart(sourceFile, start)) continue;
    const block = match[1] === '/*';
    let body = match[3] ?? '';
    if (block) {
      const close = body.indexOf('*/');
      if (close === -1) continue; // a block directive must end on its line, as in ESLint
      body = body.slice(0, close);
    }
    const kind = match[2] as SuppressionKind;
    const [ruleText = '', ...reasonParts] = body.split(REASON_SEPARATOR);
    const reason = reasonParts.join(' -- ').trim();
    const names = ruleText.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
    let rules: readonly string[] | 'all';
    if (kind === 'eslint-disable-next-line') {
      // Only api-guard's rules matter here; a directive naming only other plugins' rules is not ours.
      if (names.length > 0 && !names.some((n) => n.startsWith(PREFIX))) continue;
      rules = names.length === 0 ? 'all' : names.filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length));
    } else {
      rules = names.length === 0 ? 'all' : names.map((n) => (n.startsWith(PREFIX) ? n.slice(PREFIX.length) : n));
    }
    const line = sourceFile.getLineAndCharacterOfPosition(start).line;
    found.push({
      kind,
      rules,
      ...(reason ? { reason } : {}),
      start,
      end: block ? text.indexOf('*/', start) + 2 : start + match[0].length,
      line,
      targetLine: line + 1,
    });
  }
  return found;
}

/**
 * True when `pos` is in trivia (between tokens), so the `//` or `/*` there opens a comment: not inside
 * a leaf's text (a string, template or regex literal, JSX text).
 */
function isCommentStart(sourceFile: ts.SourceFile, pos: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    let hasChildren = false;
    node.forEachChild((child) => {
      hasChildren = true;
      if (child.pos <= pos && pos < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return hasChildren || node === sourceFile || pos < node.getStart(sourceFile);
    node = next;
  }
}

/** The suppression that covers a finding of `ruleId` (without prefix) on 0-based `line`, if any. */
export function findSuppression(
  comments: readonly SuppressionComment[],
  ruleId: string,
  line: number,
  kinds: readonly SuppressionKind[] = ['api-guard-ignore', 'eslint-disable-next-line'],
): SuppressionComment | undefined {
  return comments.find((c) => c.targetLine === line && kinds.includes(c.kind) && (c.rules === 'all' || c.rules.includes(ruleId)));
}

/** The 0-based line a finding is reported on (the start of its range). */
export function getFindingLine(sourceFile: ts.SourceFile, finding: { readonly node: ts.Node; readonly range?: { readonly start: number } }): number {
  return sourceFile.getLineAndCharacterOfPosition(finding.range?.start ?? finding.node.getStart(sourceFile)).line;
}

/** The findings no `api-guard-ignore` comment covers (what the ESLint rule kit reports). */
export function withoutIgnoredFindings<F extends { readonly node: ts.Node; readonly range?: { readonly start: number } }>(
  sourceFile: ts.SourceFile,
  ruleId: string,
  findings: readonly F[],
): F[] {
  const comments = getSuppressionComments(sourceFile);
  if (comments.length === 0) return [...findings];
  return findings.filter((f) => !findSuppression(comments, ruleId, getFindingLine(sourceFile, f), ['api-guard-ignore']));
}
