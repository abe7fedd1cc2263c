/**
 * Turns scan targets (files and folders) into projects to load, so that every file is analyzed
 * exactly once, by the most specific project config that includes it:
 *
 * - a folder holding several projects (apps side by side, a monorepo with workspaces or project
 *   references) gives one project per config that owns files;
 * - a folder inside a project (`scan src/routes`) uses the nearest config above it, with the whole
 *   project as context for cross-file questions;
 * - files no config includes (a JavaScript app without tsconfig, a script next to a TS project)
 *   are analyzed together with default options (`allowJs`).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TsApi } from '../core/context.js';
import { discoverFiles, isAnalyzableFileName, PROJECT_CONFIG_NAMES } from './discover-files.js';
import type { IgnoreRules } from './ignore-rules.js';
import { readProjectConfig, type ProjectConfig } from './project-config.js';

export interface ProjectPlan {
  /** The config, or `undefined` for files no config includes (analyzed with default options). */
  readonly config: ProjectConfig | undefined;
  /** The folder that names the project in messages (the config's folder, or the scan target). */
  readonly rootDir: string;
  /** Files to analyze and report on (absolute, sorted). */
  readonly ownedFiles: readonly string[];
  /** Every file the project index holds: owned files plus the rest of the project (absolute, sorted). */
  readonly contextFiles: readonly string[];
}

export interface ProjectPlanning {
  readonly projects: readonly ProjectPlan[];
  /** Targets that do not exist or are not source files, with the reason. */
  readonly problems: readonly string[];
}

/** The nearest project config in `dir` or a folder above it (stops at a repository root). */
export function findNearestProjectConfig(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of PROJECT_CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(path.join(current, '.git'))) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function depthOf(dir: string): number {
  return path.resolve(dir).split(path.sep).length;
}

export function planProjects(tsApi: TsApi, targets: readonly string[], ignoreRules: IgnoreRules, explicitConfig?: string): ProjectPlanning {
  const problems: string[] = [];
  const configs = new Map<string, ProjectConfig>();
  const readConfig = (configPath: string): ProjectConfig => {
    const key = path.resolve(configPath);
    let config = configs.get(key);
    if (!config) {
      config = readProjectConfig(tsApi, key);
      configs.set(key, config);
    }
    return config;
  };
  /** Reads a config and the configs it references (solution-style monorepos). */
  const addConfigWithReferences = (configPath: string, into: Set<string>): void => {
    const queue = [path.resolve(configPath)];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (into.has(next)) continue;
      if (!existsSync(next) && next !== path.resolve(configPath)) {
        problems.push(`a project reference points to ${next}, which does not exist; skipped`);
        continue;
      }
      into.add(next);
      for (const ref of readConfig(next).references) queue.push(ref);
    }
  };

  const candidates = new Map<string, string>(); // file -> target root it came from
  const configPaths = new Set<string>();
  for (const target of targets) {
    const absolute = path.resolve(target);
    let isDirectory: boolean;
    try {
      const stat = statSync(absolute);
      if (!stat.isDirectory() && !stat.isFile()) throw new Error('not a file or folder');
      isDirectory = stat.isDirectory();
    } catch {
      problems.push(`${target}: no such file or folder`);
      continue;
    }
    if (!isDirectory) {
      if (!isAnalyzableFileName(absolute)) {
        problems.push(`${target}: not a JavaScript or TypeScript source file`);
        continue;
      }
      candidates.set(absolute, path.dirname(absolute));
      const nearest = explicitConfig ?? findNearestProjectConfig(path.dirname(absolute));
      if (nearest) addConfigWithReferences(nearest, configPaths);
      continue;
    }
    const found = discoverFiles(absolute, ignoreRules);
    for (const unreadable of found.unreadable) problems.push(`cannot read folder ${unreadable.path}: ${unreadable.reason}`);
    for (const file of found.sourceFiles) if (!candidates.has(file)) candidates.set(file, absolute);
    if (explicitConfig) {
      addConfigWithReferences(explicitConfig, configPaths);
    } else {
      for (const config of found.configFiles) addConfigWithReferences(config, configPaths);
      // A folder inside a project: the config above it gives the context.
      const nearest = findNearestProjectConfig(absolute);
      if (nearest) addConfigWithReferences(nearest, configPaths);
    }
  }

  // Owner of each candidate: the deepest config that includes it.
  const ordered = [...configPaths].map(readConfig).sort((a, b) => depthOf(b.directory) - depthOf(a.directory) || a.configPath.localeCompare(b.configPath));
  const fileSets = new Map<ProjectConfig, Set<string>>();
  for (const config of ordered) fileSets.set(config, new Set(config.fileNames));
  const owned = new Map<ProjectConfig | undefined, string[]>();
  const looseRoots = new Map<string, string[]>();
  for (const [file, targetRoot] of candidates) {
    const owner = ordered.find((config) => fileSets.get(config)!.has(file));
    if (owner) {
      const list = owned.get(owner) ?? [];
      list.push(file);
      owned.set(owner, list);
    } else {
      // Files no config includes are grouped by the folder of the nearest config, or the target.
      const nearest = explicitConfig ?? findNearestProjectConfig(path.dirname(file));
      const groupRoot = nearest ? path.dirname(nearest) : targetRoot;
      const list = looseRoots.get(groupRoot) ?? [];
      list.push(file);
      looseRoots.set(groupRoot, list);
    }
  }

  const projects: ProjectPlan[] = [];
  for (const config of ordered) {
    const files = owned.get(config);
    if (!files || files.length === 0) continue;
    const context = config.fileNames.filter((f) => isAnalyzableFileName(f) && !ignoreRules.isIgnored(f, false));
    projects.push({
      config,
      rootDir: config.directory,
      ownedFiles: [...files].sort(),
      contextFiles: [...new Set([...context, ...files])].sort(),
    });
  }
  for (const [rootDir, files] of [...looseRoots].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sorted = [...files].sort();
    projects.push({ config: undefined, rootDir, ownedFiles: sorted, contextFiles: sorted });
  }
  // Every config read reports its problems, also one that owns nothing (a broken tsconfig whose
  // app then falls back to default options).
  for (const config of configs.values()) problems.push(...config.problems);
  return { projects, problems };
}
