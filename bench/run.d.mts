// Types of bench/run.mjs, for the tests that import it.
export interface RunOptions {
  readonly lines: number;
  readonly seed: number;
  readonly reps: number;
  readonly target: 'all' | 'generated' | 'examples';
  readonly peers: boolean;
  readonly regenerate: boolean;
}

export declare function parseRunArgs(argv: string[]): RunOptions;
