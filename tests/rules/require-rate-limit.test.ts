/**
 * require-rate-limit in per-file mode (no type information): Express, Fastify and single-file NestJS
 * applications. Cross-file cases (a limiter on the mount in app.ts, ThrottlerGuard as APP_GUARD in
 * another module) live in require-rate-limit.typed.test.ts.
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-rate-limit.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

// The consequence each message names, per kind of endpoint.
const SIGN_IN = 'passwords can be guessed and leaked credentials stuffed without limit';
const RESET = 'reset tokens can be guessed and reset mails sent in bulk';
const OTP = 'a one-time code can be tried until it matches';
const SIGN_UP = 'accounts can be created in bulk';

ruleTester.run('require-rate-limit', testedRule, {
  valid: [
    // --- Express: a limiter at some level ---------------------------------------------------------
    {
      // express-rate-limit on the route itself.
      name: 'express: rateLimit() on the login route',
      code: `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 5 });
app.post('/auth/login', loginLimiter, (req, res) => res.json({}));`,
    },
    {
      // app.use(limiter) before the routes covers every later route.
      name: 'express: app-level limiter registered before the routes',
      code: `import express from 'express';
import { rateLimit } from 'express-rate-limit';
const app = express();
app.use(rateLimit({ limit: 100 }));
app.post('/login', (req, res) => res.json({}));
app.post('/signup', (req, res) => res.status(201).json({}));`,
    },
    {
      // A limiter on the mount runs before every route of the mounted router.
      name: 'express: limiter on the mount of an auth router in the same file',
      code: `import express, { Router } from 'express';
import slowDown from 'express-slow-down';
const app = express();
const auth = Router();
auth.post('/forgot-password', (req, res) => res.sendStatus(202));
app.use('/auth', slowDown({ delayAfter: 3 }), auth);`,
    },
    {
      // router.use(limiter) before the routes of the router.
      name: 'express: router-level limiter',
      code: `import express, { Router } from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
const auth = Router();
auth.use(rateLimit({ limit: 10 }));
auth.post('/otp/verify', (req, res) => res.json({}));
app.use('/api', auth);`,
    },
    {
      // express-brute's prevent member of an instance is a limiter.
      name: 'express: express-brute prevent',
      code: `import express from 'express';
import ExpressBrute from 'express-brute';
const bruteforce = new ExpressBrute(new ExpressBrute.MemoryStore());
const app = express();
app.post('/auth/login', bruteforce.prevent, (req, res) => res.json({}));`,
    },
    {
      // A middleware that consumes a rate-limiter-flexible instance limits.
      name: 'express: rate-limiter-flexible consumed in a middleware',
      code: `import express from 'express';
import { RateLimiterRedis } from 'rate-limiter-flexible';
const limiter = new RateLimiterRedis({ points: 5, duration: 60 });
const throttleLogins = async (req, res, next) => {
  try { await limiter.consume(req.ip); next(); } catch { res.status(429).end(); }
};
const app = express();
app.post('/signin', throttleLogins, (req, res) => res.json({}));`,
    },
    {
      // The handler consumes the limiter itself before checking the password.
      name: 'express: the handler consumes a limiter',
      code: `import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
const attempts = new RateLimiterMemory({ points: 10, duration: 600 });
const app = express();
app.post('/password/reset', async (req, res) => {
  await attempts.consume(req.body.email);
  res.sendStatus(202);
});`,
    },
    {
      // @upstash/ratelimit: the handler counts the attempt with limit() and refuses when it fails.
      name: 'express: @upstash/ratelimit limit() in the handler',
      code: `import express from 'express';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
const attempts = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(5, '10 m') });
const app = express();
app.post('/auth/sign-in', async (req, res) => {
  const { success } = await attempts.limit(req.ip ?? 'anonymous');
  if (!success) return res.status(503).end();
  res.json({});
});`,
    },
    {
      // A local middleware that answers 429 is a limiter, whatever its name.
      name: 'express: custom middleware answering 429',
      code: `import express from 'express';
const hits = new Map();
function gate(req, res, next) {
  const n = (hits.get(req.ip) ?? 0) + 1;
  hits.set(req.ip, n);
  if (n > 5) return res.status(429).send('slow down');
  next();
}
const app = express();
app.post('/register', gate, (req, res) => res.status(201).end());`,
    },
    {
      // A Nest-style exception for 429 thrown by a local middleware is a limiter.
      name: 'express: middleware throwing a 429 HttpException',
      code: `import express from 'express';
import { HttpException, HttpStatus } from '@nestjs/common';
const seen = new Map();
function oncePerSecond(req, res, next) {
  if (seen.get(req.ip) === Math.floor(Date.now() / 1000)) throw new HttpException('Slow down', HttpStatus.TOO_MANY_REQUESTS);
  seen.set(req.ip, Math.floor(Date.now() / 1000));
  next();
}
const app = express();
app.post('/forgot-password', oncePerSecond, (req, res) => res.sendStatus(202));`,
    },
    {
      // A name that says limiter is trusted without reading the other file.
      name: 'express: imported limiter trusted by its name',
      code: `import express from 'express';
import { authLimiter } from './middleware/limits.js';
const app = express();
app.post('/login', authLimiter, (req, res) => res.json({}));`,
    },
    {
      // The router is exported and mounted elsewhere: app.ts may add a limiter on the mount.
      name: 'express: exported router, mount not in this file',
      code: `import { Router } from 'express';
export const authRouter = Router();
authRouter.post('/login', (req, res) => res.json({}));`,
    },
    {
      // An imported middleware with a security-sounding name could limit: unknown, not reported.
      name: 'express: unread abuseProtection middleware may limit',
      code: `import express from 'express';
import { abuseProtection } from './security.js';
const app = express();
app.use(abuseProtection);
app.post('/login', (req, res) => res.json({}));`,
    },
    {
      // Reading the login form is not a credential attempt.
      name: 'express: GET /login renders a form',
      code: `import express from 'express';
const app = express();
app.get('/login', (req, res) => res.render('login'));`,
    },
    {
      // Segment matching: /contest and /catalog/logins-report are not sign-in routes.
      name: 'express: look-alike paths',
      code: `import express from 'express';
const app = express();
app.post('/contest', (req, res) => res.json({}));
app.post('/reports/logins-report', (req, res) => res.json({}));`,
    },
    {
      // Declared limited upstream: the reverse proxy limits /auth/**.
      name: 'express: rateLimitedRoutes setting (limit at the proxy)',
      settings: { 'api-guard': { rateLimitedRoutes: ['/auth/**'] } },
      code: `import express from 'express';
const app = express();
app.post('/auth/login', (req, res) => res.json({}));`,
    },
    {
      // The rateLimitMiddleware setting names the team's own limiter.
      name: 'express: rateLimitMiddleware setting',
      settings: { 'api-guard': { rateLimitMiddleware: ['budget'] } },
      code: `import express from 'express';
import { budget } from './budget.js';
const app = express();
app.post('/auth/login', budget, (req, res) => res.json({}));`,
    },
    {
      // Only sign-in is asked for; sign-up is left to the option.
      name: 'express: endpoints option without signup',
      options: [{ endpoints: ['login', 'password-reset', 'otp'] }],
      code: `import express from 'express';
const app = express();
app.post('/signup', (req, res) => res.status(201).end());`,
    },
    {
      // Test files build throwaway apps.
      name: 'express: test file',
      filename: '/app/src/auth.test.ts',
      code: `import express from 'express';
const app = express();
app.post('/login', (req, res) => res.json({}));`,
    },
    // --- Fastify ------------------------------------------------------------------------------------
    {
      // @fastify/rate-limit registered globally limits every route of the instance.
      name: 'fastify: global @fastify/rate-limit',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });
app.post('/login', async () => ({}));`,
    },
    {
      // global: false, and the route configures its own limit.
      name: 'fastify: global false with config.rateLimit on the route',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { global: false });
app.post('/otp/verify', { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => ({}));`,
    },
    {
      // fastify.rateLimit() as a route hook.
      name: 'fastify: rateLimit() preHandler',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { global: false });
app.post('/forgot-password', { preHandler: app.rateLimit({ max: 2 }) }, async () => ({}));`,
    },
    {
      // A plugin loaded with a dynamic import is the same package.
      name: 'fastify: register(import("@fastify/rate-limit"))',
      code: `import Fastify from 'fastify';
const app = Fastify();
await app.register(import('@fastify/rate-limit'), { max: 100 });
app.post('/auth/token', async () => ({}));`,
    },
    // --- NestJS (single file) -----------------------------------------------------------------------
    {
      // useGlobalGuards(new ThrottlerGuard(...)) in the bootstrap limits every route.
      name: 'nest: useGlobalGuards with a ThrottlerGuard',
      filename: '/app/src/main.ts',
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
@Controller('auth')
class AuthController {
  @Post('password/reset')
  reset() {}
}
@Module({ controllers: [AuthController] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalGuards(new ThrottlerGuard());
  await app.listen(3000);
}
void bootstrap();`,
    },
    {
      // ThrottlerGuard as APP_GUARD limits every route; @Throttle tightens the login limit.
      name: 'nest: APP_GUARD ThrottlerGuard with @Throttle on login',
      filename: '/app/src/main.ts',
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { Throttle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
@Controller('auth')
class AuthController {
  @Throttle({ default: { limit: 3, ttl: 60000 } })
  @Post('login')
  login() {}
}
@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])], controllers: [AuthController], providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();`,
    },
    {
      // @SkipThrottle({ default: false }) on the method undoes the controller's @SkipThrottle().
      name: 'nest: method-level SkipThrottle({ default: false }) re-enables the global guard',
      filename: '/app/src/main.ts',
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
@SkipThrottle()
@Controller('auth')
class AuthController {
  @SkipThrottle({ default: false })
  @Post('login')
  login() {}
}
@Module({ controllers: [AuthController], providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();`,
    },
    {
      // @UseGuards(ThrottlerGuard) on the controller.
      name: 'nest: controller-level ThrottlerGuard',
      filename: '/app/src/main.ts',
      code: `import { Controller, Module, Post, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
@UseGuards(ThrottlerGuard)
@Controller('auth')
class AuthController {
  @Post('register')
  register() {}
}
@Module({ controllers: [AuthController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();`,
    },
  ],
  invalid: [
    {
      // Nothing limits the sign-in route.
      name: 'express: login with no limiter',
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.post('/api/auth/login', (req, res) => res.json({}));`,
      errors: [{ messageId: 'missingRateLimit', line: 4, data: { route: 'POST /api/auth/login', kind: 'sign-in', chain: '`express.json()`', attack: SIGN_IN } }],
    },
    {
      // The limiter is registered after the route: Express never runs it for the route.
      name: 'express: limiter registered after the route',
      code: `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.post('/auth/forgot-password', (req, res) => res.sendStatus(202));
app.use(rateLimit({ limit: 5 }));`,
      errors: [{ messageId: 'limiterAfterRoute', line: 4, data: { route: 'POST /auth/forgot-password', kind: 'password-reset', limiter: '`rateLimit({ limit: 5 })`', where: 'line 5', attack: RESET } }],
    },
    {
      // A limiter on another path does not cover /otp/verify.
      name: 'express: limiter on a path that does not cover the route',
      code: `import express from 'express';
import rateLimit from 'express-rate-limit';
const app = express();
app.use('/api/search', rateLimit({ limit: 30 }));
app.post('/otp/verify', (req, res) => res.json({}));`,
      errors: [{ messageId: 'missingRateLimit', line: 5, data: { route: 'POST /otp/verify', kind: 'one-time-code', chain: 'empty', attack: OTP } }],
    },
    {
      // Sign-up without a limiter is a warning-level finding, reported once.
      name: 'express: signup on a router mounted in the same file',
      code: `import express, { Router } from 'express';
const app = express();
const accounts = Router();
accounts.post('/signup', (req, res) => res.status(201).end());
app.use('/accounts', accounts);`,
      errors: [{ messageId: 'missingRateLimit', line: 4, data: { route: 'POST /accounts/signup', kind: 'sign-up', chain: 'empty', attack: SIGN_UP } }],
    },
    {
      // The handler compares a password: a sign-in, whatever the path says.
      name: 'express: handler that checks a password on an unusual path',
      code: `import express from 'express';
import bcrypt from 'bcryptjs';
const app = express();
app.post('/api/session-start', async (req, res) => {
  const ok = await bcrypt.compare(req.body.password, process.env.HASH);
  res.json({ ok });
});`,
      errors: [{ messageId: 'missingRateLimit', line: 4, data: { route: 'POST /api/session-start', kind: 'sign-in', chain: 'empty', attack: SIGN_IN } }],
    },
    {
      // The handler's name says sign-in.
      name: 'express: handler named login on a neutral path',
      code: `import express from 'express';
const app = express();
const authController = { login: (req, res) => res.json({}) };
app.post('/api/v1/credentials-check', authController.login);`,
      errors: [{ messageId: 'missingRateLimit', line: 4, data: { route: 'POST /api/v1/credentials-check', kind: 'sign-in', chain: 'empty', attack: SIGN_IN } }],
    },
    {
      // A local middleware that neither limits nor answers 429 is not a limiter.
      name: 'express: validation middleware is not a limiter',
      code: `import express from 'express';
const app = express();
function validateLogin(req, res, next) {
  if (!req.body.email) return res.status(400).end();
  next();
}
app.post('/login', validateLogin, (req, res) => res.json({}));`,
      errors: [{ messageId: 'missingRateLimit', line: 7, data: { route: 'POST /login', kind: 'sign-in', chain: '`validateLogin`', attack: SIGN_IN } }],
    },
    {
      // lodash's throttle limits a function inside the process, and a CSV delimiter is no limiter.
      name: 'express: lodash throttle and a delimiter in the handler are not limiters',
      code: `import express from 'express';
import { throttle } from 'lodash';
const app = express();
const getDelimiter = () => ',';
app.post('/register', (req, res) => {
  const audit = throttle(() => console.info(req.body.email), 1000);
  audit();
  res.status(201).send(['id', 'email'].join(getDelimiter()));
});`,
      errors: [{ messageId: 'missingRateLimit', line: 5, data: { route: 'POST /register', kind: 'sign-up', chain: 'empty', attack: SIGN_UP } }],
    },
    {
      // Testing the identity provider's 429 is not answering one: the route itself is not limited.
      name: 'express: handler that handles an upstream 429',
      code: `import express from 'express';
import { HttpStatus } from './http-status.js';
const app = express();
app.post('/login', async (req, res) => {
  const upstream = await fetch('https://idp.example.com/token', { method: 'POST', body: JSON.stringify(req.body) });
  if (upstream.status === HttpStatus.TOO_MANY_REQUESTS) return res.status(503).end();
  res.json(await upstream.json());
});`,
      errors: [{ messageId: 'missingRateLimit', line: 4, data: { route: 'POST /login', kind: 'sign-in', chain: 'empty', attack: SIGN_IN } }],
    },
    {
      // passport.authenticate('local') checks the password; it does not limit attempts.
      name: 'express: passport local strategy without a limiter',
      code: `import express from 'express';
import passport from 'passport';
const app = express();
app.post('/auth/token', passport.authenticate('local', { session: false }), (req, res) => res.json({}));`,
      errors: [{ messageId: 'missingRateLimit', line: 4, data: { route: 'POST /auth/token', kind: 'sign-in', chain: "`passport.authenticate('local', { session: false })`", attack: SIGN_IN } }],
    },
    // --- Fastify ------------------------------------------------------------------------------------
    {
      // global: false limits only routes that configure a limit; /signup does not.
      name: 'fastify: global false and no config.rateLimit',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { global: false });
app.post('/signup', async () => ({}));`,
      errors: [{ messageId: 'missingRateLimit', line: 5, data: { route: 'POST /signup', kind: 'sign-up', chain: '`rateLimit`', attack: SIGN_UP } }],
    },
    {
      // config.rateLimit: false opts the route out of the global limit.
      name: 'fastify: config.rateLimit false on the login route',
      code: `import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
const app = Fastify();
await app.register(rateLimit, { max: 100 });
app.post('/login', { config: { rateLimit: false } }, async () => ({}));`,
      errors: [{ messageId: 'limiterSkipped', line: 5, data: { route: 'POST /login', kind: 'sign-in', skip: '`config: { rateLimit: false }`', attack: SIGN_IN } }],
    },
    {
      // A route config with no plugin registered limits nothing.
      name: 'fastify: config.rateLimit without the plugin',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.route({ method: 'POST', url: '/mfa/verify', config: { rateLimit: { max: 3 } }, handler: async () => ({}) });`,
      errors: [{ messageId: 'unenforcedLimit', line: 3, data: { route: 'POST /mfa/verify', kind: 'one-time-code', config: '`config: { rateLimit }`', hint: 'register `@fastify/rate-limit` before the route' } }],
    },
    // --- NestJS (single file) -----------------------------------------------------------------------
    {
      // @SkipThrottle() opts sign-up out of the global ThrottlerGuard.
      name: 'nest: @SkipThrottle on the register route',
      filename: '/app/src/main.ts',
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
@Controller('auth')
class AuthController {
  @SkipThrottle()
  @Post('register')
  register() {}
}
@Module({ controllers: [AuthController], providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();`,
      errors: [{ messageId: 'limiterSkipped', line: 7, data: { route: 'POST /auth/register', kind: 'sign-up', skip: '`@SkipThrottle()`', attack: SIGN_UP } }],
    },
    {
      // @Throttle() configures a limit, but no ThrottlerGuard enforces it.
      name: 'nest: @Throttle without any ThrottlerGuard',
      filename: '/app/src/main.ts',
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Throttle, ThrottlerModule } from '@nestjs/throttler';
@Controller('auth')
class AuthController {
  @Throttle({ default: { limit: 3, ttl: 60000 } })
  @Post('login')
  login() {}
}
@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])], controllers: [AuthController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();`,
      errors: [{ messageId: 'unenforcedLimit', line: 7, data: { route: 'POST /auth/login', kind: 'sign-in', config: '`@Throttle({ default: { limit: 3, ttl: 60000 } })`', hint: 'register `ThrottlerGuard` with `APP_GUARD` or `@UseGuards(ThrottlerGuard)`' } }],
    },
  ],
});
