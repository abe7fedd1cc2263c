/**
 * A text prefilter for per-file module matching. A syntactic module path (`getModulePath` without a
 * project index) names a package only through an `import`, `export ... from`, `require(...)` or
 * `import(...)` specifier written in the same file, so a file whose text never contains a package's
 * name cannot call into it: analyses skip their per-call module lookups there.
 */
import type * as ts from 'typescript';

/** True when the text of `file` contains the name of one of the rows' modules. */
export function mentionsAnyModule(file: ts.SourceFile, rows: readonly { readonly module: string }[]): boolean {
  const text = file.text;
  for (const row of rows) if (text.includes(normalizeSpecifier(row.module))) return true;
  return false;
}

/** `node:https` is also written `https`: look for the bare name. */
function normalizeSpecifier(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : module;
}
