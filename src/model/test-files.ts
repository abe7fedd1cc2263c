/**
 * Whether the analyzed file is a test or fixture: specs mint tokens without expiry and set
 * permissive options on purpose, so configuration rules leave them alone. Paths are judged relative
 * to the project root (the tsconfig's folder, or the working folder), so a checkout under
 * `/builds/tests/` does not turn every file into a test.
 */
import type { AnalysisContext } from '../core/context.js';
import { isTestFilePath } from '../secrets/test-file.js';

export function isTestFile(ctx: AnalysisContext): boolean {
  const configFile = ctx.project?.compilerOptions['configFilePath'];
  const root =
    typeof configFile === 'string' ? configFile.replace(/\\/g, '/').replace(/\/[^/]*$/, '') : typeof process !== 'undefined' ? process.cwd() : undefined;
  return isTestFilePath(ctx.sourceFile.fileName, root);
}
