/**
 * Request body parsers and the option that caps the body they read, as data. A row matches a call by
 * the callee's module path (`src/flow/module-paths.ts`); `optionsArgument` is the argument holding
 * the options object and `limitKey` the option. `defaultBytes` is the library's own default, for the
 * docs and for messages.
 *
 * Every row has a matching and a non-matching sample (with the rule's default threshold of 10 MB),
 * tested row by row in `tests/catalog/body-parsers.test.ts`.
 */

export interface BodyParserRow {
  readonly name: string;
  /** The package (`express`, `body-parser`, `fastify`). */
  readonly module: string;
  /** Module paths of the callee (`''` is the default export called directly). */
  readonly paths: readonly string[];
  /** The call is an instantiation (`new FastifyAdapter(...)`). */
  readonly construct?: boolean;
  readonly optionsArgument: number;
  readonly limitKey: string;
  readonly defaultBytes: number;
  readonly samples: { readonly match: string; readonly nonMatch: string };
}

const KB = 1024;
const MB = 1024 * KB;

export const BODY_PARSERS = [
  {
    name: 'express-parsers',
    module: 'express',
    paths: ['json', 'urlencoded', 'raw', 'text'],
    optionsArgument: 0,
    limitKey: 'limit',
    defaultBytes: 100 * KB,
    samples: { match: `import express from 'express';\napp.use(express.json({ limit: '50mb' }));`, nonMatch: `import express from 'express';\napp.use(express.json({ limit: '1mb' }));` },
  },
  {
    name: 'body-parser',
    module: 'body-parser',
    paths: ['json', 'urlencoded', 'raw', 'text', ''],
    optionsArgument: 0,
    limitKey: 'limit',
    defaultBytes: 100 * KB,
    samples: {
      match: `const bodyParser = require('body-parser');\napp.use(bodyParser.urlencoded({ extended: true, limit: '100mb' }));`,
      nonMatch: `const bodyParser = require('body-parser');\napp.use(bodyParser.urlencoded({ extended: true }));`,
    },
  },
  {
    name: 'fastify-factory',
    module: 'fastify',
    paths: ['', 'fastify', 'default'],
    optionsArgument: 0,
    limitKey: 'bodyLimit',
    defaultBytes: 1 * MB,
    samples: { match: `import Fastify from 'fastify';\nconst app = Fastify({ bodyLimit: 1024 * 1024 * 1024 });`, nonMatch: `import Fastify from 'fastify';\nconst app = Fastify({ bodyLimit: 5 * 1024 * 1024 });` },
  },
  {
    name: 'nest-fastify-adapter',
    module: '@nestjs/platform-fastify',
    paths: ['FastifyAdapter'],
    construct: true,
    optionsArgument: 0,
    limitKey: 'bodyLimit',
    defaultBytes: 1 * MB,
    samples: {
      match: `import { FastifyAdapter } from '@nestjs/platform-fastify';\nconst adapter = new FastifyAdapter({ bodyLimit: 52428800 });`,
      nonMatch: `import { FastifyAdapter } from '@nestjs/platform-fastify';\nconst adapter = new FastifyAdapter({ logger: true });`,
    },
  },
] as const satisfies readonly BodyParserRow[];

/** Methods, on any receiver, whose options set a body limit: Nest's `app.useBodyParser('json', { limit })`, Fastify route options. */
export interface BodyLimitMethodRow {
  readonly name: string;
  readonly method: string;
  readonly optionsArgument: number | 'last-object';
  readonly limitKey: string;
  readonly samples: { readonly match: string; readonly nonMatch: string };
}

export const BODY_LIMIT_METHODS = [
  {
    name: 'nest-use-body-parser',
    method: 'useBodyParser',
    optionsArgument: 1,
    limitKey: 'limit',
    samples: { match: `app.useBodyParser('json', { limit: '25mb' });`, nonMatch: `app.useBodyParser('json', { limit: '2mb' });` },
  },
  {
    name: 'fastify-route-options',
    method: 'route',
    optionsArgument: 0,
    limitKey: 'bodyLimit',
    samples: {
      match: `fastify.route({ method: 'POST', url: '/import', bodyLimit: 200 * 1024 * 1024, handler });`,
      nonMatch: `fastify.route({ method: 'POST', url: '/import', handler });`,
    },
  },
  {
    name: 'fastify-shorthand-options',
    method: 'post|put|patch',
    optionsArgument: 'last-object',
    limitKey: 'bodyLimit',
    samples: { match: `fastify.post('/upload', { bodyLimit: 1e9 }, handler);`, nonMatch: `fastify.post('/upload', { bodyLimit: 1e6 }, handler);` },
  },
] as const satisfies readonly BodyLimitMethodRow[];

/** The last segments of the parsers' module paths (`json`, `FastifyAdapter`; `''` for the module itself). */
const PARSER_PATH_NAMES: ReadonlySet<string> = new Set((BODY_PARSERS as readonly BodyParserRow[]).flatMap((row) => row.paths.map((p) => p.split('.').pop()!)));

/**
 * False when a call through a member named `name` (`x.name(...)`) cannot be a parser: its module
 * path would end in `name`, and no parser's does. Lets callers skip the module lookup of most calls.
 */
export function mayBeBodyParserMember(name: string): boolean {
  return PARSER_PATH_NAMES.has(name);
}

const METHOD_ROWS: ReadonlyMap<string, BodyLimitMethodRow> = new Map(
  (BODY_LIMIT_METHODS as readonly BodyLimitMethodRow[]).flatMap((row) => row.method.split('|').map((m) => [m, row] as const)).reverse(),
);

/** The parser row a callee's module path matches, if any. */
export function findBodyParser(module: string | undefined, path: string, construct: boolean): BodyParserRow | undefined {
  return (BODY_PARSERS as readonly BodyParserRow[]).find((row) => row.module === module && row.paths.includes(path) && (row.construct ?? false) === construct);
}

/** The method row a method name matches, if any. */
export function findBodyLimitMethod(method: string): BodyLimitMethodRow | undefined {
  return METHOD_ROWS.get(method);
}

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: KB, mb: MB, gb: 1024 * MB, tb: 1024 * 1024 * MB, pb: 1024 * 1024 * 1024 * MB };

/** Bytes of a size as the `bytes` package reads it (`'50mb'`, `'1.5 GB'`, `'1024'`); `undefined` when it is not one. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(b|kb|mb|gb|tb|pb)?\s*$/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? 'b').toLowerCase();
  return Math.floor(value * UNITS[unit]!);
}

/** `52.4 MB`, `1 GB`, `512 KB` for messages. */
export function formatByteSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'no limit';
  const units: [string, number][] = [
    ['GB', 1024 * MB],
    ['MB', MB],
    ['KB', KB],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
