import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-auth-enumeration.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

ruleTester.run('no-auth-enumeration', testedRule, {
  valid: [
    {
      // The same status and message in both branches.
      name: 'express: same answer for an unknown user and a wrong password',
      code: `import bcrypt from 'bcrypt';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ where: { email: req.body.email } });
  if (!user) return res.status(401).json({ error: 'Invalid email or password' });
  const ok = await bcrypt.compare(req.body.password, user.passwordHash);
  if (!ok) return res.status(401).json({ error: 'Invalid email or password' });
  res.json({ token: sign(user) });
});`,
    },
    {
      // One branch answers both cases.
      name: 'express: one combined check',
      code: `import bcrypt from 'bcryptjs';
router.post('/auth/login', async (req, res) => {
  const user = await users.findByEmail(req.body.email);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) {
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  res.json({ token: issueToken(user) });
});`,
    },
    {
      // Both branches send the same constant.
      name: 'express: a shared constant answer',
      code: `import bcrypt from 'bcrypt';
const INVALID = { error: 'Invalid credentials' };
router.post('/sessions', async (req, res) => {
  const account = await Account.findOne({ email: req.body.email });
  if (!account) return res.status(401).json(INVALID);
  if (!(await bcrypt.compare(req.body.password, account.password))) return res.status(401).json(INVALID);
  res.status(201).json({ token: createSession(account) });
});`,
    },
    {
      // The reset answer does not depend on whether the email is registered.
      name: 'express: password reset with the same answer either way',
      code: `router.post('/forgot-password', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.status(202).json({ message: 'If that email is registered, a reset link is on its way' });
  await sendResetLink(user);
  res.status(202).json({ message: 'If that email is registered, a reset link is on its way' });
});`,
    },
    {
      // Completing a reset looks the account up by the token's hash: "invalid or expired" is about the token.
      name: 'express: password reset completion looked up by its token',
      code: `router.post('/reset-password/:token', async (req, res) => {
  const user = await User.findOne({ where: { resetToken: hashToken(req.params.token), resetTokenExpiresAt: { [Op.gt]: new Date() } } });
  if (!user) return res.status(400).json({ error: 'Reset link is invalid or has expired' });
  await user.update({ passwordHash: await bcrypt.hash(req.body.password, 12), resetToken: null });
  return res.sendStatus(204);
});`,
    },
    {
      // Registration saying "already in use" is a product trade-off; off by default.
      name: 'express: registration conflict with default options',
      code: `router.post('/register', async (req, res) => {
  const existing = await User.findOne({ email: req.body.email });
  if (existing) return res.status(409).json({ error: 'Email already in use' });
  res.status(201).json(await User.create({ email: req.body.email }));
});`,
    },
    {
      // Not an authentication handler: a 404 for a missing product is fine.
      name: 'express: not-found on a non-auth route',
      code: `router.get('/products/:id', async (req, res) => {
  const product = await Product.findByPk(req.params.id);
  if (!product) return res.status(404).json({ error: 'Product not found' });
  res.json(product);
});`,
    },
    {
      // A locked account is a third branch after the lookup; unknown user and wrong password agree.
      name: 'express: lockout branch besides identical failure answers',
      code: `import bcrypt from 'bcrypt';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.status(401).json({ error: 'Invalid credentials' });
  if (user.lockedUntil > Date.now()) return res.status(423).json({ error: 'Try again later' });
  if (!(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).json({ error: 'Invalid credentials' });
  res.json({ token: sign(user) });
});`,
    },
    {
      // A refresh-token lookup has no password comparison.
      name: 'express: refresh token lookup',
      code: `router.post('/auth/refresh', async (req, res) => {
  const session = await Session.findOne({ token: req.body.refreshToken });
  if (!session) return res.status(401).json({ error: 'Invalid refresh token' });
  res.json({ token: rotate(session) });
});`,
    },
    {
      // A dummy hash keeps timing and answers identical.
      name: 'express: dummy hash and one check',
      code: `import argon2 from 'argon2';
router.post('/signin', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { email: req.body.email } });
  const valid = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, req.body.password);
  if (!user || !valid) return res.status(401).json({ error: 'Invalid credentials' });
  res.json({ token: sign(user) });
});`,
    },
    {
      // Both failures answer 401 with the same text in Fastify.
      name: 'fastify: same answer in both branches',
      code: `import bcrypt from 'bcrypt';
export default async function authRoutes(fastify) {
  fastify.post('/login', async (request, reply) => {
    const user = await fastify.prisma.user.findUnique({ where: { email: request.body.email } });
    if (!user) return reply.code(401).send({ error: 'Invalid credentials' });
    const ok = await bcrypt.compare(request.body.password, user.passwordHash);
    if (!ok) return reply.code(401).send({ error: 'Invalid credentials' });
    return { token: fastify.jwt.sign({ sub: user.id }) };
  });
}`,
    },
    {
      // Fastify password reset with one answer.
      name: 'fastify: password reset with one answer',
      code: `export default async function resetRoutes(fastify) {
  fastify.post('/password/reset-request', async (request, reply) => {
    const user = await fastify.db.users.findByEmail(request.body.email);
    if (user) await fastify.mailer.sendReset(user);
    return reply.code(202).send({ message: 'Check your inbox' });
  });
}`,
    },
    {
      // Nest: both branches throw the same exception and message.
      name: 'nest: same UnauthorizedException in both branches',
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
@Injectable()
export class AuthService {
  async login(email: string, password: string) {
    const user = await this.users.findOne({ where: { email } });
    if (!user) throw new UnauthorizedException('Invalid credentials');
    const match = await bcrypt.compare(password, user.passwordHash);
    if (!match) throw new UnauthorizedException('Invalid credentials');
    return { accessToken: await this.jwt.signAsync({ sub: user.id }) };
  }
}`,
    },
    {
      // validateUser returns null in both cases; the strategy answers once.
      name: 'nest: validateUser returns null either way',
      code: `import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
@Injectable()
export class AuthService {
  async validateUser(email: string, pass: string) {
    const user = await this.usersService.findByEmail(email);
    if (!user) return null;
    if (!(await bcrypt.compare(pass, user.password))) return null;
    return user;
  }
}`,
    },
    {
      // Passport local strategy with one message for both.
      name: 'passport: same done() message for both failures',
      code: `import bcrypt from 'bcrypt';
passport.use(new LocalStrategy(async (username, password, done) => {
  const user = await User.findOne({ username });
  if (!user) return done(null, false, { message: 'Incorrect username or password.' });
  if (!(await bcrypt.compare(password, user.hash))) return done(null, false, { message: 'Incorrect username or password.' });
  return done(null, user);
}));`,
    },
    {
      // Nest password reset that answers the same way.
      name: 'nest: password reset with the same answer',
      code: `import { Body, Controller, Post } from '@nestjs/common';
@Controller('auth')
export class PasswordController {
  @Post('forgot')
  async forgot(@Body() dto: ForgotDto) {
    const user = await this.users.findByEmail(dto.email);
    if (!user) return { message: 'If the account exists, we sent an email' };
    await this.mail.sendReset(user);
    return { message: 'If the account exists, we sent an email' };
  }
}`,
    },
    {
      // Plain errors: the error handler decides what the client sees, and this file does not show it.
      name: 'express: plain Error messages in a sign-in service',
      code: `import bcrypt from 'bcrypt';
export async function login(email, password) {
  const user = await User.findOne({ email });
  if (!user) throw new Error('User not found');
  if (!(await bcrypt.compare(password, user.hash))) throw new Error('Wrong password');
  return sign(user);
}`,
    },
    {
      // Both failures send the same bare status.
      name: 'express: sendStatus(401) in both branches',
      code: `import bcrypt from 'bcrypt';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.sendStatus(401);
  if (!(await bcrypt.compare(req.body.password, user.hash))) return res.sendStatus(401);
  res.json({ token: sign(user) });
});`,
    },
    {
      // Listing a user's sessions checks no password; a 404 for a missing user is not an oracle here.
      name: 'express: sessions of a user, no password check',
      code: `router.get('/users/:id/sessions', requireAdmin, async (req, res) => {
  const user = await User.findByPk(req.params.id);
  if (!user) return res.status(404).json({ error: 'User not found' });
  res.json(await Session.findAll({ where: { userId: user.id } }));
});`,
    },
    {
      // A shared helper answers both failures; its answer is the same whatever it is.
      name: 'express: one failure helper for both branches',
      code: `import bcrypt from 'bcrypt';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return rejectLogin(res);
  if (!(await bcrypt.compare(req.body.password, user.hash))) return rejectLogin(res);
  res.json({ token: sign(user) });
});`,
    },
    {
      // Changing a password is for a signed-in user: saying the current password is wrong reveals nothing.
      name: 'express: authenticated change-password endpoint',
      code: `import bcrypt from 'bcrypt';
router.post('/me/password/change', requireAuth, async (req, res) => {
  const user = await User.findByPk(req.user.id);
  if (!user) return res.status(404).json({ error: 'User not found' });
  if (!(await bcrypt.compare(req.body.currentPassword, user.hash))) return res.status(400).json({ error: 'Current password is wrong' });
  await user.update({ hash: await bcrypt.hash(req.body.newPassword, 12) });
  res.sendStatus(204);
});`,
    },
    {
      // Sign-out in the auth routes file: a lookup, no password comparison.
      name: 'express: logout in routes/auth.ts',
      filename: 'src/routes/auth.ts',
      code: `router.post('/logout', async (req, res) => {
  const session = await Session.findOne({ where: { token: req.cookies.sid } });
  if (!session) return res.sendStatus(204);
  await session.destroy();
  res.sendStatus(204);
});`,
    },
    {
      // A plaintext comparison, but one answer for both cases.
      name: 'express: plaintext comparison with one answer',
      code: `router.post('/auth/login', async (req, res) => {
  const account = await Account.findOne({ where: { email: req.body.email } });
  if (!account) return res.status(401).json({ message: 'Invalid credentials' });
  if (account.password !== req.body.password) return res.status(401).json({ message: 'Invalid credentials' });
  res.json({ id: account.id });
});`,
    },
    {
      // The controller only delegates; the service decides the answer.
      name: 'nest: login controller delegating to a service',
      code: `import { Body, Controller, Post } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.email, dto.password);
  }
}`,
    },
    {
      // One constant for both answers in Fastify.
      name: 'fastify: a shared constant reply for both failures',
      code: `import bcrypt from 'bcrypt';
const INVALID_CREDENTIALS = { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' };
export default async function sessionRoutes(fastify) {
  fastify.post('/sessions', async (request, reply) => {
    const member = await fastify.db.members.findByEmail(request.body.email);
    if (!member) return reply.code(401).send(INVALID_CREDENTIALS);
    if (!(await bcrypt.compare(request.body.password, member.hash))) return reply.code(401).send(INVALID_CREDENTIALS);
    return { token: fastify.jwt.sign({ sub: member.id }) };
  });
}`,
    },
  ],
  invalid: [
    {
      name: 'express: 404 for an unknown user, 401 for a wrong password',
      code: `import bcrypt from 'bcrypt';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ where: { email: req.body.email } });
  if (!user) return res.status(404).json({ error: 'User not found' });
  const ok = await bcrypt.compare(req.body.password, user.passwordHash);
  if (!ok) return res.status(401).json({ error: 'Wrong password' });
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '404 "User not found"', wrongPassword: '401 "Wrong password"' } }],
    },
    {
      name: 'express: the same status with different messages',
      code: `import bcrypt from 'bcryptjs';
app.post('/api/auth/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await db.users.findOne({ email });
  if (!user) {
    return res.status(401).json({ message: 'No account with that email' });
  }
  if (!bcrypt.compareSync(password, user.password)) {
    return res.status(401).json({ message: 'Incorrect password' });
  }
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 6, data: { unknownUser: '401 "No account with that email"', wrongPassword: '401 "Incorrect password"' } }],
    },
    {
      name: 'express: reason codes in the two branches',
      code: `import bcrypt from 'bcrypt';
router.post('/sessions', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (user == null) return res.status(401).json({ error: 'USER_NOT_FOUND' });
  const valid = await bcrypt.compare(req.body.password, user.hash);
  if (valid === false) return res.status(401).json({ error: 'WRONG_PASSWORD' });
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '401 "USER_NOT_FOUND"', wrongPassword: '401 "WRONG_PASSWORD"' } }],
    },
    {
      name: 'express: the same message with different status codes',
      code: `import argon2 from 'argon2';
router.post('/signin', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { email: req.body.email } });
  if (user === null) return res.status(404).json({ error: 'Invalid credentials' });
  if (!(await argon2.verify(user.passwordHash, req.body.password))) return res.status(401).json({ error: 'Invalid credentials' });
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '404 "Invalid credentials"', wrongPassword: '401 "Invalid credentials"' } }],
    },
    {
      name: 'express: a model method compares the password; the handler is named login',
      code: `export async function login(req, res) {
  const user = await User.findOne({ email: req.body.email }).select('+password');
  if (!user) return res.status(400).json({ error: 'Email is not registered' });
  const matches = await user.comparePassword(req.body.password);
  if (!matches) return res.status(400).json({ error: 'Password is incorrect' });
  res.json({ token: user.generateToken() });
}`,
      errors: [{ messageId: 'differentAnswers', line: 3, data: { unknownUser: '400 "Email is not registered"', wrongPassword: '400 "Password is incorrect"' } }],
    },
    {
      name: 'express: else branch of a found user',
      code: `import bcrypt from 'bcrypt';
router.post('/auth/token', async (req, res) => {
  const account = await Account.findOne({ email: req.body.email });
  if (account) {
    const ok = await bcrypt.compare(req.body.password, account.hash);
    if (!ok) return res.status(401).send('Wrong password');
    return res.json({ token: sign(account) });
  } else {
    return res.status(401).send('Unknown account');
  }
});`,
      errors: [{ messageId: 'differentAnswers', line: 9, data: { unknownUser: '401 "Unknown account"', wrongPassword: '401 "Wrong password"' } }],
    },
    {
      name: 'express: timingSafeEqual comparison',
      code: `import crypto from 'node:crypto';
router.post('/login', async (req, res) => {
  const user = await users.getByUsername(req.body.username);
  if (!user) return res.status(401).json({ error: 'Unknown username' });
  const hash = crypto.scryptSync(req.body.password, user.salt, 64);
  if (!crypto.timingSafeEqual(hash, user.hash)) return res.status(401).json({ error: 'Bad password' });
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '401 "Unknown username"', wrongPassword: '401 "Bad password"' } }],
    },
    {
      name: 'express: password reset says whether the email exists',
      code: `router.post('/forgot-password', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.status(404).json({ error: 'No account with that email' });
  await sendResetLink(user);
  res.json({ message: 'Reset link sent' });
});`,
      errors: [{ messageId: 'accountExistence', line: 3, data: { unknownUser: '404 "No account with that email"', knownUser: '"Reset link sent"' } }],
    },
    {
      // A lookup by email next to the token still says whether the email has an account.
      name: 'express: password reset looked up by email and code, with a different answer',
      code: `router.post('/forgot-password/verify', async (req, res) => {
  const user = await User.findOne({ email: req.body.email, resetCode: req.body.code });
  if (!user) return res.status(404).json({ message: 'Email not found' });
  return res.status(200).json({ message: 'Code accepted' });
});`,
      errors: [{ messageId: 'accountExistence', line: 3 }],
    },
    {
      name: 'express: password reset named by its handler',
      code: `export const requestPasswordReset = async (req, res) => {
  const user = await prisma.user.findFirst({ where: { email: req.body.email } });
  if (!user) {
    return res.status(400).json({ message: 'Email not found' });
  }
  await mailer.sendReset(user.email, createResetToken(user));
  return res.status(200).json({ message: 'Password reset email sent' });
};`,
      errors: [{ messageId: 'accountExistence', line: 4, data: { unknownUser: '400 "Email not found"', knownUser: '200 "Password reset email sent"' } }],
    },
    {
      name: 'express: registration conflict with checkRegistration on',
      code: `router.post('/register', async (req, res) => {
  const existing = await User.findOne({ email: req.body.email });
  if (existing) return res.status(409).json({ error: 'Email already in use' });
  res.status(201).json(await User.create({ email: req.body.email }));
});`,
      options: [{ checkRegistration: true }],
      errors: [{ messageId: 'registrationRevealsAccount', line: 3, data: { answer: '409 "Email already in use"' } }],
    },
    {
      name: 'fastify: different status codes',
      code: `import bcrypt from 'bcrypt';
export default async function authRoutes(fastify) {
  fastify.post('/login', async (request, reply) => {
    const user = await fastify.prisma.user.findUnique({ where: { email: request.body.email } });
    if (!user) return reply.code(404).send({ error: 'User not found' });
    const ok = await bcrypt.compare(request.body.password, user.passwordHash);
    if (!ok) return reply.code(401).send({ error: 'Invalid password' });
    return { token: fastify.jwt.sign({ sub: user.id }) };
  });
}`,
      errors: [{ messageId: 'differentAnswers', line: 5, data: { unknownUser: '404 "User not found"', wrongPassword: '401 "Invalid password"' } }],
    },
    {
      name: 'fastify: route options object on /auth/login',
      code: `import argon2 from 'argon2';
fastify.route({
  method: 'POST',
  url: '/auth/login',
  handler: async (request, reply) => {
    const driver = await drivers.findByEmail(request.body.email);
    if (!driver) return reply.status(401).send({ code: 'UNKNOWN_EMAIL' });
    if (!(await argon2.verify(driver.hash, request.body.password))) return reply.status(401).send({ code: 'BAD_PASSWORD' });
    return { token: sign(driver) };
  },
});`,
      errors: [{ messageId: 'differentAnswers', line: 7, data: { unknownUser: '401 "UNKNOWN_EMAIL"', wrongPassword: '401 "BAD_PASSWORD"' } }],
    },
    {
      name: 'fastify: password recovery answers 404',
      code: `export default async function routes(app) {
  app.post('/recover', async (request, reply) => {
    const user = await app.users.findByEmail(request.body.email);
    if (!user) return reply.code(404).send({ message: 'This email is not registered' });
    await app.mailer.sendRecovery(user);
    return reply.send({ message: 'Recovery email sent' });
  });
}`,
      errors: [{ messageId: 'accountExistence', line: 4, data: { unknownUser: '404 "This email is not registered"', knownUser: '"Recovery email sent"' } }],
    },
    {
      name: 'nest: NotFoundException for the user, UnauthorizedException for the password',
      code: `import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
@Injectable()
export class AuthService {
  async signIn(email: string, password: string) {
    const user = await this.usersService.findOne(email);
    if (!user) throw new NotFoundException('User not found');
    const isMatch = await bcrypt.compare(password, user.password);
    if (!isMatch) throw new UnauthorizedException('Invalid password');
    return { access_token: await this.jwtService.signAsync({ sub: user.id }) };
  }
}`,
      errors: [{ messageId: 'differentAnswers', line: 7, data: { unknownUser: '404 "User not found"', wrongPassword: '401 "Invalid password"' } }],
    },
    {
      name: 'nest: the same exception class with different messages',
      code: `import { Body, Controller, Post, UnauthorizedException } from '@nestjs/common';
import * as argon2 from 'argon2';
@Controller('auth')
export class AuthController {
  @Post('login')
  async login(@Body() dto: LoginDto) {
    const user = await this.users.findByEmail(dto.email);
    if (!user) {
      throw new UnauthorizedException('Unknown email address');
    }
    if (!(await argon2.verify(user.passwordHash, dto.password))) {
      throw new UnauthorizedException('Wrong password');
    }
    return this.auth.issue(user);
  }
}`,
      errors: [{ messageId: 'differentAnswers', line: 9, data: { unknownUser: '401 "Unknown email address"', wrongPassword: '401 "Wrong password"' } }],
    },
    {
      name: 'nest: password reset tells whether the email is registered',
      code: `import { Body, Controller, NotFoundException, Post } from '@nestjs/common';
@Controller('password')
export class PasswordController {
  @Post('reset')
  async requestReset(@Body() dto: ResetDto) {
    const user = await this.users.findByEmail(dto.email);
    if (!user) throw new NotFoundException('Email not registered');
    await this.mail.sendReset(user);
    return { message: 'Check your inbox' };
  }
}`,
      errors: [{ messageId: 'accountExistence', line: 7, data: { unknownUser: '404 "Email not registered"', knownUser: '"Check your inbox"' } }],
    },
    {
      name: 'passport: different done() messages',
      code: `import bcrypt from 'bcrypt';
passport.use(new LocalStrategy(async (username, password, done) => {
  const user = await User.findOne({ username });
  if (!user) return done(null, false, { message: 'Incorrect username.' });
  if (!(await bcrypt.compare(password, user.hash))) return done(null, false, { message: 'Incorrect password.' });
  return done(null, user);
}));`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '"Incorrect username."', wrongPassword: '"Incorrect password."' } }],
    },
    {
      name: 'express: bare status codes differ',
      code: `import bcrypt from 'bcrypt';
router.post('/login', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.sendStatus(404);
  if (!(await bcrypt.compare(req.body.password, user.hash))) return res.sendStatus(401);
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '404', wrongPassword: '401' } }],
    },
    {
      name: 'express: http-errors passed to next',
      code: `import createError from 'http-errors';
import bcrypt from 'bcrypt';
router.post('/auth/login', async (req, res, next) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return next(createError(404, 'User not found'));
  if (!(await bcrypt.compare(req.body.password, user.hash))) return next(createError(401, 'Invalid password'));
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 5, data: { unknownUser: '404 "User not found"', wrongPassword: '401 "Invalid password"' } }],
    },
    {
      name: 'express: app error classes with different messages',
      code: `import bcrypt from 'bcrypt';
import { NotFoundError, AuthError } from '../errors.js';
export async function authenticate(email, password) {
  const user = await users.findByEmail(email);
  if (!user) throw new NotFoundError('No such user');
  if (!(await bcrypt.compare(password, user.passwordHash))) throw new AuthError('Wrong password');
  return user;
}`,
      errors: [{ messageId: 'differentAnswers', line: 5, data: { unknownUser: 'NotFoundError "No such user"', wrongPassword: 'AuthError "Wrong password"' } }],
    },
    {
      name: 'express: router mounted elsewhere, found by its file name',
      filename: 'src/routes/auth.ts',
      code: `import bcrypt from 'bcryptjs';
router.post('/', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.status(404).json({ message: 'User not found' });
  const validPassword = await bcrypt.compare(req.body.password, user.password);
  if (!validPassword) return res.status(400).json({ message: 'Invalid password' });
  res.json({ token: sign(user) });
});`,
      errors: [{ messageId: 'differentAnswers', line: 4, data: { unknownUser: '404 "User not found"', wrongPassword: '400 "Invalid password"' } }],
    },
    {
      name: 'express: plaintext password comparison',
      code: `router.post('/login', async (req, res) => {
  const dbUser = await User.findOne({ email: req.body.email });
  if (!dbUser) return res.status(404).json({ message: 'User not found' });
  if (dbUser.password !== req.body.password) return res.status(401).json({ message: 'Invalid password' });
  res.json({ id: dbUser.id });
});`,
      errors: [{ messageId: 'differentAnswers', line: 3, data: { unknownUser: '404 "User not found"', wrongPassword: '401 "Invalid password"' } }],
    },
    {
      name: 'express: promise and callback style',
      code: `const bcrypt = require('bcryptjs');
app.post('/login', (req, res) => {
  Users.findOne({ email: req.body.email }).then((user) => {
    if (user) {
      bcrypt.compare(req.body.password, user.password, (err, same) => {
        if (same) res.json('Success');
        else res.json('Wrong password');
      });
    } else {
      res.json('User not found');
    }
  });
});`,
      errors: [{ messageId: 'differentAnswers', line: 10, data: { unknownUser: '"User not found"', wrongPassword: '"Wrong password"' } }],
    },
  ],
});
