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

/** Test files (`users.test.ts`, `app.e2e-spec.ts`) build throwaway apps: their routes are not the API. */
const TEST_FILE_NAME = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/i;

/** True for a test file by its name: its routes are neither judged (`require-auth-guard`) nor listed (`routes`). */
export function isTestAppFileName(fileName: string): boolean {
  return TEST_FILE_NAME.test(fileName);
}
