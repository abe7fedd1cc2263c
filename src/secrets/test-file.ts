/**
 * Test-file detection for the secrets rule: fixtures, specs and end-to-end suites hold fake
 * credentials on purpose, so by default only live provider formats are reported there.
 */

/** Folder names that hold tests or fixtures. */
const TEST_FOLDER = /(?:^|\/)(?:test|tests|__tests__|__mocks__|__fixtures__|spec|specs|e2e|fixture|fixtures)\//i;

/** File names of tests: `auth.test.ts`, `auth.spec.js`, `app.e2e-spec.ts` (`auth-test.ts` is not one). */
const TEST_FILE_NAME = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/i;

/**
 * True when `fileName` is a test or fixture file. `root`, when given and a prefix of the path, is
 * cut off first, so a checkout under `/builds/tests/` does not turn every file into a test.
 */
export function isTestFilePath(fileName: string, root?: string): boolean {
  let path = fileName.replace(/\\/g, '/');
  if (root) {
    const base = root.replace(/\\/g, '/').replace(/\/+$/, '');
    if (base && path.startsWith(`${base}/`)) path = path.slice(base.length + 1);
  }
  return TEST_FOLDER.test(path) || TEST_FILE_NAME.test(path);
}
