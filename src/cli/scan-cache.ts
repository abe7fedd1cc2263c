/**
 * The incremental cache of `scan --cache`. The unit is one project (one tsconfig, or one group of
 * files no tsconfig includes): a finished project's files, findings, diagnostics and routes are
 * reused while everything its analysis could have read is unchanged.
 *
 * Why per project and not per file: a file's findings depend on other files (a router mount in
 * `app.ts` decides whether a route in `users.ts` is protected, a service in another file decides
 * whether a body write is validated), and the cross-file facts every rule reads (the route list,
 * the call-site index, credential origins) are built from all files of the project. A per-file
 * key would have to include every file of the project anyway, so the project is the honest unit.
 * In a monorepo, editing one file re-analyzes only the projects whose files include it.
 *
 * The key of a project: the cache format, the tool (version and a stamp of its own code), the
 * report root, the project config and compiler options, the rules with levels and options, the
 * settings, the analysis options, and the path and content hash (SHA-256) of every file the
 * project index holds (owned and context files), and of the files outside the project that rules
 * read: the OpenAPI document of the `openapi` setting and any `schema.prisma` the secrets model
 * looks for above the project's folders. Outcomes with a timeout are not stored: they
 * depend on the machine's load. The cache is best effort: an unreadable or corrupt entry is a miss.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageInfo } from '../package-info.js';
import type { AnalysisCache, AnalysisUnit, ProjectOutcome, UnitAnalysisOptions } from './analyze.js';
import type { SelectedRule } from './scan-report.js';

const CACHE_FORMAT = 'api-guard-scan-cache/1';

/** The default cache folder: under `node_modules/.cache` when there is one (like ESLint and Babel), else `.api-guard-cache`. */
export function getDefaultCacheLocation(cwd: string): string {
  const nodeModules = path.join(cwd, 'node_modules');
  return existsSync(nodeModules) ? path.join(nodeModules, '.cache', 'api-guard') : path.join(cwd, '.api-guard-cache');
}

export interface ScanCacheStats {
  hits: number;
  misses: number;
  /** Entries that could not be written (a read-only folder); the scan itself is unaffected. */
  writeFailures: number;
}

export interface ScanCache extends AnalysisCache {
  readonly location: string;
  readonly stats: ScanCacheStats;
}

interface CacheEntry {
  readonly format: string;
  readonly key: string;
  readonly outcome: ProjectOutcome;
}

let toolStamp: string | undefined;

/**
 * A stamp of the analyzer's own code: version plus the size and modification time of every module
 * under `src/` and `rules/` (compiled or not), so a rebuilt analyzer never reads stale results.
 */
function getToolStamp(): string {
  if (toolStamp) return toolStamp;
  const hash = createHash('sha256').update(packageInfo.version);
  const srcDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  for (const dir of [srcDir, path.join(path.dirname(srcDir), 'rules')]) {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(m?js|ts)$/.test(name)) continue;
      try {
        const stat = statSync(path.join(dir, name));
        hash.update(`${name}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
      } catch {
        hash.update(`${name}\u0000missing\n`);
      }
    }
  }
  toolStamp = hash.digest('hex');
  return toolStamp;
}

/** JSON for hashing: object keys sorted, regular expressions as their source. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

function hashFile(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch (error) {
    // An unreadable file is part of the key too: it reads differently once it is readable.
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** Where `findPrismaSchema` (src/model/model-secrets.ts) looks: these names in a file's folder and up to 8 folders above. */
const PRISMA_SCHEMA_CANDIDATES = ['prisma/schema.prisma', 'schema.prisma'];
const PRISMA_SEARCH_DEPTH = 8;

/** Files outside the project that rules read, each as `path:hash` (or `path:missing` for the OpenAPI document). */
function collectSideInputs(unit: AnalysisUnit, options: UnitAnalysisOptions): string[] {
  const inputs: string[] = [];
  const openapi = unit.config.settings.openapi;
  if (openapi) {
    // no-undocumented-route resolves a relative path from the working folder.
    const file = path.isAbsolute(openapi) ? openapi : path.resolve(options.cwd, openapi);
    inputs.push(`openapi\u0000${file}\u0000${existsSync(file) ? hashFile(file) : 'missing'}`);
  }
  const dirs = new Set<string>();
  for (const file of unit.plan.contextFiles) {
    let dir = path.dirname(file);
    for (let i = 0; i < PRISMA_SEARCH_DEPTH && !dirs.has(dir); i++) {
      dirs.add(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  for (const dir of [...dirs].sort()) {
    for (const name of PRISMA_SCHEMA_CANDIDATES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) inputs.push(`prisma\u0000${candidate}\u0000${hashFile(candidate)}`);
    }
  }
  return inputs;
}

/** The full key of a unit: everything its analysis reads. */
export function computeUnitKey(unit: AnalysisUnit, rules: readonly SelectedRule[], options: UnitAnalysisOptions): string {
  const { plan, config } = unit;
  const hash = createHash('sha256');
  hash.update(`${CACHE_FORMAT}\n${getToolStamp()}\n${options.root}\n${options.cwd}\n`);
  hash.update(stableJson({ fileTimeoutMs: options.fileTimeoutMs, withRoutes: Boolean(options.withRoutes), skipRules: Boolean(options.skipRules) }));
  hash.update(stableJson({ configPath: plan.config?.configPath, compilerOptions: plan.config?.compilerOptions, usedDefaults: plan.config?.usedDefaults, rootDir: plan.rootDir }));
  hash.update(stableJson({ settings: config.settings, ignores: config.ignores }));
  hash.update(stableJson(rules.map((r) => ({ id: r.id, level: r.level, options: r.options }))));
  const owned = new Set(plan.ownedFiles);
  const context = new Set(plan.contextFiles);
  for (const file of plan.contextFiles) hash.update(`${owned.has(file) ? 'o' : 'c'}\u0000${file}\u0000${hashFile(file)}\n`);
  for (const file of plan.ownedFiles) if (!context.has(file)) hash.update(`o\u0000${file}\u0000${hashFile(file)}\n`);
  for (const input of collectSideInputs(unit, options)) hash.update(`${input}\n`);
  return hash.digest('hex');
}

/** Where a unit's entry lives: one slot per project and owned-file set, overwritten on change. */
function slotFileName(unit: AnalysisUnit, options: UnitAnalysisOptions): string {
  const identity = stableJson({ root: options.root, config: unit.plan.config?.configPath ?? null, rootDir: unit.plan.rootDir, owned: unit.plan.ownedFiles });
  return `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}.json`;
}

export function createScanCache(location: string): ScanCache {
  const stats: ScanCacheStats = { hits: 0, misses: 0, writeFailures: 0 };
  return {
    location,
    stats,
    lookup(unit, rules, options) {
      const key = computeUnitKey(unit, rules, options);
      const file = path.join(location, slotFileName(unit, options));
      let outcome: ProjectOutcome | undefined;
      try {
        const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
        if (entry.format === CACHE_FORMAT && entry.key === key && entry.outcome && Array.isArray(entry.outcome.files)) outcome = entry.outcome;
      } catch {
        outcome = undefined;
      }
      if (outcome) stats.hits++;
      else stats.misses++;
      return {
        outcome,
        store(result: ProjectOutcome): void {
          if (result.diagnostics.some((d) => d.kind === 'timeout')) return;
          const entry: CacheEntry = { format: CACHE_FORMAT, key, outcome: result };
          try {
            mkdirSync(location, { recursive: true });
            const temporary = `${file}.${process.pid}.tmp`;
            writeFileSync(temporary, JSON.stringify(entry));
            renameSync(temporary, file);
          } catch {
            stats.writeFailures++;
          }
        },
      };
    },
  };
}
