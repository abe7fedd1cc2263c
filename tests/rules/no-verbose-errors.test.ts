import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-verbose-errors.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

/** A Nest controller that calls a status page through HttpService and handles a failure with `handler` (rxjs catchError). */
function statusController(handler: string): string {
  return `import { BadGatewayException, Controller, Get } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { catchError, throwError } from 'rxjs';
@Controller('status')
export class StatusController {
  constructor(private readonly http: HttpService) {}
  @Get()
  summary() {
    return this.http.get('https://status.example.com/v1/summary').pipe(
      catchError(${handler}),
    );
  }
}`;
}

ruleTester.run('no-verbose-errors', testedRule, {
  valid: [
    {
      // A project function that happens to be called catchError is not rxjs's: its callback's
      // parameter is a value it builds, not a caught error.
      name: 'express: a local function named catchError',
      code: `import express from 'express';
const app = express();
function catchError(render: (notice: { message: string }) => void) { render({ message: 'maintenance tonight' }); }
app.get('/notice', (req, res) => catchError((notice) => res.json({ message: notice.message })));`,
    },
    {
      // catchError that answers with a generic message.
      name: 'nest: rxjs catchError with a generic message',
      code: statusController("() => throwError(() => new BadGatewayException('status page unavailable'))"),
    },
    // --- Express -------------------------------------------------------------------------------
    {
      name: 'express: generic message after server-side logging',
      code: `import express from 'express';
const router = express.Router();
router.post('/orders', async (req, res) => {
  try {
    res.json(await createOrder(req.body));
  } catch (err) {
    logger.error({ err }, 'order failed');
    res.status(500).json({ error: 'Could not place the order' });
  }
});`,
    },
    {
      // The twin of the SSE helper below: the helper writes what it is given, here a fixed text.
      name: 'express: an event-stream helper sent a generic error',
      code: `function sendEvent(res, type, data) {
  res.write(\`data: \${JSON.stringify({ type, ...data })}\\n\\n\`);
}
router.get('/chat/stream', async (req, res) => {
  try {
    await streamAnswer(req, res);
  } catch (error) {
    console.error(error);
    sendEvent(res, 'error', { error: 'The answer could not be generated' });
  }
});`,
    },
    {
      // A status code is not a leak.
      name: 'express: error handler that only forwards the status',
      code: `app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: 'Request failed' });
});`,
    },
    {
      // An error code is a stable identifier, not an internal detail.
      name: 'express: err.code alone in the body',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).json({ code: err.code }); }
});`,
    },
    {
      // Narrowed to a zod error: its issues are written for clients.
      name: 'express: zod issues after instanceof ZodError',
      code: `import { ZodError } from 'zod';
export function errorHandler(err, req, res, next) {
  if (err instanceof ZodError) return res.status(400).json({ issues: err.issues, message: err.message });
  res.status(500).json({ error: 'Internal error' });
}`,
    },
    {
      // http-errors messages are written by the code that creates them.
      name: 'express: err instanceof HttpError ? err.message : generic',
      code: `import createError, { HttpError } from 'http-errors';
app.use((err, req, res, next) => {
  res.status(err.status ?? 500).json({ error: err instanceof HttpError ? err.message : 'Internal error' });
});`,
    },
    {
      // The app's own client-error class, with literal messages.
      name: 'express: own error class defined in the file',
      code: `class AppError extends Error { constructor(message, status) { super(message); this.status = status; } }
class NotFoundError extends AppError { constructor() { super('Not found', 404); } }
app.use((err, req, res, next) => {
  if (err instanceof NotFoundError) return res.status(404).json({ error: err.message });
  res.status(500).json({ error: 'Internal error' });
});`,
    },
    {
      // Per-file mode cannot see the class; another file decides, so the rule stays silent.
      name: 'express: error class imported from another file',
      code: `import { AppError } from '../errors/app-error.js';
app.use((err, req, res, next) => {
  if (err instanceof AppError) return res.status(err.status).json({ error: err.message });
  res.status(500).json({ error: 'Internal error' });
});`,
    },
    {
      // http-errors sets expose only for messages meant for clients.
      name: 'express: err.expose guards the message',
      code: `app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal Server Error' });
});`,
    },
    {
      // The stack is sent only in development.
      name: 'express: stack inside a NODE_ENV === development branch',
      code: `app.use((err, req, res, next) => {
  if (process.env.NODE_ENV === 'development') {
    return res.status(500).json({ error: err.message, stack: err.stack });
  }
  res.status(500).json({ error: 'Internal error' });
});`,
    },
    {
      // Development-only conditional inside the body.
      name: 'express: stack behind isDev ? ... : undefined',
      code: `const isDev = process.env.NODE_ENV !== 'production';
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal error', stack: isDev ? err.stack : undefined });
});`,
    },
    {
      // Production returns early with a generic message; what follows runs outside production.
      name: 'express: early return in production dominates the verbose answer',
      code: `app.use((err, req, res, next) => {
  if (req.app.get('env') === 'production') {
    return res.status(500).json({ error: 'Internal error' });
  }
  res.status(500).json({ error: err.message, stack: err.stack });
});`,
    },
    {
      // errorhandler() only in development.
      name: 'express: errorhandler() behind a development check',
      code: `import errorhandler from 'errorhandler';
if (process.env.NODE_ENV === 'development') {
  app.use(errorhandler());
}`,
    },
    {
      // Config flag named for development.
      name: 'express: errorhandler() behind config.isDev',
      code: `const errorhandler = require('errorhandler');
const config = require('./config');
if (config.isDev) app.use(errorhandler());`,
    },
    {
      // A local middleware that happens to share the name is not the errorhandler package.
      name: 'express: local errorHandler middleware',
      code: `import { errorhandler } from './middleware/errorhandler.js';
app.use(errorhandler());`,
    },
    {
      // The environment comes from the deployment, not forced to development.
      name: 'express: app.set(env) from process.env',
      code: `app.set('env', process.env.NODE_ENV);`,
    },
    {
      // strong-error-handler hides details unless debug is on, and debug follows the environment.
      name: 'express: strong-error-handler with debug tied to the environment',
      code: `import strongErrorHandler from 'strong-error-handler';
app.use(strongErrorHandler({ debug: process.env.NODE_ENV !== 'production', log: true }));`,
    },
    {
      // Logging the stack on the server is the right thing to do.
      name: 'express: stack to the log, sendStatus to the client',
      code: `router.delete('/x/:id', async (req, res) => {
  try { await remove(req.params.id); res.sendStatus(204); }
  catch (err) { console.error(err.stack); res.sendStatus(500); }
});`,
    },
    {
      // Passing the error on to the error middleware is not a response.
      name: 'express: next(err)',
      code: `router.get('/x', async (req, res, next) => {
  try { res.json(await load()); } catch (err) { next(err); }
});`,
    },
    {
      // A validation result is not a caught error; joi's details are written for clients.
      name: 'express: joi validate() error details',
      code: `router.post('/channels', (req, res) => {
  const { error, value } = schema.validate(req.body);
  if (error) return res.status(400).json({ error: error.details[0].message });
  res.json(value);
});`,
    },
    {
      // An error the handler builds itself, with a literal message.
      name: 'express: new Error with a literal message',
      code: `router.get('/x', (req, res) => {
  const error = new Error('Not allowed');
  res.status(403).json({ error: error.message });
});`,
    },
    {
      // err.name === 'ValidationError' narrows to validator errors.
      name: 'express: err.name === ValidationError',
      code: `app.use((err, req, res, next) => {
  if (err.name === 'ValidationError') return res.status(400).json({ error: err.message });
  res.status(500).json({ error: 'Internal error' });
});`,
    },
    {
      // The helper lives in another file; per-file mode does not guess what it returns.
      name: 'express: error body built by a helper in another file',
      code: `import { toErrorBody } from './error-body.js';
router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).json(toErrorBody(err)); }
});`,
    },
    {
      // jsonwebtoken's verify callback gets JsonWebTokenError and TokenExpiredError: messages for clients.
      name: 'express: jwt.verify callback error message',
      code: `import jwt from 'jsonwebtoken';
export function requireToken(req, res, next) {
  jwt.verify(req.headers.authorization, process.env.JWT_SECRET, (err, payload) => {
    if (err) return res.status(401).json({ error: err.message });
    req.user = payload;
    next();
  });
}`,
    },
    {
      // The message only outside production.
      name: 'express: message only when NODE_ENV is not production (ternary)',
      code: `app.use((err, req, res, next) => {
  res.status(500).json({ error: process.env.NODE_ENV === 'production' ? 'Internal error' : err.message });
});`,
    },
    {
      // http-errors convention: errors below 500 carry messages for clients.
      name: 'express: message only for statuses below 500',
      code: `app.use((err, req, res, next) => {
  const status = err.status ?? 500;
  res.status(status).json({ error: err.status < 500 ? err.message : 'Internal error' });
});`,
    },
    {
      // Passport's info object is not an error; the error itself goes to next().
      name: 'express: passport callback sends info.message, passes err on',
      code: `router.post('/login', (req, res, next) => {
  passport.authenticate('local', (err, user, info) => {
    if (err) return next(err);
    if (!user) return res.status(401).json({ message: info.message });
    res.json({ ok: true });
  })(req, res, next);
});`,
    },
    {
      // A generic view after logging; the error stays on the server.
      name: 'express: generic error view after logging',
      code: `app.use((err, req, res, next) => {
  logger.error({ err, path: req.path }, 'request failed');
  res.status(500).render('error', { message: 'Something went wrong' });
});`,
    },
    {
      // Mongoose validation messages, narrowed by name, are written for clients.
      name: 'express: mongoose validation errors by name',
      code: `router.post('/monitors', async (req, res, next) => {
  try { res.status(201).json(await Monitor.create(pickFields(req.body))); }
  catch (err) {
    if (err.name === 'ValidationError') return res.status(400).json({ errors: Object.values(err.errors).map((e) => e.message) });
    next(err);
  }
});`,
    },
    {
      // A duplicate-key code mapped to a fixed answer.
      name: 'express: error code mapped to a fixed message',
      code: `router.post('/teams', async (req, res, next) => {
  try { res.status(201).json(await Team.create({ name: req.body.name })); }
  catch (err) {
    if (err.code === 11000) return res.status(409).json({ code: 'DUPLICATE', message: 'That team name is taken' });
    next(err);
  }
});`,
    },
    {
      // joi errors flagged with isJoi carry details written for clients.
      name: 'express: joi error details behind isJoi',
      code: `app.use((err, req, res, next) => {
  if (err.isJoi) return res.status(400).json({ error: err.message, details: err.details });
  res.status(500).json({ error: 'Internal error' });
});`,
    },
    {
      // Reported to an error tracker, answered with a bare status.
      name: 'express: error tracker and sendStatus',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { Sentry.captureException(err); res.sendStatus(500); }
});`,
    },
    {
      // The common dev/prod split: details only in development, operational messages in production.
      name: 'express: sendErrorDev / sendErrorProd with isOperational',
      code: `const sendErrorDev = (err, res) => {
  res.status(err.statusCode).json({ status: err.status, error: err, message: err.message, stack: err.stack });
};
const sendErrorProd = (err, res) => {
  if (err.isOperational) {
    res.status(err.statusCode).json({ status: err.status, message: err.message });
  } else {
    console.error('ERROR', err);
    res.status(500).json({ status: 'error', message: 'Something went wrong' });
  }
};
export default (err, req, res, next) => {
  err.statusCode = err.statusCode || 500;
  if (process.env.NODE_ENV === 'development') sendErrorDev(err, res);
  else if (process.env.NODE_ENV === 'production') sendErrorProd(err, res);
};`,
    },
    {
      // In production a non-operational error's message is replaced before the response; what is
      // left is an operational (client) error's message, or any message in development.
      name: 'express: message reassigned under a production check (node-express-boilerplate)',
      code: `import httpStatus from 'http-status';
app.use((err, req, res, next) => {
  let { statusCode, message } = err;
  if (process.env.NODE_ENV === 'production' && !err.isOperational) {
    statusCode = httpStatus.INTERNAL_SERVER_ERROR;
    message = httpStatus[httpStatus.INTERNAL_SERVER_ERROR];
  }
  res.status(statusCode).send({ code: statusCode, message });
});`,
    },
    {
      // The variable that holds the message is overwritten in production before any use of it.
      name: 'express: let message = err.message overwritten in production',
      code: `app.use((err, req, res, next) => {
  let message = err.message;
  if (process.env.NODE_ENV === 'production') message = 'Internal Server Error';
  res.status(500).json({ message });
});`,
    },
    {
      // The stack is deleted from the response outside development, before it is sent.
      name: 'express: delete response.stack outside development (express-rest-boilerplate)',
      code: `app.use((err, req, res, next) => {
  const response = { code: 500, message: 'Internal error', stack: err.stack };
  if (process.env.NODE_ENV !== 'development') { delete response.stack; }
  res.status(500);
  res.json(response);
});`,
    },
    {
      // errorCode is declared only by the file's own error class: checking it narrows to that class, like instanceof.
      name: 'express: truthy field that only a project error class declares (realworld)',
      code: `class HttpException extends Error {
  constructor(public errorCode: number, message: string) { super(message); }
}
app.use((err, req, res, next) => {
  if (err && err.errorCode) { return res.status(err.errorCode).json(err.message); }
  res.status(500).json({ error: 'Internal error' });
});`,
    },
    {
      // Set in the constructor, compared with a value, and checked with an early exit: the same evidence.
      name: 'express: project error class field compared, and as an early exit',
      code: `class AppError extends Error {
  constructor(code, message) { super(message); this.errorCode = code; }
}
app.use((err, req, res, next) => {
  if (err.errorCode === 'E_NOT_FOUND') return res.status(404).json({ error: err.message });
  if (!err.errorCode) return res.status(500).json({ error: 'Internal error' });
  res.status(400).json({ error: err.message });
});`,
    },
    // --- Fastify -------------------------------------------------------------------------------
    {
      // Fastify's schema-validation errors are written for clients.
      name: 'fastify: error.validation in setErrorHandler',
      code: `fastify.setErrorHandler((error, request, reply) => {
  if (error.validation) {
    return reply.code(400).send({ error: 'Invalid request', details: error.validation, message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'Internal Server Error' });
});`,
    },
    {
      // Status and code only.
      name: 'fastify: statusCode and code in the body',
      code: `app.setErrorHandler(function (error, request, reply) {
  reply.status(error.statusCode ?? 500).send({ statusCode: error.statusCode ?? 500, code: error.code });
});`,
    },
    {
      // Generic upstream failure message in a route.
      name: 'fastify: generic message in a route catch',
      code: `export default async function routes(fastify) {
  fastify.get('/maps/:id', async (request, reply) => {
    try { return await fetchOverlay(request.params.id); }
    catch (err) { request.log.warn(err); return reply.code(502).send({ error: 'Overlay fetch failed' }); }
  });
}`,
    },
    {
      // The message was compared with texts the app throws: what the branch sends is that text
      // (fastify_20stock, 187 routes; round-3 triage). A constant holding the text counts too.
      name: 'fastify: message sent under a check that it equals a known text',
      code: `const CODE_EXPIRED = 'Code expired';
export default async function routes(fastify) {
  fastify.post('/products', async (request, reply) => {
    try { return reply.status(201).send(await createProduct(request.body.name)); }
    catch (error) {
      request.log.error(error);
      if (error.message === 'Product with this name already exists') return reply.status(400).send({ error: error.message });
      if (error.message === 'Invalid code' || error.message === CODE_EXPIRED) return reply.status(401).send({ error: error.message });
      return reply.status(500).send({ error: 'Internal server error' });
    }
  });
}`,
    },
    {
      // Debug output only in development.
      name: 'fastify: stack behind a development config flag',
      code: `fastify.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error', ...(config.isDevelopment && { stack: error.stack }) });
});`,
    },
    {
      // Client errors (status below 500) keep their message; the rest is generic.
      name: 'fastify: message only for client errors in setErrorHandler',
      code: `fastify.setErrorHandler((error, request, reply) => {
  if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ message: error.message });
  request.log.error(error);
  reply.code(500).send({ message: 'Internal Server Error' });
});`,
    },
    {
      // A sensible helper without the error's text.
      name: 'fastify: sensible helper with its default message',
      code: `fastify.get('/feeds/:id', async (request, reply) => {
  try { return await feeds.load(request.params.id); }
  catch (err) { request.log.error(err); return reply.internalServerError(); }
});`,
    },
    // `reply.send(err)` hands the error to the route's error handler (see the invalid cases without one).
    {
      // The root's handler answers every error with a generic 500: the Error object never reaches the client as such.
      name: 'fastify: reply.send(err) under a root setErrorHandler that answers generically',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error({ err: error }, 'request failed');
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.post('/payments', async (request, reply) => {
  try {
    return await payments.capture(request.body);
  } catch (err) {
    return reply.code(502).send(err);
  }
});`,
    },
    {
      // Fastify sends what a handler returns through reply.send: a returned Error goes to the error handler too.
      name: 'fastify: return err under a root setErrorHandler that answers generically',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error({ err: error }, 'request failed');
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.post('/payments', async (request, reply) => {
  try {
    return await payments.capture(request.body);
  } catch (err) {
    reply.code(502);
    return err;
  }
});`,
    },
    {
      // The route's own errorHandler option answers its errors before any setErrorHandler.
      name: 'fastify: reply.send(err) under the route errorHandler option that answers generically',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', {
  errorHandler: (error, request, reply) => {
    request.log.error({ err: error }, 'feed failed');
    reply.code(502).send({ error: 'Feed unavailable' });
  },
}, async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    return reply.send(err);
  }
});`,
    },
    {
      name: 'fastify: return err in a route() whose errorHandler is a function of the file',
      code: `import Fastify from 'fastify';
const app = Fastify();
function answerGenerically(error, request, reply) {
  reply.code(500).send({ error: 'Internal Server Error' });
}
app.route({
  method: 'POST',
  url: '/imports',
  errorHandler: answerGenerically,
  handler: async (request) => {
    try {
      return await imports.run(request.body);
    } catch (err) {
      return err;
    }
  },
});`,
    },
    {
      // A plugin registered without fastify-plugin is a child context: it inherits its parent's handler.
      name: 'fastify: reply.send(err) in an encapsulated plugin under the parent handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  if (error.validation) return reply.code(400).send({ error: 'Invalid request', details: error.validation });
  request.log.error(error);
  return reply.code(500).send({ error: 'Internal Server Error' });
});
app.register(async function billing(instance) {
  instance.post('/refunds', async (request, reply) => {
    try {
      return await refunds.issue(request.body);
    } catch (err) {
      reply.send(err);
    }
  });
}, { prefix: '/billing' });`,
    },
    {
      // A plugin wrapped in fastify-plugin shares its parent's context, and with it the parent's handler.
      name: 'fastify: reply.send(err) in a fastify-plugin plugin under the parent handler',
      code: `import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.register(fp(async function health(instance) {
  instance.get('/health/db', async (request, reply) => {
    try {
      return await db.ping();
    } catch (err) {
      return reply.code(503).send(err);
    }
  });
}));`,
    },
    {
      // The handler is set inside a fastify-plugin plugin: it is the root context's handler, also for a child plugin's routes.
      name: 'fastify: reply.send(err) under a handler a fastify-plugin plugin sets on the root',
      code: `import Fastify from 'fastify';
import fp from 'fastify-plugin';
const errors = fp(async function errors(instance) {
  instance.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    reply.code(500).send({ error: 'Internal Server Error' });
  });
});
const app = Fastify();
app.register(errors);
app.register(async function orders(instance) {
  instance.get('/orders/:id', async (request, reply) => {
    try {
      return await orderStore.load(request.params.id);
    } catch (err) {
      reply.send(err);
    }
  });
});`,
    },
    {
      // The plugin's own handler throws the error on: Fastify gives it to the root's handler, which answers generically.
      name: 'fastify: reply.send(err) under a plugin handler that rethrows to a generic root handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.register(async function reports(instance) {
  instance.setErrorHandler(async (error, request) => {
    request.log.error({ err: error }, 'report failed');
    throw error;
  });
  instance.get('/reports/:id', async (request, reply) => {
    try {
      return await reportStore.render(request.params.id);
    } catch (err) {
      reply.send(err);
    }
  });
});`,
    },
    {
      // reply.send(error) in an error handler passes the error on like throw (Fastify's lib/error-handler.js):
      // the root's handler answers it generically, and so the route's reply.send(err) too.
      name: 'fastify: a plugin error handler passes the error on with reply.send to a generic root handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.register(async function reports(instance) {
  instance.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'report failed');
    reply.code(500).send(error);
  });
  instance.get('/reports/:id', async (request, reply) => {
    try {
      return await reportStore.render(request.params.id);
    } catch (err) {
      reply.send(err);
    }
  });
});`,
    },
    {
      // The handler's code is in another file: per file, it cannot be judged, so nothing is reported.
      name: 'fastify: reply.send(err) under an error handler imported from another file (per file)',
      code: `import Fastify from 'fastify';
import { errorHandler } from './errors.js';
const app = Fastify();
app.setErrorHandler(errorHandler);
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    reply.send(err);
  }
});`,
    },
    {
      // An exported plugin: the file that registers it may set an error handler around it (decided with the project).
      name: 'fastify: reply.send(err) in an exported plugin (per file)',
      code: `import type { FastifyInstance } from 'fastify';
export default async function vendorRoutes(fastify: FastifyInstance) {
  fastify.get('/vendor-status', async (request, reply) => {
    try {
      return await checkVendor(request.query.vendor);
    } catch (err) {
      return reply.code(502).send(err);
    }
  });
}`,
    },
    // --- NestJS --------------------------------------------------------------------------------
    {
      // Literal message in a Nest exception.
      name: 'nest: literal message in a NotFoundException',
      code: `import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Get(':id')
  async find(@Param('id') id: string) {
    try { return await this.orders.get(id); }
    catch (err) { throw new NotFoundException(\`Order \${id} not found\`); }
  }
}`,
    },
    {
      // The exception is caught on its way out (through the transaction callback) by a catch that
      // only logs what it caught and answers with its own text.
      name: 'nest: an exception caught by an enclosing catch that logs and answers on its own',
      code: `import { ConflictException, Injectable } from '@nestjs/common';
@Injectable()
export class RequestService {
  async remove(id: string) {
    try {
      await this.prisma.$transaction(async (tx) => {
        try { await tx.request.delete({ where: { id } }); }
        catch (error) { throw new ConflictException(error); }
      });
    } catch (error) {
      this.logger.error('remove failed', error);
      if (error instanceof ConflictException) return 'REQUEST_CONFLICT';
      return 'REQUEST_NOT_FOUND';
    }
    return 'ok';
  }
}`,
    },
    {
      // The express-rest boilerplates' APIError carries \`isPublic\`: only public errors show their message.
      name: 'express: the message only of errors flagged isPublic',
      code: `app.use((err, req, res, next) =>
  res.status(err.status || 500).json({ message: err.isPublic ? err.message : 'Internal Server Error' }),
);`,
    },
    {
      // The message is replaced with fixed text before the error goes on to Fastify's default
      // handler, which sends that text (fastify-realworld's error handler).
      name: 'fastify: the error handler replaces the message before passing the error on',
      code: `fastify.setErrorHandler((err, request, reply) => {
  request.log.error({ err }, err.message);
  err.message = 'An error has occurred';
  reply.send(err);
});`,
    },
    {
      // The app's own client error, narrowed with instanceof.
      name: 'nest: own error class message in a ConflictException',
      code: `import { ConflictException, Injectable } from '@nestjs/common';
class SlotTakenError extends Error { constructor() { super('That slot is already booked'); } }
@Injectable()
export class BookingService {
  async book(slot: string) {
    try { await this.repo.insert({ slot }); }
    catch (err) {
      if (err instanceof SlotTakenError) throw new ConflictException(err.message);
      throw new ConflictException('Could not book');
    }
  }
}`,
    },
    {
      // @Catch(HttpException): the caught messages are HttpException messages, written for clients.
      name: 'nest: HttpException filter sending exception.message',
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    res.status(exception.getStatus()).json({ message: exception.message });
  }
}`,
    },
    {
      // Non-HttpExceptions get a generic body.
      name: 'nest: catch-all filter with getResponse() or a generic body',
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');
  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    const isHttp = exception instanceof HttpException;
    if (!isHttp) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(isHttp ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR)
      .json(isHttp ? exception.getResponse() : { statusCode: 500, message: 'Internal server error' });
  }
}`,
    },
    {
      // 5xx answers generically and returns; below, the status is under 500, which only an
      // HttpException (a message written for clients) can have.
      name: 'nest/fastify: filter that answers 5xx generically before sending the message',
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
@Catch()
export class InternalExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) {
      reply.code(status).send({ statusCode: status, message: 'Internal server error' });
      return;
    }
    const message = (exception as HttpException).message;
    reply.code(status).send({ statusCode: status, message });
  }
}`,
    },
    {
      // A status that defaults to 500 is a number: under 500 means the error set it.
      name: 'express: err.status ?? 500 checked before the message is sent',
      code: `app.use((err, req, res, next) => {
  const status = err.status ?? 500;
  if (status >= 500) return res.status(500).json({ error: 'Internal error' });
  res.status(status).json({ error: err.message });
});`,
    },
    {
      // The @fastify/jwt documentation's authenticate decorator: jwtVerify throws only 400/401 errors written for clients.
      name: 'fastify: reply.send(err) of a failed jwtVerify',
      code: `module.exports = fp(async function auth(fastify) {
  fastify.decorate('authenticate', async (request, reply) => {
    try { await request.jwtVerify(); } catch (err) { reply.send(err); }
  });
});`,
    },
    {
      // Either branch of the || is a jsonwebtoken client error: its message is written for clients.
      name: 'express: err.message under instanceof TokenExpiredError || JsonWebTokenError',
      code: `import jwt from 'jsonwebtoken';
router.post('/verify-email', async (req, res) => {
  try { res.json(await confirmEmail(jwt.verify(req.body.token, process.env.EMAIL_KEY!))); }
  catch (err) {
    if (err instanceof jwt.TokenExpiredError || err instanceof jwt.JsonWebTokenError) return res.status(400).json({ error: 'invalid_token', message: err.message });
    res.status(500).json({ error: 'internal' });
  }
});`,
    },
    {
      // The cause option is not part of the response body.
      name: 'nest: error as the cause option only',
      code: `import { InternalServerErrorException } from '@nestjs/common';
export class PaymentsService {
  async charge() {
    try { await this.client.charge(); }
    catch (err) { throw new InternalServerErrorException('Payment failed', { cause: err }); }
  }
}`,
    },
    {
      // Rethrowing: Nest's default filter answers "Internal server error" for non-HTTP errors.
      name: 'nest: rethrow the caught error',
      code: `import { Controller, Post } from '@nestjs/common';
@Controller('imports')
export class ImportsController {
  @Post()
  async run() {
    try { return await this.imports.run(); } catch (err) { this.logger.error(err); throw err; }
  }
}`,
    },
    {
      // A development-only filter body.
      name: 'nest: filter with stack inside a development check',
      code: `import { ArgumentsHost, Catch } from '@nestjs/common';
@Catch()
export class DevFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    if (process.env.NODE_ENV === 'development') {
      const err = exception as Error;
      return res.status(500).json({ message: err?.message, stack: err?.stack });
    }
    res.status(500).json({ message: 'Internal server error' });
  }
}`,
    },
    {
      // Returning a status field of the error from a handler is fine.
      name: 'nest: handler returns only a status',
      code: `import { Controller, Post } from '@nestjs/common';
@Controller('sync')
export class SyncController {
  @Post()
  async sync() {
    try { return await this.fhir.sync(); } catch (err) { return { synced: 0, status: err.status }; }
  }
}`,
    },
    {
      // Logged on the server, a bare exception to the client.
      name: 'nest: stack logged, empty InternalServerErrorException',
      code: `import { Injectable, InternalServerErrorException, Logger } from '@nestjs/common';
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);
  async build(id: string) {
    try { return await this.renderer.render(id); }
    catch (err) { this.logger.error(err.stack); throw new InternalServerErrorException(); }
  }
}`,
    },
    {
      // A fixed body; the error only as the cause option.
      name: 'nest: HttpException with a fixed body and the error as cause',
      code: `import { HttpException, HttpStatus } from '@nestjs/common';
export async function callPartner(client) {
  try { return await client.fetch(); }
  catch (err) {
    throw new HttpException({ status: HttpStatus.BAD_GATEWAY, error: 'Partner unavailable' }, HttpStatus.BAD_GATEWAY, { cause: err });
  }
}`,
    },
    {
      // A filter for zod errors: what it catches is written for clients.
      name: 'nest: @Catch(ZodError) filter sends issues and message',
      code: `import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { ZodError } from 'zod';
@Catch(ZodError)
export class ZodFilter implements ExceptionFilter {
  catch(exception: ZodError, host: ArgumentsHost) {
    host.switchToHttp().getResponse().status(400).json({ message: exception.message, issues: exception.issues });
  }
}`,
    },
    {
      // The documented Nest filter: status, time and path only.
      name: 'nest: catch-all filter answers through the HTTP adapter without the error',
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly httpAdapterHost: HttpAdapterHost) {}
  catch(exception: unknown, host: ArgumentsHost) {
    const { httpAdapter } = this.httpAdapterHost;
    const ctx = host.switchToHttp();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    httpAdapter.reply(ctx.getResponse(), { statusCode: status, timestamp: new Date().toISOString(), path: httpAdapter.getRequestUrl(ctx.getRequest()) }, status);
  }
}`,
    },
    {
      // The error object reaches the view only in development; the message line is generic.
      name: 'express: res.locals with a development-only error and a fixed message',
      code: `app.use(function (err, req, res, next) {
  res.locals.message = 'Something went wrong';
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(err.status || 500);
  res.render('error');
});`,
    },
  ],
  invalid: [
    // --- Express -------------------------------------------------------------------------------
    {
      name: 'express: err.message of a caught error in res.json',
      code: `router.post('/orders', async (req, res) => {
  try {
    res.json(await createOrder(req.body));
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
    {
      // The twins: a message that differs from the known text (any other error's, the driver's
      // included), and a check where one side is on another field.
      name: 'fastify: message sent when it differs from a known text, or under a mixed check',
      code: `export default async function routes(fastify) {
  fastify.post('/products', async (request, reply) => {
    try { return reply.status(201).send(await createProduct(request.body.name)); }
    catch (error) {
      if (error.message !== 'Product with this name already exists') return reply.status(400).send({ error: error.message });
      return reply.status(409).send({ error: 'Product exists' });
    }
  });
  fastify.put('/products/:id', async (request, reply) => {
    try { return await updateProduct(request.params.id, request.body.name); }
    catch (error) {
      if (error.code === 'P2002' || error.message === 'x') return reply.status(409).send({ error: error.message });
      return reply.status(500).send({ error: 'Internal server error' });
    }
  });
}`,
      errors: [
        { messageId: 'errorReachesResponse', line: 5, data: { source: 'error.message', sink: 'reply.status(400).send', reveals: 'the error message' } },
        { messageId: 'errorReachesResponse', line: 12, data: { source: 'error.message', sink: 'reply.status(409).send', reveals: 'the error message' } },
      ],
    },
    {
      // A helper that serializes what it is given to the response (an event stream): the message
      // travels as a field of its argument (hackathon-starter's AI agent routes).
      name: 'express: an event-stream helper sent err.message as a field',
      code: `function sendEvent(res, type, data) {
  res.write(\`data: \${JSON.stringify({ type, ...data })}\\n\\n\`);
}
router.get('/chat/stream', async (req, res) => {
  try {
    await streamAnswer(req, res);
  } catch (error) {
    sendEvent(res, 'error', { error: error.message });
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 2, data: { source: 'error.message', sink: 'res.write', reveals: 'the error message' } }],
    },
    {
      name: 'express: (err as Error).message',
      code: `router.post('/cookbooks/:id/share', async (req, res) => {
  try { await share(req.params.id); res.sendStatus(204); }
  catch (err) { res.status(400).json({ error: (err as Error).message }); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: '(err as Error).message', sink: 'res.status(400).json', reveals: 'the error message' } }],
    },
    {
      name: 'express: String(err) in res.send',
      code: `router.post('/imports', async (req, res) => {
  try { res.json(await runImport(req.body.url)); }
  catch (err) { res.status(502).send(String(err)); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'String(err)', sink: 'res.status(502).send', reveals: 'the error message' } }],
    },
    {
      name: 'express: err.stack as plain text',
      code: `router.get('/monitors/:id/check', async (req, res) => {
  try { res.json(await check(req.params.id)); }
  catch (err) {
    res.status(502).type('text/plain').send(err.stack);
  }
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 4,
          data: { source: 'err.stack', sink: "res.status(502).type('text/plain').send", reveals: 'the stack trace' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `router.get('/monitors/:id/check', async (req, res) => {
  try { res.json(await check(req.params.id)); }
  catch (err) {
    console.error(err);
    res.status(502).type('text/plain').send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: four-argument handler sends message and stack (one report)',
      code: `import type { ErrorRequestHandler } from 'express';
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  logger.error(err);
  res.status(500).json({ error: err.message, stack: err.stack });
};`,
      // An object built around the error is the handler's own answer shape: no suggestion rewrites it.
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'err.stack', sink: 'res.status(500).json', reveals: 'the stack trace' }, suggestions: [] }],
    },
    {
      name: 'express: whole error object sent by an error handler',
      code: `function handleErrors(err, req, res, next) {
  res.status(500).send(err);
}
app.use(handleErrors);`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          // The report covers the payload (`err`), not the whole response call.
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 27,
          data: { source: 'err', sink: 'res.status(500).send', reveals: 'the whole error object' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `function handleErrors(err, req, res, next) {
  console.error(err);
  res.status(500).send('Internal Server Error');
}
app.use(handleErrors);`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: util.inspect(err)',
      code: `import util from 'node:util';
router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).json({ error: util.inspect(err) }); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'util.inspect(err)', sink: 'res.status(500).json', reveals: 'the stack trace' } }],
    },
    {
      name: 'express: named inspect import',
      code: `import { inspect } from 'util';
router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (e) { res.status(500).send(inspect(e, { depth: 5 })); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'inspect(e, { depth: 5 })', sink: 'res.status(500).send', reveals: 'the stack trace' } }],
    },
    {
      name: 'express: JSON.stringify(err)',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); }
  catch (err) { res.status(500).json({ error: 'failed', detail: JSON.stringify(err) }); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'JSON.stringify(err)', sink: 'res.status(500).json', reveals: 'the whole error object' } }],
    },
    {
      name: 'express: message in a template literal',
      code: `router.post('/webhooks/stripe', (req, res) => {
  let event;
  try { event = parseEvent(req.body); }
  catch (err) { return res.status(400).send(\`Webhook error: \${(err as Error).message}\`); }
  res.json({ received: true });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: '(err as Error).message', sink: 'res.status(400).send', reveals: 'the error message' } }],
    },
    {
      name: 'express: message through a local variable (instanceof Error is not a client class)',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); }
  catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    res.status(500).json({ message });
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
    {
      name: 'express: destructured message and stack',
      code: `app.use((err, req, res, next) => {
  const { message, stack } = err;
  res.status(500).json({ message, stack });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'stack', sink: 'res.status(500).json', reveals: 'the stack trace' } }],
    },
    {
      name: 'express: promise .catch callback',
      code: `router.get('/reports/:id', (req, res) => {
  reports.build(req.params.id)
    .then((r) => res.json(r))
    .catch((err) => res.status(500).json({ error: err.message }));
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
    {
      name: 'express: error object rendered into a view',
      code: `app.use((err, req, res, next) => {
  res.status(500);
  res.render('error', { error: err });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err', sink: 'res.render', reveals: 'the whole error object' } }],
    },
    {
      name: 'express: the message through res.locals into the error view',
      code: `app.use(function (err, req, res, next) {
  res.locals.message = err.message;
  res.locals.error = req.app.get('env') === 'development' ? err : {};
  res.status(err.status || 500);
  res.render('error');
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'res.render', reveals: 'the error message' } }],
    },
    {
      name: 'express: a JSON string built from the message',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); }
  catch (err) { res.writeHead(500, { 'content-type': 'application/json' }); res.end(JSON.stringify({ error: err.message })); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.message', sink: 'res.end', reveals: 'the error message' } }],
    },
    {
      name: 'express: res.end(err.stack)',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (e) { res.statusCode = 500; res.end(e.stack); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 2, data: { source: 'e.stack', sink: 'res.end', reveals: 'the stack trace' } }],
    },
    {
      name: 'express: node-style callback error',
      code: `router.get('/files/:name', (req, res) => {
  fs.readFile(path.join(DIR, 'x.txt'), 'utf8', (err, data) => {
    if (err) return res.status(500).send(err.message);
    res.send(data);
  });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.message', sink: 'res.status(500).send', reveals: 'the error message' } }],
    },
    {
      name: 'express: err.toString()',
      code: `router.get('/x', async (req, res) => {
  try { res.json(await load()); } catch (err) { res.status(500).send({ error: err.toString() }); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 2, data: { source: 'err.toString()', sink: 'res.status(500).send', reveals: 'the error message' } }],
    },
    {
      name: 'express: driver error narrowed with instanceof still leaks its message',
      code: `import { QueryFailedError } from 'typeorm';
app.use((err, req, res, next) => {
  if (err instanceof QueryFailedError) return res.status(400).json({ error: err.message });
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.message', sink: 'res.status(400).json', reveals: 'the error message' } }],
    },
    {
      name: 'express: Sequelize error by name, with its SQL',
      code: `app.use((err, req, res, next) => {
  if (err.name === 'SequelizeDatabaseError') {
    return res.status(500).json({ error: 'Database error', sql: err.sql });
  }
  next(err);
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.sql', sink: 'res.status(500).json', reveals: 'driver details (SQL, parameters)' } }],
    },
    {
      name: 'express: a development check that does not dominate the send',
      code: `app.use((err, req, res, next) => {
  if (process.env.NODE_ENV === 'development') console.error(err.stack);
  res.status(500).json({ stack: err.stack });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.stack', sink: 'res.status(500).json', reveals: 'the stack trace' } }],
    },
    {
      name: 'express: inverted NODE_ENV check around the stack',
      code: `app.use((err, req, res, next) => {
  if (process.env.NODE_ENV !== 'development') {
    return res.status(500).json({ error: err.message, stack: err.stack });
  }
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'errorReachesResponseInProduction',
          line: 3,
          data: { source: 'err.stack', sink: 'res.status(500).json', reveals: 'the stack trace', guard: "process.env.NODE_ENV !== 'development'" },
        },
      ],
    },
    {
      name: 'express: a flag named isDev that holds a production check',
      code: `const isDev = process.env.NODE_ENV === 'production';
app.use((err, req, res, next) => {
  res.status(500).json({ error: 'Internal error', stack: isDev ? err.stack : undefined });
});`,
      errors: [
        {
          messageId: 'errorReachesResponseInProduction',
          line: 3,
          data: { source: 'err.stack', sink: 'res.status(500).json', reveals: 'the stack trace', guard: 'isDev' },
        },
      ],
    },
    {
      name: 'express: a production helper that sends any error message',
      code: `const sendErrorProd = (err, res) => {
  res.status(err.statusCode || 500).json({ message: err.message });
};
export default (err, req, res, next) => {
  if (process.env.NODE_ENV === 'production') sendErrorProd(err, res);
  else res.status(500).json({ message: err.message, stack: err.stack });
};`,
      errors: [
        {
          messageId: 'errorReachesResponseInProduction',
          line: 2,
          data: { source: 'err.message', sink: 'res.status(err.statusCode || 500).json', reveals: 'the error message', guard: "process.env.NODE_ENV === 'production'" },
        },
      ],
    },
    {
      name: 'express: errorhandler() with no environment check',
      code: `const express = require('express');
const errorhandler = require('errorhandler');
const app = express();
app.use(errorhandler());`,
      errors: [{ messageId: 'developmentErrorPage', line: 4, data: { middleware: 'errorhandler()' } }],
    },
    {
      name: 'express: errorhandler() only in production (inverted check)',
      code: `import errorhandler from 'errorhandler';
if (process.env.NODE_ENV === 'production') {
  app.use(errorhandler({ log: false }));
}`,
      errors: [
        {
          messageId: 'developmentErrorPageInProduction',
          line: 3,
          data: { middleware: 'errorhandler({ log: false })', guard: "process.env.NODE_ENV === 'production'" },
        },
      ],
    },
    {
      name: 'express: strong-error-handler with debug: true',
      code: `import strongErrorHandler from 'strong-error-handler';
app.use(strongErrorHandler({ debug: true }));`,
      errors: [{ messageId: 'developmentErrorPage', line: 2, data: { middleware: 'strongErrorHandler({ debug: true })' } }],
    },
    {
      name: 'express: app.set(env, development)',
      code: `const app = express();
app.set('env', 'development');`,
      errors: [{ messageId: 'developmentModeForced', line: 2, data: { call: "app.set('env', 'development')" } }],
    },
    {
      name: 'express: passport callback sends the error message',
      code: `router.post('/login', (req, res, next) => {
  passport.authenticate('local', (err, user) => {
    if (err) return res.status(500).json({ error: err.message });
    res.json({ user });
  })(req, res, next);
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
    {
      name: 'express: stream error event',
      code: `router.get('/exports/:id.csv', (req, res) => {
  const stream = exporter.stream(req.params.id);
  stream.on('error', (err) => res.status(500).end(err.message));
  stream.pipe(res);
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.message', sink: 'res.status(500).end', reveals: 'the error message' } }],
    },
    {
      name: 'express: string concatenation with the error',
      code: `router.post('/imports', async (req, res) => {
  try { res.json(await runImport(req.body)); }
  catch (err) { res.status(502).send('Import failed: ' + err); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err', sink: 'res.status(502).send', reveals: 'the error message' } }],
    },
    // Twins of the valid overwrite cases: the read is not taken back everywhere it leaks.
    {
      name: 'express: destructured message never replaced',
      code: `app.use((err, req, res, next) => {
  let { statusCode, message } = err;
  res.status(statusCode).send({ code: statusCode, message });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'message', sink: 'res.status(statusCode).send', reveals: 'the error message' } }],
    },
    {
      // Whether the request is an XHR says nothing about production: the message stays when it fails.
      name: 'express: message replaced under an unrelated condition',
      code: `app.use((err, req, res, next) => {
  let { statusCode, message } = err;
  if (req.xhr) {
    statusCode = 500;
    message = 'Internal Server Error';
  }
  res.status(statusCode).send({ code: statusCode, message });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 7, data: { source: 'message', sink: 'res.status(statusCode).send', reveals: 'the error message' } }],
    },
    {
      // Replaced only in development: in production every error's message goes out.
      name: 'express: message replaced only in development',
      code: `app.use((err, req, res, next) => {
  let { statusCode, message } = err;
  if (process.env.NODE_ENV === 'development' && !err.isOperational) {
    message = 'Internal Server Error';
  }
  res.status(statusCode).send({ code: statusCode, message });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 6, data: { source: 'message', sink: 'res.status(statusCode).send', reveals: 'the error message' } }],
    },
    {
      // The replacement is another local value, not a fixed message.
      name: 'express: message replaced in production with a local value',
      code: `app.use((err, req, res, next) => {
  let message = err.message;
  const detail = message + ' (request ' + req.id + ')';
  if (process.env.NODE_ENV === 'production') message = detail;
  res.status(500).json({ message });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
    {
      name: 'express: stack in the response, never deleted',
      code: `app.use((err, req, res, next) => {
  const response = { code: 500, message: 'Internal error', stack: err.stack };
  res.status(500);
  res.json(response);
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'err.stack', sink: 'res.json', reveals: 'the stack trace' } }],
    },
    {
      // A query parameter decides, not the environment: anyone can ask for the stack.
      name: 'express: stack deleted under an unrelated condition',
      code: `app.use((err, req, res, next) => {
  const response = { code: 500, message: 'Internal error', stack: err.stack };
  if (req.query.verbose !== '1') { delete response.stack; }
  res.status(500);
  res.json(response);
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.stack', sink: 'res.json', reveals: 'the stack trace' } }],
    },
    {
      // The response goes out before the delete.
      name: 'express: stack sent before it is deleted',
      code: `app.use((err, req, res, next) => {
  const response = { code: 500, message: 'Internal error', stack: err.stack };
  res.status(500).json(response);
  if (process.env.NODE_ENV !== 'development') { delete response.stack; }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.stack', sink: 'res.status(500).json', reveals: 'the stack trace' } }],
    },
    {
      // statusCode is set by body-parser, http-errors, Stripe and the AWS SDK: declaring it too proves nothing.
      name: 'express: a field libraries also set (statusCode) on a project error class',
      code: `class HttpException extends Error {
  constructor(public statusCode: number, message: string) { super(message); }
}
app.use((err, req, res, next) => {
  if (err && err.statusCode) { return res.status(err.statusCode).json(err.message); }
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 5,
          data: { source: 'err.message', sink: 'res.status(err.statusCode).json', reveals: 'the error message' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `class HttpException extends Error {
  constructor(public statusCode: number, message: string) { super(message); }
}
app.use((err, req, res, next) => {
  if (err && err.statusCode) { console.error(err); return res.status(err.statusCode).json({ error: 'Internal Server Error' }); }
  res.status(500).json({ error: 'Internal error' });
});`,
            },
          ],
        },
      ],
    },
    {
      // Per file, a class in another file cannot be read: the field check proves nothing (instanceof would).
      name: 'express: field of an error class imported from another file',
      code: `import { HttpException } from './http-exception.js';
app.use((err, req, res, next) => {
  if (err && err.errorCode) { return res.status(err.errorCode).json(err.message); }
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 3,
          data: { source: 'err.message', sink: 'res.status(err.errorCode).json', reveals: 'the error message' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `import { HttpException } from './http-exception.js';
app.use((err, req, res, next) => {
  if (err && err.errorCode) { console.error(err); return res.status(err.errorCode).json({ error: 'Internal Server Error' }); }
  res.status(500).json({ error: 'Internal error' });
});`,
            },
          ],
        },
      ],
    },
    {
      // The class that declares errorCode is not an error class.
      name: 'express: field declared by a class that is not an error',
      code: `class ApiPayload {
  constructor(public errorCode: number) {}
}
app.use((err, req, res, next) => {
  if (err && err.errorCode) { return res.status(err.errorCode).json(err.message); }
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 5,
          data: { source: 'err.message', sink: 'res.status(err.errorCode).json', reveals: 'the error message' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `class ApiPayload {
  constructor(public errorCode: number) {}
}
app.use((err, req, res, next) => {
  if (err && err.errorCode) { console.error(err); return res.status(err.errorCode).json({ error: 'Internal Server Error' }); }
  res.status(500).json({ error: 'Internal error' });
});`,
            },
          ],
        },
      ],
    },
    {
      // Narrowed to the project's class, the stack is still internal.
      name: 'express: stack of an error narrowed by a project error class field',
      code: `class HttpException extends Error {
  constructor(public errorCode: number, message: string) { super(message); }
}
app.use((err, req, res, next) => {
  if (err.errorCode) { return res.status(err.errorCode).json({ message: err.message, stack: err.stack }); }
  res.status(500).json({ error: 'Internal error' });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.stack', sink: 'res.status(err.errorCode).json', reveals: 'the stack trace' } }],
    },
    // --- Fastify -------------------------------------------------------------------------------
    {
      name: 'fastify: setErrorHandler sends message and stack',
      code: `app.setErrorHandler((error, request, reply) => {
  if (error.validation) return reply.code(400).send({ error: 'Invalid request', details: error.validation });
  request.log.error({ err: error }, 'request failed');
  return reply.code(error.statusCode ?? 500).send({ error: error.name, message: error.message, stack: error.stack });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'error.stack', sink: 'reply.code(error.statusCode ?? 500).send', reveals: 'the stack trace' } }],
    },
    {
      name: 'fastify: JSON.stringify(err) in a route',
      code: `export default async function mapRoutes(fastify) {
  fastify.get('/overlays/:id', async (request, reply) => {
    try { return await loadOverlay(request.params.id); }
    catch (err) { return reply.code(502).send({ error: 'Overlay fetch failed', upstream: JSON.stringify(err) }); }
  });
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'JSON.stringify(err)', sink: 'reply.code(502).send', reveals: 'the whole error object' } }],
    },
    {
      name: 'fastify: the caught Prisma error sent whole',
      code: `fastify.post('/webhooks/payments', async (request, reply) => {
  try { await prisma.payment.create({ data: toPayment(request.body) }); return { ok: true }; }
  catch (err) {
    return reply.status(500).send(err);
  }
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 4,
          data: { source: 'err', sink: 'reply.status(500).send', reveals: 'the whole error object' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `fastify.post('/webhooks/payments', async (request, reply) => {
  try { await prisma.payment.create({ data: toPayment(request.body) }); return { ok: true }; }
  catch (err) {
    console.error(err);
    return reply.status(500).send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: the error handler passes the error through',
      code: `fastify.setErrorHandler(async (error, request, reply) => {
  request.log.error(error);
  reply.send(error);
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 3,
          data: { source: 'error', sink: 'reply.send' },
          // request.log.error(error) above already logs it: only the answer changes.
          suggestions: [
            {
              messageId: 'answerGenericallyLogged',
              data: { error: 'error' },
              output: `fastify.setErrorHandler(async (error, request, reply) => {
  request.log.error(error);
  reply.send('Internal Server Error');
});`,
            },
          ],
        },
      ],
    },
    {
      // The twin: the message is replaced only for some errors, so the others go on with theirs.
      name: 'fastify: the error handler replaces the message under a condition',
      code: `fastify.setErrorHandler((err, request, reply) => {
  if (err.statusCode === 503) err.message = 'Try again later';
  reply.send(err);
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 3,
          data: { source: 'err', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `fastify.setErrorHandler((err, request, reply) => {
  if (err.statusCode === 503) err.message = 'Try again later';
  console.error(err);
  reply.send('Internal Server Error');
});`,
            },
          ],
        },
      ],
    },
    {
      // The root handler passes the error on to Fastify's default handler, which sends its message:
      // reported once, on the handler's own send (the route's reply.send(err) is the same flaw).
      name: "fastify: a root error handler passes the error on to Fastify's default handler",
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send(error);
});
app.get('/reports/:id', async (request, reply) => {
  try {
    return await reportStore.render(request.params.id);
  } catch (err) {
    reply.send(err);
  }
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 5,
          data: { source: 'error', sink: 'reply.code(500).send' },
          suggestions: [
            {
              messageId: 'answerGenericallyLogged',
              data: { error: 'error' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send('Internal Server Error');
});
app.get('/reports/:id', async (request, reply) => {
  try {
    return await reportStore.render(request.params.id);
  } catch (err) {
    reply.send(err);
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // A body built from the error is serialized by the plugin's handler itself, whatever handler is above it.
      name: 'fastify: a plugin error handler sends message and stack under a generic root handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.register(async function reports(instance) {
  instance.setErrorHandler((error, request, reply) => {
    reply.send({ message: error.message, stack: error.stack });
  });
  instance.get('/reports/:id', async () => reportStore.render());
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 8, data: { source: 'error.stack', sink: 'reply.send', reveals: 'the stack trace' } }],
    },
    {
      name: 'fastify: String(err) in a reason field',
      code: `fastify.post('/loans/:id/return', async (request, reply) => {
  try { await returnLoan(request.params.id); return { ok: true }; }
  catch (err) { return reply.code(502).send({ message: 'Follow-up failed', reason: String(err) }); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'String(err)', sink: 'reply.code(502).send', reveals: 'the error message' } }],
    },
    {
      name: 'fastify: @fastify/sensible reply helper with the message',
      code: `fastify.get('/feeds/:id', async (request, reply) => {
  try { return await feeds.load(request.params.id); }
  catch (err) { return reply.internalServerError(err.message); }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3, data: { source: 'err.message', sink: 'reply.internalServerError', reveals: 'the error message' } }],
    },
    {
      name: 'fastify: a value returned from a route handler is the response',
      code: `import type { FastifyInstance } from 'fastify';
export default async function routes(fastify: FastifyInstance) {
  fastify.get('/trips/:id/export', async (request) => {
    try { return await exportTrip(request.params.id); }
    catch (err) { return { ok: false, error: err.message }; }
  });
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'return of a Fastify route handler', reveals: 'the error message' } }],
    },
    {
      name: 'fastify: sensible httpErrors built from the message',
      code: `export default async function routes(fastify) {
  fastify.get('/feeds/:id', async (request) => {
    try { return await fastify.feeds.load(request.params.id); }
    catch (err) { throw fastify.httpErrors.badGateway(\`Feed failed: \${err.message}\`); }
  });
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'err.message', sink: 'fastify.httpErrors.badGateway', reveals: 'the error message' } }],
    },
    {
      // No setErrorHandler anywhere: Fastify's default handler answers with the error's message.
      name: 'fastify: reply.send(err) without a custom error handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    request.log.error(err);
    return reply.code(502).send(err);
  }
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 8,
          data: { source: 'err', sink: 'reply.code(502).send' },
          suggestions: [
            {
              messageId: 'answerGenericallyLogged',
              data: { error: 'err' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    request.log.error(err);
    return reply.code(502).send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // No setErrorHandler: a returned Error reaches Fastify's default handler, which answers with its message.
      name: 'fastify: return err without a custom error handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    reply.code(502);
    return err;
  }
});`,
      errors: [{ messageId: 'errorHandedToDefaultHandler', line: 8, data: { source: 'err', sink: 'return of a Fastify route handler' } }],
    },
    {
      // A route errorHandler that rethrows passes the error on; no setErrorHandler above it: the default handler answers.
      name: 'fastify: reply.send(err) under a route errorHandler that rethrows',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', {
  errorHandler: (error, request, reply) => {
    request.log.error({ err: error }, 'feed failed');
    throw error;
  },
}, async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    return reply.send(err);
  }
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 12,
          data: { source: 'err', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', {
  errorHandler: (error, request, reply) => {
    request.log.error({ err: error }, 'feed failed');
    throw error;
  },
}, async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    console.error(err);
    return reply.send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // A leaking route errorHandler is reported in its own body, not at the reply.send(err) that reaches it.
      name: 'fastify: a route errorHandler that sends the error message',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/feeds/:id', {
  errorHandler: (error, request, reply) => {
    reply.code(502).send({ error: 'Feed unavailable', detail: error.message });
  },
}, async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    return reply.send(err);
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'error.message', sink: 'reply.code(502).send', reveals: 'the error message' } }],
    },
    {
      // The handler belongs to the sibling plugin's own context: the exports route gets Fastify's default handler.
      name: 'fastify: reply.send(err) with a custom handler only in a sibling plugin',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.register(async function admin(instance) {
  instance.setErrorHandler((error, request, reply) => {
    reply.code(500).send({ error: 'Internal Server Error' });
  });
  instance.get('/users', async () => adminUsers.list());
}, { prefix: '/admin' });
app.register(async function exportRoutes(instance) {
  instance.get('/:id', async (request, reply) => {
    try {
      return await exportsStore.build(request.params.id);
    } catch (err) {
      reply.send(err);
    }
  });
}, { prefix: '/exports' });`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 14,
          data: { source: 'err', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.register(async function admin(instance) {
  instance.setErrorHandler((error, request, reply) => {
    reply.code(500).send({ error: 'Internal Server Error' });
  });
  instance.get('/users', async () => adminUsers.list());
}, { prefix: '/admin' });
app.register(async function exportRoutes(instance) {
  instance.get('/:id', async (request, reply) => {
    try {
      return await exportsStore.build(request.params.id);
    } catch (err) {
      console.error(err);
      reply.send('Internal Server Error');
    }
  });
}, { prefix: '/exports' });`,
            },
          ],
        },
      ],
    },
    {
      // The child context's handler covers only the child's routes, not the root route below.
      name: 'fastify: reply.send(err) on the root, custom handler only in a child context',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.register(async function internal(instance) {
  instance.setErrorHandler((error, request, reply) => {
    reply.code(500).send({ error: 'Internal Server Error' });
  });
  instance.get('/internal/metrics', async () => metrics.snapshot());
});
app.get('/orders/:id', async (request, reply) => {
  try {
    return await orderStore.load(request.params.id);
  } catch (err) {
    reply.send(err);
  }
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 13,
          data: { source: 'err', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.register(async function internal(instance) {
  instance.setErrorHandler((error, request, reply) => {
    reply.code(500).send({ error: 'Internal Server Error' });
  });
  instance.get('/internal/metrics', async () => metrics.snapshot());
});
app.get('/orders/:id', async (request, reply) => {
  try {
    return await orderStore.load(request.params.id);
  } catch (err) {
    console.error(err);
    reply.send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // The handler throws the error on; no handler above it, so Fastify's default handler sends the message.
      name: 'fastify: reply.send(err) under a handler that rethrows the error',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler(async (error, request) => {
  request.log.error(error);
  throw error;
});
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    reply.send(err);
  }
});`,
      errors: [
        {
          messageId: 'errorHandedToDefaultHandler',
          line: 11,
          data: { source: 'err', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler(async (error, request) => {
  request.log.error(error);
  throw error;
});
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    console.error(err);
    reply.send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // The nearest handler leaks: reported once, in the handler; the routes that hand it their errors are not reported again.
      name: 'fastify: reply.send(err) under a handler that leaks, reported in the handler only',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: error.message });
});
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    reply.send(err);
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'error.message', sink: 'reply.code(500).send', reveals: 'the error message' } }],
    },
    {
      // Only the Error object itself goes to the handler: a body built from its message is serialized by the route.
      name: 'fastify: reply.send({ message: err.message }) under a generic root handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    return reply.code(502).send({ message: err.message });
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 10, data: { source: 'err.message', sink: 'reply.code(502).send', reveals: 'the error message' } }],
    },
    {
      // A string is a body, not an error: the route sends the stack itself.
      name: 'fastify: reply.send(err.stack) under a generic root handler',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    reply.code(500).send(err.stack);
  }
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 10,
          data: { source: 'err.stack', sink: 'reply.code(500).send', reveals: 'the stack trace' },
          suggestions: [
            {
              messageId: 'answerGenerically',
              data: { error: 'err' },
              output: `import Fastify from 'fastify';
const app = Fastify();
app.setErrorHandler((error, request, reply) => {
  reply.code(500).send({ error: 'Internal Server Error' });
});
app.get('/feeds/:id', async (request, reply) => {
  try {
    return await feeds.load(request.params.id);
  } catch (err) {
    console.error(err);
    reply.code(500).send('Internal Server Error');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // err.status is undefined for a plain Error: undefined >= 500 is false, so its message is sent.
      name: 'express: err.status >= 500 checked, but a plain Error has no status',
      code: `app.use((err, req, res, next) => {
  if (err.status >= 500) return res.status(500).json({ error: 'Internal error' });
  res.status(err.status || 400).json({ error: err.message });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 3 }],
    },
    {
      // A database call in the same try: its errors reach the client too.
      name: 'fastify: reply.send(err) when the try also queries the database',
      code: `module.exports = fp(async function auth(fastify) {
  fastify.decorate('authenticate', async (request, reply) => {
    try {
      await request.jwtVerify();
      await fastify.knex('sessions').where({ id: request.user.sid }).first();
    } catch (err) {
      reply.send(err);
    }
  });
});`,
      errors: [
        {
          messageId: 'errorReachesResponse',
          line: 7,
          suggestions: [{ messageId: 'answerGenerically', data: { error: 'err' }, output: `module.exports = fp(async function auth(fastify) {
  fastify.decorate('authenticate', async (request, reply) => {
    try {
      await request.jwtVerify();
      await fastify.knex('sessions').where({ id: request.user.sid }).first();
    } catch (err) {
      console.error(err);
      reply.send('Internal Server Error');
    }
  });
});` }],
        },
      ],
    },
    {
      // A CommonJS plugin imports nothing from Fastify: the instance it registers on makes the return an answer.
      name: 'fastify (CommonJS plugin): a handler returns the error message',
      code: `module.exports = async function integrations(fastify) {
  fastify.get('/vendor-status', async (request) => {
    try { return await checkVendor(request.query.vendor); }
    catch (err) { return { ok: false, error: err.message }; }
  });
};`,
      errors: [{ messageId: 'errorReachesResponse', line: 4 }],
    },
    {
      // A client error class or a driver error class: the driver's message may be what is sent.
      name: 'express: err.message under instanceof ZodError || PrismaClientKnownRequestError',
      code: `import { Prisma } from '@prisma/client';
import { ZodError } from 'zod';
app.use((err, req, res, next) => {
  if (err instanceof ZodError || err instanceof Prisma.PrismaClientKnownRequestError) return res.status(400).json({ message: err.message });
  res.status(500).json({ message: 'Internal error' });
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 4 }],
    },
    // --- NestJS --------------------------------------------------------------------------------
    {
      name: 'nest: BadGatewayException built from the message',
      code: `import { BadGatewayException, Controller, Post } from '@nestjs/common';
@Controller('records')
export class RecordsController {
  @Post('import')
  async importRecords() {
    try { return await this.records.import(); }
    catch (e) { throw new BadGatewayException(\`Import failed: \${(e as Error).message}\`); }
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 7, data: { source: '(e as Error).message', sink: 'new BadGatewayException', reveals: 'the error message' } }],
    },
    {
      // RxJS catchError hands its callback the caught error, as .catch(fn) does.
      name: "nest: rxjs catchError around HttpService, rethrown with the error's message",
      code: statusController('(err) => throwError(() => new BadGatewayException(err.message))'),
      errors: [{ messageId: 'errorReachesResponse', line: 10, data: { source: 'err.message', sink: 'new BadGatewayException', reveals: 'the error message' } }],
    },
    {
      // Prisma's meta names constraints and columns (and holds the database's message for raw queries).
      name: 'fastify: the meta of a Prisma known request error in a 409 answer',
      code: `import { Prisma } from '@prisma/client';
fastify.post('/campaigns/:id/duplicate', async (request, reply) => {
  try { return await duplicateCampaign(request.params.id); }
  catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError) return reply.code(409).send({ error: 'Could not duplicate campaign', code: e.code, meta: e.meta });
    throw e;
  }
});`,
      errors: [{ messageId: 'errorReachesResponse', line: 5 }],
    },
    {
      name: 'nest: InternalServerErrorException(err.message) in a service',
      code: `import { Injectable, InternalServerErrorException } from '@nestjs/common';
@Injectable()
export class TicketsService {
  async purchase(dto) {
    try { return await this.payments.charge(dto); }
    catch (err) {
      throw new InternalServerErrorException(err.message);
    }
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 7, data: { source: 'err.message', sink: 'new InternalServerErrorException', reveals: 'the error message' } }],
    },
    {
      // The enclosing catch lets the exception go on: rethrown after logging, or handed to a helper.
      name: 'nest: an exception whose enclosing catch rethrows it or passes it on',
      code: `import { ConflictException, Injectable } from '@nestjs/common';
@Injectable()
export class RequestService {
  async remove(id: string) {
    try {
      try { await this.prisma.request.delete({ where: { id } }); }
      catch (error) { throw new ConflictException(error); }
    } catch (error) {
      this.logger.error('remove failed', error);
      throw error;
    }
  }
  async archive(id: string) {
    try {
      try { await this.prisma.request.update({ where: { id }, data: { archived: true } }); }
      catch (error) { throw new ConflictException(error); }
    } catch (error) {
      this.handleError(error);
    }
  }
}`,
      errors: [
        { messageId: 'errorReachesResponse', line: 7, data: { source: 'error', sink: 'new ConflictException', reveals: 'the whole error object' } },
        { messageId: 'errorReachesResponse', line: 16, data: { source: 'error', sink: 'new ConflictException', reveals: 'the whole error object' } },
      ],
    },
    {
      // The twin: a flag that says nothing about the error being meant for clients.
      name: 'express: the message of errors flagged isLogged',
      code: `app.use((err, req, res, next) =>
  res.status(err.status || 500).json({ message: err.isLogged ? err.message : 'Internal Server Error' }),
);`,
      errors: [{ messageId: 'errorReachesResponse', line: 2, data: { source: 'err.message', sink: 'res.status(err.status || 500).json', reveals: 'the error message' } }],
    },
    {
      name: 'nest: HttpException with the stack',
      code: `import { HttpException, HttpStatus } from '@nestjs/common';
export async function run(job) {
  try { await job(); }
  catch (error) { throw new HttpException({ message: 'Job failed', trace: error.stack }, HttpStatus.INTERNAL_SERVER_ERROR); }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'error.stack', sink: 'new HttpException', reveals: 'the stack trace' } }],
    },
    {
      name: 'nest: the whole error as the exception body',
      code: `import { BadRequestException } from '@nestjs/common';
export class UsersService {
  async create(dto) {
    try { return await this.repo.save(dto); } catch (err) { throw new BadRequestException(err); }
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 4, data: { source: 'err', sink: 'new BadRequestException', reveals: 'the whole error object' } }],
    },
    {
      name: 'nest: the message as the exception description',
      code: `import { BadRequestException } from '@nestjs/common';
export class ImportService {
  async run(file) {
    try { return await this.parser.parse(file); }
    catch (err) { throw new BadRequestException('Import failed', { description: err.message }); }
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 5, data: { source: 'err.message', sink: 'new BadRequestException', reveals: 'the error message' } }],
    },
    {
      name: 'nest: a route handler returns the error text',
      code: `import { Controller, Post } from '@nestjs/common';
@Controller('integrations/fhir')
export class FhirController {
  @Post('sync')
  async sync() {
    try { return await this.fhir.sync(); }
    catch (err) {
      return { synced: 0, error: String(err) };
    }
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 8, data: { source: 'String(err)', sink: 'return of a Nest route handler', reveals: 'the error message' } }],
    },
    {
      name: 'nest: a catch-all filter sends the stack',
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    const err = exception as Error;
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, error: err.name, message: err.message, stack: err.stack });
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 7, data: { source: 'err.stack', sink: 'res.status(HttpStatus.INTERNAL_SERVER_ERROR).json', reveals: 'the stack trace' } }],
    },
    {
      name: 'nest: a QueryFailedError filter sends the query',
      code: `import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
@Catch(QueryFailedError)
export class DbErrorFilter implements ExceptionFilter {
  catch(exception: QueryFailedError, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    response.status(500).json({ message: 'Database error', query: exception.query });
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 7, data: { source: 'exception.query', sink: 'response.status(500).json', reveals: 'driver details (SQL, parameters)' } }],
    },
    {
      name: 'nest: a catch-all filter sends the message of any exception',
      code: `import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    ctx.getResponse().status(500).json({ message: exception.message });
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 6, data: { source: 'exception.message', sink: 'ctx.getResponse().status(500).json', reveals: 'the error message' } }],
    },
    {
      name: 'nest: an HttpException filter still must not send the stack',
      code: `import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
@Catch(HttpException)
export class HttpFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    res.status(exception.getStatus()).json({ message: exception.message, stack: exception.stack });
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 6, data: { source: 'exception.stack', sink: 'res.status(exception.getStatus()).json', reveals: 'the stack trace' } }],
    },
    {
      name: 'nest: a catch-all filter answers through the HTTP adapter with the message',
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly httpAdapterHost: HttpAdapterHost) {}
  catch(exception: unknown, host: ArgumentsHost) {
    const { httpAdapter } = this.httpAdapterHost;
    const ctx = host.switchToHttp();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const body = { statusCode: status, message: (exception as Error).message };
    httpAdapter.reply(ctx.getResponse(), body, status);
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 11, data: { source: '(exception as Error).message', sink: 'httpAdapter.reply', reveals: 'the error message' } }],
    },
    {
      name: 'nest: @Res() response in a controller',
      code: `import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
@Controller('exports')
export class ExportsController {
  @Get()
  async export(@Res() res: Response) {
    try { res.send(await this.exports.csv()); }
    catch (err) { res.status(500).json({ error: err.message }); }
  }
}`,
      errors: [{ messageId: 'errorReachesResponse', line: 8, data: { source: 'err.message', sink: 'res.status(500).json', reveals: 'the error message' } }],
    },
  ],
});
