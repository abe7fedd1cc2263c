import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  classifyEnvironmentCondition,
  getRunningEnvironment,
  isDevelopmentOnly,
  isEnvironmentNameRead,
} from '../../src/model/environment-guards.js';

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('file.ts', code, ts.ScriptTarget.Latest, true);
}

/** The condition of the first `if` in the code. */
function condition(code: string): ts.Expression {
  const sf = parse(code);
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isIfStatement(node)) found = node.expression;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found!;
}

/** The first call to `leak(...)` in the code. */
function leak(code: string): ts.Node {
  const sf = parse(code);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'leak') found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found!;
}

describe('classifyEnvironmentCondition', () => {
  it('reads NODE_ENV comparisons in both polarities', () => {
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV === 'development') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV !== 'production') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if ('production' === process.env.NODE_ENV) {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV !== 'development') {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env['NODE_ENV'] == 'test') {}`))).toBe('development');
  });

  it('says nothing about environments it does not know', () => {
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV === 'staging') {}`))).toBeUndefined();
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV !== 'staging') {}`))).toBeUndefined();
    expect(classifyEnvironmentCondition(ts, condition(`if (user.role === 'development') {}`))).toBeUndefined();
    expect(classifyEnvironmentCondition(ts, condition(`if (err.status === 404) {}`))).toBeUndefined();
  });

  it('treats "anything but test" as including production', () => {
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV !== 'test') {}`))).toBe('production');
  });

  it('reads Express settings, config objects and Nest ConfigService', () => {
    expect(classifyEnvironmentCondition(ts, condition(`if (app.get('env') === 'development') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (req.app.get('env') !== 'production') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (config.env === 'production') {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (this.config.get('NODE_ENV') === 'development') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (this.configService.get('app.env') !== 'production') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (this.configService.get<string>('app.nodeEnv') === 'production') {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (this.configService.get('app.envelope') === 'production') {}`))).toBeUndefined();
  });

  it('reads flags named for an environment, calls and negations', () => {
    expect(classifyEnvironmentCondition(ts, condition(`if (config.isDev) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (isDevelopment()) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (!isProduction) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (env.isProd) {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (!config.isDev) {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (isDeveloper) {}`))).toBeUndefined();
  });

  it('trusts what a constant holds over its name', () => {
    expect(classifyEnvironmentCondition(ts, condition(`const isDev = process.env.NODE_ENV === 'production'; if (isDev) {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`const isDev = loadFlag(); if (isDev) {}`))).toBe('development');
  });

  it('follows constants and combines && and ||', () => {
    expect(classifyEnvironmentCondition(ts, condition(`const showStack = process.env.NODE_ENV === 'development'; if (showStack) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`const mode = process.env.NODE_ENV; if (mode === 'production') {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if (verbose && isDev) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (verbose || isDev) {}`))).toBeUndefined();
    expect(classifyEnvironmentCondition(ts, condition(`if (env === 'development' || env === 'test') {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (['development', 'test'].includes(process.env.NODE_ENV)) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (['staging', 'production'].includes(process.env.NODE_ENV)) {}`))).toBe('production');
  });
});

describe('environment names written as enum members', () => {
  it('reads a member of an enum or constant object of the file by its value', () => {
    expect(classifyEnvironmentCondition(ts, condition(`enum Env { local = 'local', production = 'production' } if (env !== Env.production) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`enum Stage { Live = 'production' } if (process.env.NODE_ENV === Stage.Live) {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`const ENV = { DEV: 'development' } as const; if (config.env === ENV.DEV) {}`))).toBe('development');
    // The file's enum says what the member is: 'live' is no environment the analysis knows.
    expect(classifyEnvironmentCondition(ts, condition(`enum Env { production = 'live' } if (env !== Env.production) {}`))).toBeUndefined();
  });

  it('reads a member of an enum from elsewhere by its name, on an enum named for environments', () => {
    expect(classifyEnvironmentCondition(ts, condition(`if (config.env !== AppEnv.PRODUCTION) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (process.env.NODE_ENV === Environment.Production) {}`))).toBe('production');
    expect(classifyEnvironmentCondition(ts, condition(`if ([NodeEnv.Test, NodeEnv.Development].includes(process.env.NODE_ENV)) {}`))).toBe('development');
    expect(classifyEnvironmentCondition(ts, condition(`if (config.env !== Tier.PRODUCTION) {}`))).toBeUndefined();
    // The other side must still read the environment.
    expect(classifyEnvironmentCondition(ts, condition(`if (user.plan !== AppEnv.PRODUCTION) {}`))).toBeUndefined();
  });

  it('sees an enum member in a switch case', () => {
    const code = `switch (process.env.NODE_ENV) { case Environment.Development: leak(); break; default: ok(); }`;
    expect(isDevelopmentOnly(ts, leak(code))).toBe(true);
  });
});

describe('isEnvironmentNameRead', () => {
  it('recognises reads with a default', () => {
    const sf = parse(`x = process.env.NODE_ENV || 'development';`);
    const assignment = (sf.statements[0] as ts.ExpressionStatement).expression as ts.BinaryExpression;
    expect(isEnvironmentNameRead(ts, assignment.right)).toBe(true);
  });
});

describe('getRunningEnvironment', () => {
  it('sees if/else branches, ?: and && around the node', () => {
    expect(isDevelopmentOnly(ts, leak(`if (process.env.NODE_ENV === 'development') { leak(); }`))).toBe(true);
    expect(isDevelopmentOnly(ts, leak(`if (isProd) { ok(); } else { leak(); }`))).toBe(true);
    expect(isDevelopmentOnly(ts, leak(`const body = { stack: isDev ? leak() : undefined };`))).toBe(true);
    expect(isDevelopmentOnly(ts, leak(`const body = { ...(isDev && { stack: leak() }) };`))).toBe(true);
    expect(isDevelopmentOnly(ts, leak(`const body = isProd || leak();`))).toBe(true);
  });

  it('sees an earlier exit in an enclosing block', () => {
    const code = `
      function handler(err, req, res, next) {
        if (process.env.NODE_ENV === 'production') {
          return res.status(500).json({ error: 'Internal error' });
        }
        leak();
      }`;
    expect(isDevelopmentOnly(ts, leak(code))).toBe(true);
  });

  it('sees a switch on the environment', () => {
    const code = `switch (process.env.NODE_ENV) { case 'development': leak(); break; default: ok(); }`;
    expect(isDevelopmentOnly(ts, leak(code))).toBe(true);
  });

  it('reports inverted checks as production', () => {
    expect(getRunningEnvironment(ts, leak(`if (process.env.NODE_ENV === 'production') { leak(); }`))?.kind).toBe('production');
    expect(getRunningEnvironment(ts, leak(`if (isDev) { ok(); } else { leak(); }`))?.kind).toBe('production');
  });

  it('does not count checks that do not dominate the node', () => {
    expect(getRunningEnvironment(ts, leak(`if (isDev) { log(); } leak();`))).toBeUndefined();
    expect(getRunningEnvironment(ts, leak(`if (isProd) { log(); } leak();`))).toBeUndefined();
    expect(getRunningEnvironment(ts, leak(`if (isProd) console.log('prod'); leak();`))).toBeUndefined();
    expect(getRunningEnvironment(ts, leak(`if (isDev) { return; } leak();`))?.kind).toBe('production');
  });
});
