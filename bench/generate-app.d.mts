// Types of bench/generate-app.mjs, for the tests that import it.
export interface GenerateOptions {
  readonly lines: number;
  readonly seed: number;
  readonly out: string;
  /** More than 1: a monorepo of that many apps under packages/service-N, each with its own tsconfig. */
  readonly workspaces?: number;
}

export interface ModuleCounts {
  readonly express: number;
  readonly nest: number;
  readonly fastify: number;
}

export declare const DEFAULT_OPTIONS: Readonly<GenerateOptions>;
export declare function createRandom(seed: number): () => number;
export declare function buildApp(options: { lines: number; seed: number }): { files: Map<string, string>; lines: number; modules: ModuleCounts };
export declare function buildMonorepo(options: { lines: number; seed: number; workspaces: number }): { files: Map<string, string>; lines: number; modules: ModuleCounts };
export declare function generateApp(options: GenerateOptions): { out: string; files: number; lines: number; modules: ModuleCounts };
export declare function parseGenerateArgs(argv: string[]): GenerateOptions & { readonly workspaces: number };
