/**
 * `scan --concurrency N|auto`: the same analysis spread over worker threads, like ESLint's own
 * `--concurrency`. The units of work are projects (workspaces, tsconfigs); a project larger than
 * its fair share is cut into batches of its owned files, and each batch is analyzed with the whole
 * project as context, so every file sees the same index it would see on one thread. Workers pull
 * the next batch when idle (largest first). Outcomes are put back in plan order, so the report is
 * identical to the single-thread run.
 *
 * Workers run the built-in rules and the default route model; a scan with other rules (tests,
 * embedders) runs on the main thread. A worker that fails leaves its batch to the main thread.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rules as builtInRules } from '../../rules/index.js';
import { packageInfo } from '../package-info.js';
import {
  analyzeUnit,
  finishAnalysis,
  prepareAnalysis,
  rulesForUnit,
  unitOptions,
  type AnalysisResult,
  type AnalysisUnit,
  type AnalyzeOptions,
  type ProjectOutcome,
} from './analyze.js';
import type { WorkerReply, WorkerRequest } from './analysis-worker.js';
import { defaultRouteSource } from './default-route-source.js';

/** Below this many files to analyze, `auto` stays on one thread: starting a worker costs more. */
export const AUTO_MIN_FILES = 200;

/**
 * The worker count for `--concurrency`: a number as given; `auto` as ESLint's own `auto`, half the
 * cores (the main thread and the rest of the machine keep the other half), and one worker per
 * `AUTO_MIN_FILES` files at most.
 */
export function resolveConcurrency(requested: number | 'auto', files: number, cores: number = os.availableParallelism()): number {
  if (requested !== 'auto') return Math.max(1, Math.floor(requested));
  if (files < AUTO_MIN_FILES) return 1;
  return Math.max(1, Math.min(cores >> 1, Math.ceil(files / AUTO_MIN_FILES)));
}

/** Cuts units into batches no larger than a fair share of the files (whole projects when they fit). */
export function splitIntoBatches(units: readonly AnalysisUnit[], workers: number): { unitIndex: number; unit: AnalysisUnit }[] {
  const total = units.reduce((n, u) => n + u.plan.ownedFiles.length, 0);
  const share = Math.max(1, Math.ceil(total / workers));
  const batches: { unitIndex: number; unit: AnalysisUnit }[] = [];
  units.forEach((unit, unitIndex) => {
    const owned = unit.plan.ownedFiles;
    const pieces = Math.max(1, Math.ceil(owned.length / share));
    const size = Math.ceil(owned.length / pieces);
    for (let i = 0; i < owned.length; i += size) {
      batches.push({ unitIndex, unit: pieces === 1 ? unit : { ...unit, plan: { ...unit.plan, ownedFiles: owned.slice(i, i + size) } } });
    }
  });
  return batches;
}

/** The compiled worker module: next to this file when running from `dist/`, else the build's copy. */
function getWorkerUrl(): URL | undefined {
  const here = new URL('./analysis-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = path.join(packageInfo.root, 'dist', 'src', 'cli', 'analysis-worker.js');
  return existsSync(built) ? new URL(`file://${built}`) : undefined;
}

/** Merges the batch outcomes of one project, in batch order. */
function mergeOutcomes(parts: readonly ProjectOutcome[]): ProjectOutcome {
  if (parts.length === 1) return parts[0]!;
  return {
    name: parts[0]!.name,
    loaded: parts.every((p) => p.loaded),
    fileCount: parts.reduce((n, p) => n + p.fileCount, 0),
    files: parts.flatMap((p) => p.files),
    diagnostics: parts.flatMap((p) => p.diagnostics),
    routes: parts.flatMap((p) => p.routes),
  };
}

/** Whether workers can run this scan exactly as the main thread would. */
function canUseWorkers(options: AnalyzeOptions): boolean {
  if (options.registry !== builtInRules) return false;
  if (options.withRoutes && options.routeSource && options.routeSource !== defaultRouteSource) return false;
  return true;
}

export interface ConcurrentAnalyzeOptions extends AnalyzeOptions {
  readonly concurrency: number | 'auto';
  /** Filled in with the worker count actually used. */
  readonly onWorkers?: (count: number) => void;
}

export async function analyzeTargetsConcurrently(options: ConcurrentAnalyzeOptions): Promise<AnalysisResult> {
  const prepared = prepareAnalysis(options);
  const shared = unitOptions(options, prepared);
  let done = 0;
  const progress = (label: string): void => options.onProgress?.(done++, prepared.total, label);

  const units = prepared.units.filter((u) => u.plan.ownedFiles.length > 0);
  const outcomes: (ProjectOutcome | undefined)[] = units.map(() => undefined);
  const stores: ((outcome: ProjectOutcome) => void)[] = [];
  const pending: number[] = [];
  units.forEach((unit, i) => {
    const cached = options.cache?.lookup(unit, rulesForUnit(options, unit), shared);
    if (cached?.outcome) {
      outcomes[i] = cached.outcome;
      done += unit.plan.ownedFiles.length;
      options.onProgress?.(done, prepared.total, cached.outcome.name);
    } else {
      pending.push(i);
    }
    stores[i] = cached ? (o) => cached.store(o) : () => undefined;
  });

  const pendingFiles = pending.reduce((n, i) => n + units[i]!.plan.ownedFiles.length, 0);
  const workerUrl = getWorkerUrl();
  let workers = resolveConcurrency(options.concurrency, pendingFiles);
  if (!canUseWorkers(options) || !workerUrl) workers = 1;
  const batches = workers > 1 ? splitIntoBatches(pending.map((i) => units[i]!), workers) : [];
  workers = Math.min(workers, batches.length);
  options.onWorkers?.(Math.max(1, workers));

  if (workers <= 1) {
    for (const i of pending) {
      const unit = units[i]!;
      const outcome = analyzeUnit(unit, rulesForUnit(options, unit), shared, options.routeSource, progress);
      if (!outcome.loaded) done += unit.plan.ownedFiles.length;
      stores[i]!(outcome);
      outcomes[i] = outcome;
    }
  } else {
    const results: (ProjectOutcome | undefined)[] = batches.map(() => undefined);
    const order = batches.map((_, i) => i).sort((a, b) => batches[b]!.unit.plan.ownedFiles.length - batches[a]!.unit.plan.ownedFiles.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolve) => {
          const worker = new Worker(workerUrl!, { workerData: shared });
          let current = -1;
          const finish = (): void => {
            worker.removeAllListeners();
            void worker.terminate();
            resolve();
          };
          const dispatch = (): void => {
            if (next >= order.length) {
              worker.postMessage({ type: 'close' } satisfies WorkerRequest);
              finish();
              return;
            }
            current = order[next++]!;
            worker.postMessage({ type: 'run', id: current, unit: batches[current]!.unit } satisfies WorkerRequest);
          };
          worker.on('message', (reply: WorkerReply) => {
            if (reply.type === 'file') progress(reply.label);
            else {
              if (reply.type === 'done') results[reply.id] = reply.outcome;
              dispatch();
            }
          });
          // A worker that dies leaves its current batch (and the rest) to the main thread below.
          worker.on('error', finish);
          worker.on('exit', finish);
          dispatch();
        }),
      ),
    );
    // Batches a worker could not finish run here, so a failing worker never loses findings.
    batches.forEach((batch, i) => {
      if (!results[i]) results[i] = analyzeUnit(batch.unit, rulesForUnit(options, batch.unit), shared, options.routeSource, progress);
    });
    for (const i of pending) {
      const merged = mergeOutcomes(batches.flatMap((batch, b) => (pending[batch.unitIndex] === i ? [results[b]!] : [])));
      stores[i]!(merged);
      outcomes[i] = merged;
    }
  }
  options.onProgress?.(prepared.total, prepared.total, '');
  return finishAnalysis(
    options,
    prepared,
    units.map((unit, i) => [unit, outcomes[i]!] as const),
  );
}
