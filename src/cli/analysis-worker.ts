/**
 * A worker thread of `scan --concurrency`: receives analysis units (a project plan with its
 * configuration, possibly a batch of its owned files) one at a time, analyzes each with the
 * built-in rules exactly as the main thread would (`analyzeUnit`), and sends back the plain-data
 * outcome. Progress is reported per file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rules as builtInRules } from '../../rules/index.js';
import { analyzeUnit, rulesForUnit, type AnalysisUnit, type UnitAnalysisOptions } from './analyze.js';
import { defaultRouteSource } from './default-route-source.js';

export type WorkerRequest = { readonly type: 'run'; readonly id: number; readonly unit: AnalysisUnit } | { readonly type: 'close' };

export type WorkerReply =
  | { readonly type: 'file'; readonly label: string }
  | { readonly type: 'done'; readonly id: number; readonly outcome: ReturnType<typeof analyzeUnit> }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const port = parentPort;
if (port) {
  const shared = workerData as UnitAnalysisOptions;
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      port.close();
      return;
    }
    try {
      const rules = rulesForUnit({ registry: builtInRules, skipRules: shared.skipRules }, request.unit);
      const outcome = analyzeUnit(request.unit, rules, shared, defaultRouteSource, (label) => port.postMessage({ type: 'file', label } satisfies WorkerReply));
      port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
    }
  });
}
