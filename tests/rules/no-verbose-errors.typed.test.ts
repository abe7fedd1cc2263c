/**
 * Cross-file cases: error helpers in another file that serialize (or do not serialize) the caught
 * error, an app error class from another file, a helper that sends the error itself, and Fastify
 * plugins whose `reply.send(err)` goes to the error handler of the context another file registers
 * them in. The inline files sit in tests/fixtures/typed/verbose-errors/ so their imports resolve to
 * the files on disk. Per-file mode stays silent on each of them: only the other file shows what the
 * helper does, or which error handler answers. The exception is a plugin's own error handler that
 * passes the error on with `reply.send(error)`: per file, nothing shows a custom handler above it,
 * so it is reported (see `fastify/routes/reports.ts`).
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-verbose-errors.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/verbose-errors`;

const read = (path: string): string => readFileSync(`${dir}/${path}`, 'utf8');
const sendErrorTs = read('send-error.ts');
const reportsRoutes = read('reports.routes.ts');
const importsRoutes = read('imports.routes.ts');
const exportsRoutes = read('exports.routes.ts');
const errorsMiddleware = read('errors.middleware.ts');
const fastifyPayments = read('fastify/routes/payments.ts');
const fastifyExports = read('fastify/routes/exports.ts');
const fastifyFeeds = read('fastify/routes/feeds.ts');
const fastifyReports = read('fastify/routes/reports.ts');

createTypedRuleTester().run('no-verbose-errors (project)', testedRule, {
  valid: [
    {
      // One helper builds a generic body, the other keeps only err.code: nothing internal is sent.
      name: 'helpers in another file that ignore the error or keep its code',
      filename: `${dir}/exports.routes.ts`,
      code: exportsRoutes,
    },
    {
      // The class is the app's own client error, declared in another file.
      name: 'app error class from another file narrows the message',
      filename: `${dir}/errors.middleware.ts`,
      code: errorsMiddleware,
    },
    {
      // The route's errorHandler option names a function of another file that answers generically.
      name: "fastify: return err under the route's errorHandler imported from another file",
      filename: `${dir}/fastify/routes/feeds.ts`,
      code: fastifyFeeds,
    },
    {
      // app.ts registers the plugin in a context whose fastify-plugin plugin (plugins/errors.ts) sets a generic handler.
      name: 'fastify: reply.send(err) in a plugin whose context another file gives a generic error handler',
      filename: `${dir}/fastify/routes/payments.ts`,
      code: fastifyPayments,
    },
    {
      // The plugin's own handler passes errors on with reply.send(error); above it, the api context's
      // handler (plugins/errors.ts, registered by app.ts) answers generically: neither send leaks.
      name: "fastify: a plugin's error handler relays with reply.send to a generic handler another file sets",
      filename: `${dir}/fastify/routes/reports.ts`,
      code: fastifyReports,
    },
  ],
  invalid: [
    {
      name: 'helper in another file copies the message and the stack into the body',
      filename: `${dir}/reports.routes.ts`,
      code: reportsRoutes,
      errors: [{ messageId: 'errorReachesResponse', line: 8, data: { source: 'err.stack', sink: 'res.status(500).json', reveals: 'the stack trace' } }],
    },
    {
      name: 'helper in another file turns any error into its message',
      filename: `${dir}/imports.routes.ts`,
      code: importsRoutes,
      errors: [{ messageId: 'errorReachesResponse', line: 8, data: { source: 'err.message', sink: 'res.status(502).send', reveals: 'the error message' } }],
    },
    {
      // Reported once, on the helper's own response call; the route that passes the error is in invoices.routes.ts.
      name: 'helper that sends the error it is given, called from a route in another file',
      filename: `${dir}/send-error.ts`,
      code: sendErrorTs,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
    {
      // app.ts registers this plugin on the root, outside the context with the handler: Fastify's default one sends the message.
      name: 'fastify: reply.send(err) in a plugin another file registers where no custom error handler runs',
      filename: `${dir}/fastify/routes/exports.ts`,
      code: fastifyExports,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 8,
          data: { source: 'err', sink: 'reply.code(500).send' },
          suggestions: [{ messageId: 'answerGenerically', data: { error: 'err' }, output: fastifyExports.replace('      return reply.code(500).send(err);', "      console.error(err);\n      return reply.code(500).send('Internal Server Error');") }],
        },
      ],
    },
  ],
});

createRuleTester().run('no-verbose-errors (per file, same code)', testedRule, {
  valid: [
    {
      // Per file, the helper's body is unknown: no guess.
      name: 'helper that serializes the error, seen from the route alone',
      filename: `${dir}/reports.routes.ts`,
      code: reportsRoutes,
    },
    {
      // Per file, the helper's body is unknown: no guess.
      name: 'helper that describes the error, seen from the route alone',
      filename: `${dir}/imports.routes.ts`,
      code: importsRoutes,
    },
    {
      // Per file, nothing shows that callers pass caught errors.
      name: 'helper that sends the error, seen alone',
      filename: `${dir}/send-error.ts`,
      code: sendErrorTs,
    },
    {
      // Per file, the plugin's registration (and so its error handler) is in another file: no guess.
      name: 'fastify: reply.send(err) in a plugin under a generic error handler, seen alone',
      filename: `${dir}/fastify/routes/payments.ts`,
      code: fastifyPayments,
    },
    {
      // Per file, the plugin's registration (and so its error handler) is in another file: no guess.
      name: 'fastify: reply.send(err) in a plugin without a custom error handler, seen alone',
      filename: `${dir}/fastify/routes/exports.ts`,
      code: fastifyExports,
    },
    {
      // Per file, the route's error handler is a function of another file: it is not read, no guess.
      name: "fastify: return err under the route's imported errorHandler, seen alone",
      filename: `${dir}/fastify/routes/feeds.ts`,
      code: fastifyFeeds,
    },
  ],
  invalid: [
    {
      // An error handler's reply.send(error) is silent only when a custom handler is known to be above
      // it: per file, the plugin's context is unknown, and most handlers sit on the root, under
      // Fastify's default handler (which sends the message). The route's reply.send(err) stays silent.
      name: "fastify: a plugin's error handler relays with reply.send, seen alone",
      filename: `${dir}/fastify/routes/reports.ts`,
      code: fastifyReports,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 7,
          data: { source: 'error', sink: 'reply.send' },
          suggestions: [{ messageId: 'answerGenerically', data: { error: 'error' }, output: fastifyReports.replace('    reply.send(error);', "    console.error(error);\n    reply.send('Internal Server Error');") }],
        },
      ],
    },
  ],
});
