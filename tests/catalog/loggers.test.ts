/**
 * The logger catalog: which receivers log. The same answer serves no-permissive-cors (a logged
 * origin is not checked), no-insecure-jwt (a logged claim is not used) and no-verbose-errors' reach
 * gate (a logged error goes nowhere).
 */
import { describe, expect, it } from 'vitest';
import { isLoggerPath, LOG_METHODS } from '../../src/catalog/loggers.js';

describe('isLoggerPath', () => {
  it('knows console, logger objects, request and server logs, Nest and debug', () => {
    for (const path of ['console', 'logger', 'this.logger', 'this.log', 'request.log', 'req.log', 'fastify.log', 'this.appLogger', 'Logger', 'debug']) {
      expect(isLoggerPath(path), path).toBe(true);
    }
  });

  it('leaves responses, catalogs and look-alikes alone', () => {
    for (const path of ['res', 'reply', 'this.logs', 'auditLog', 'logging', 'catalog', 'blog', 'dialog', 'this.loggerFactory']) {
      expect(isLoggerPath(path), path).toBe(false);
    }
  });
});

describe('LOG_METHODS', () => {
  it('holds the level methods, not response methods', () => {
    expect([...LOG_METHODS]).toEqual(expect.arrayContaining(['log', 'error', 'warn', 'info', 'debug']));
    expect(LOG_METHODS.has('send')).toBe(false);
    expect(LOG_METHODS.has('json')).toBe(false);
  });
});
