/**
 * The plugin's own name and version, read from its package.json (found by walking up from this
 * module, so it works from `src/` under tests and from `dist/src/` when installed).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly root: string;
}

function findPackageInfo(): PackageInfo {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-api-guard') return { name: pkg.name, version: pkg.version ?? '0.0.0', root: dir };
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  return { name: 'eslint-plugin-api-guard', version: '0.0.0', root: dir };
}

export const packageInfo: PackageInfo = findPackageInfo();
