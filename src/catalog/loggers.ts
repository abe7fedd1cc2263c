/**
 * What a logging call looks like, as data: the receivers that log (`console`, a logger object,
 * the `log` of a Fastify request or server or of pino-http's `req`, Nest's `Logger`, a `debug`
 * instance) and the level methods called on them. Rules use it to tell a value that is only written
 * to the server's log from one that is checked, sent or stored.
 *
 * Tested in `tests/catalog/loggers.test.ts`.
 */

/** Level methods of console, pino, winston, bunyan and Nest's `Logger`. */
export const LOG_METHODS: ReadonlySet<string> = new Set(['log', 'error', 'warn', 'info', 'debug', 'trace', 'fatal', 'verbose']);

/** The last segment of a logger's access path: `console`, `log`, `logger`, `appLogger`, `Logger`, `debug`. */
const LOGGER_NAME = /^(?:console|log|debug|\w*logger)$/i;

/**
 * True when the access path of a call's receiver (`console`, `this.logger`, `request.log`,
 * `fastify.log`) names a logger.
 */
export function isLoggerPath(path: string): boolean {
  return LOGGER_NAME.test(path.slice(path.lastIndexOf('.') + 1));
}
