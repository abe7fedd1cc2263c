import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getErrorExposures } from '../../src/model/error-exposures.js';
import { getErrorHandlers } from '../../src/model/error-handlers.js';

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('file.ts', code, ts.ScriptTarget.Latest, true);
}

/** `label reveals origin` for every exposure, in source order. */
function exposures(code: string): string[] {
  return getErrorExposures(ts, parse(code)).map((e) => `${e.label} ${e.reveals} ${e.origin.kind}`);
}

describe('getErrorHandlers', () => {
  it('finds Express four-argument handlers, Fastify setErrorHandler and Nest filters', () => {
    const handlers = getErrorHandlers(
      ts,
      parse(`
        app.use((err, req, res, next) => res.sendStatus(500));
        fastify.setErrorHandler(function (error, request, reply) { reply.send({}); });
        @Catch(HttpException) class HttpFilter { catch(exception, host) {} }
      `),
    );
    expect(handlers.map((h) => `${h.kind} ${h.errorParam.name.getText()} ${h.caught.length}`)).toEqual([
      'express-error-middleware err 0',
      'fastify-error-handler error 0',
      'nest-exception-filter exception 1',
    ]);
  });
});

describe('getErrorExposures', () => {
  it('reads stack, message, driver fields and serializations of a caught error', () => {
    expect(
      exposures(`
        import util from 'node:util';
        try { run(); } catch (err) { send(err.stack, err.message, err.sql, err.status, util.inspect(err), JSON.stringify(err), String(err), err.toString(), \`\${err}\`); }
      `),
    ).toEqual([
      'err.stack stack catch-clause',
      'err.message message catch-clause',
      'err.sql details catch-clause',
      'util.inspect(err) stack catch-clause',
      'JSON.stringify(err) object catch-clause',
      'String(err) message catch-clause',
      'err.toString() message catch-clause',
      'err message catch-clause',
    ]);
  });

  it('follows aliases and destructuring, and skips control positions', () => {
    expect(
      exposures(`
        try { run(); } catch (err) {
          if (err instanceof Error && !err) throw err;
          const e = err as Error;
          const { stack, code } = err;
          send(e.message, stack, code, { err });
        }
      `),
    ).toEqual(['e.message message catch-clause', 'stack stack catch-clause', 'err object catch-clause']);
  });

  it('finds promise, callback and error-handler origins', () => {
    expect(
      exposures(`
        load().catch((e) => send(e.message));
        fs.readFile('x', (err, data) => send(err.message));
        items.map((error) => error.message);
        app.use((err, req, res, next) => res.json(err));
      `),
    ).toEqual(['e.message message promise-catch', 'err.message message callback', 'err object error-handler']);
  });

  it('keeps client-error messages out, but not their stack', () => {
    expect(
      exposures(`
        import { ZodError } from 'zod';
        import { QueryFailedError } from 'typeorm';
        try { run(); } catch (err) {
          if (err instanceof ZodError) send(err.message, err.stack);
          if (err instanceof QueryFailedError) send(err.message);
          send(err.expose ? err.message : 'Internal');
        }
      `),
    ).toEqual(['err.stack stack catch-clause', 'err.message message catch-clause']);
  });

  it('leaves out reads that only run in development', () => {
    expect(
      exposures(`
        try { run(); } catch (err) {
          if (process.env.NODE_ENV === 'development') send(err.stack);
          send({ stack: isDev ? err.stack : undefined });
        }
      `),
    ).toEqual([]);
  });

  it('leaves out reads that a later check takes back outside development', () => {
    expect(
      exposures(`
        app.use((err, req, res, next) => {
          let { statusCode, message } = err;
          send(message);
          if (process.env.NODE_ENV === 'production' && !err.isOperational) message = 'Internal Server Error';
          send(message);
          const response = { stack: err.stack, detail: err.message };
          if (process.env.NODE_ENV !== 'development') delete response.stack;
          res.json(response);
        });
      `),
    ).toEqual(['message message error-handler', 'err.message message error-handler']);
  });

  it('keeps reads whose overwrite does not cover production', () => {
    expect(
      exposures(`
        app.use((err, req, res, next) => {
          let { message } = err;
          if (req.xhr) message = 'Internal Server Error';
          send(message);
          const response = { stack: err.stack };
          // a client error's stack is internal all the same
          if (process.env.NODE_ENV === 'production' && !err.isOperational) delete response.stack;
          res.json(response);
        });
      `),
    ).toEqual(['message message error-handler', 'err.stack stack error-handler']);
  });

  it('narrows by a field that only an error class of the file declares', () => {
    expect(
      exposures(`
        class HttpException extends Error { constructor(public errorCode: number, message: string) { super(message); } }
        class NotFound extends HttpException { resource?: string; }
        app.use((err, req, res, next) => {
          if (err.errorCode) send(err.message, err.stack);
          if (err.resource !== undefined) send(err.message);
          if (err.statusCode) send(err.message);
        });
      `),
    ).toEqual(['err.stack stack error-handler', 'err.message message error-handler']);
  });
});
