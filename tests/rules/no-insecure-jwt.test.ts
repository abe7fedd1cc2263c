import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-insecure-jwt.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

ruleTester.run('no-insecure-jwt', testedRule, {
  valid: [
    {
      // jsonwebtoken >= 9 only accepts HS256/384/512 for a string secret; an allowlist adds little.
      name: 'jsonwebtoken: verify with a shared secret and no allowlist',
      code: `import jwt from 'jsonwebtoken';
export function auth(req, res, next) {
  req.user = jwt.verify(req.headers.authorization.slice(7), process.env.JWT_SECRET);
  next();
}`,
    },
    {
      // A public key with an explicit allowlist.
      name: 'jsonwebtoken: verify with a public key and algorithms',
      code: `import { verify } from 'jsonwebtoken';
const publicKey = process.env.JWT_PUBLIC_KEY;
export const check = (token) => verify(token, publicKey, { algorithms: ['RS256'] });`,
    },
    {
      // ignoreExpiration: false is the default, written out.
      name: 'jsonwebtoken: ignoreExpiration false',
      code: `const jwt = require('jsonwebtoken');
module.exports = (token) => jwt.verify(token, process.env.SECRET, { ignoreExpiration: false, algorithms: ['HS256'] });`,
    },
    {
      // A callback in the options position: jsonwebtoken's async form, key is a secret.
      name: 'jsonwebtoken: verify with a callback',
      code: `import jwt from 'jsonwebtoken';
jwt.verify(token, process.env.SECRET, (err, decoded) => { if (!err) done(decoded); });`,
    },
    {
      // The lifetime is in the options.
      name: 'jsonwebtoken: sign with expiresIn',
      code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '15m' });`,
    },
    {
      // The lifetime is an exp claim in the payload.
      name: 'jsonwebtoken: sign with an exp claim',
      code: `import * as jwt from 'jsonwebtoken';
const payload = { sub: user.id, exp: Math.floor(Date.now() / 1000) + 3600 };
jwt.sign(payload, secret);`,
    },
    {
      // The options come from a shared constant with expiresIn.
      name: 'jsonwebtoken: sign options from a constant',
      code: `import jwt from 'jsonwebtoken';
const SIGN_OPTIONS = { expiresIn: '1h', algorithm: 'HS256' };
export const issue = (id) => jwt.sign({ id }, process.env.SECRET, SIGN_OPTIONS);`,
    },
    {
      // The payload comes from a parameter: whether it holds exp is not visible.
      name: 'jsonwebtoken: sign of an opaque payload',
      code: `import jwt from 'jsonwebtoken';
export const issue = (claims) => jwt.sign(claims, process.env.SECRET);`,
    },
    {
      // A look-alike: a local module named jwt.
      name: 'local jwt helper is not jsonwebtoken',
      code: `import jwt from './jwt';
jwt.sign({ id }, secret);
jwt.verify(token, publicKey, { algorithms: ['none'] });`,
    },
    {
      // decode only to schedule a refresh from exp.
      name: 'jsonwebtoken: decode to read exp',
      code: `import jwt from 'jsonwebtoken';
export function scheduleRefresh(token) {
  const decoded = jwt.decode(token);
  if (decoded && decoded.exp * 1000 - Date.now() < 60000) refresh();
}`,
    },
    {
      // decode only to log.
      name: 'jsonwebtoken: decode to log',
      code: `import jwt from 'jsonwebtoken';
export function audit(token, logger) {
  const claims = jwt.decode(token);
  logger.info('token seen', claims);
}`,
    },
    {
      // decode only to log, through Fastify's request logger.
      name: 'jsonwebtoken: decode to log with request.log',
      code: `import jwt from 'jsonwebtoken';
export function audit(request, token) {
  const claims = jwt.decode(token);
  request.log.info({ claims }, 'token seen');
}`,
    },
    {
      // decode to pick the key by kid, then verify.
      name: 'jsonwebtoken: decode the header, then verify',
      code: `import jwt from 'jsonwebtoken';
export async function authenticate(req, res, next) {
  const decoded = jwt.decode(req.token, { complete: true });
  if (!decoded) return res.sendStatus(401);
  const key = await keys.get(decoded.header.kid);
  req.user = jwt.verify(req.token, key, { algorithms: ['RS256'] });
  next();
}`,
    },
    {
      // Nest: the module sets a default lifetime, so plain sign calls expire.
      name: 'nest: JwtService.sign with a module default expiresIn',
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '60s' } })] })
export class AuthModule {}
@Injectable()
export class AuthService {
  constructor(private jwtService: JwtService) {}
  login(user) { return { access_token: this.jwtService.sign({ sub: user.id }) }; }
}`,
    },
    {
      // Nest: the module default is not in this file; per file the lifetime is unknown.
      name: 'nest: JwtService.sign with the module elsewhere',
      code: `import { JwtService } from '@nestjs/jwt';
export class AuthService {
  constructor(private readonly jwt: JwtService) {}
  login(user) { return this.jwt.signAsync({ sub: user.id }); }
}`,
    },
    {
      // Nest: every call passes expiresIn (access and refresh tokens) and the module has none.
      name: 'nest: per-call expiresIn with an empty module',
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';
export const jwtModule = JwtModule.register({});
export class TokenService {
  constructor(private jwtService: JwtService) {}
  tokens(id) {
    return [
      this.jwtService.sign({ sub: id }, { secret: process.env.AT_SECRET, expiresIn: '15m' }),
      this.jwtService.sign({ sub: id }, { secret: process.env.RT_SECRET, expiresIn: '7d' }),
    ];
  }
}`,
    },
    {
      // Nest: registerAsync whose factory sets the default and a public key with an allowlist.
      name: 'nest: registerAsync with signOptions and verifyOptions',
      code: `import { JwtModule } from '@nestjs/jwt';
JwtModule.registerAsync({
  inject: [ConfigService],
  useFactory: (config) => ({
    publicKey: config.get('JWT_PUBLIC_KEY'),
    privateKey: config.get('JWT_PRIVATE_KEY'),
    signOptions: { algorithm: 'RS256', expiresIn: '10m' },
    verifyOptions: { algorithms: ['RS256'] },
  }),
});`,
    },
    {
      // Nest: options from a config class the rule does not read; the default lifetime is unknown.
      name: 'nest: registerAsync with useClass',
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';
@Module({ imports: [JwtModule.registerAsync({ useClass: JwtConfigService })] })
export class AuthModule {}
export class AuthService {
  constructor(private jwtService: JwtService) {}
  login(user) { return this.jwtService.sign({ sub: user.id }); }
}`,
      options: [{ requireAlgorithms: 'always' }],
    },
    {
      // passport-jwt with the Nest docs' options: an HMAC secret and ignoreExpiration false.
      name: 'passport-jwt: Nest strategy with ignoreExpiration false',
      code: `import { ExtractJwt, Strategy } from 'passport-jwt';
import { PassportStrategy } from '@nestjs/passport';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: process.env.JWT_SECRET });
  }
  validate(payload) { return { userId: payload.sub }; }
}`,
    },
    {
      // passport-jwt with a JWKS key provider and a pinned algorithm.
      name: 'passport-jwt: JWKS provider with algorithms',
      code: `import { Strategy, ExtractJwt } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';
passport.use(new Strategy({
  secretOrKeyProvider: passportJwtSecret({ jwksUri: 'https://example.auth0.com/.well-known/jwks.json', cache: true }),
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  algorithms: ['RS256'],
}, verify));`,
    },
    {
      // jose pins algorithms by key type and never accepts none; setExpirationTime bounds the lifetime.
      name: 'jose: SignJWT with setExpirationTime and jwtVerify without algorithms',
      code: `import { SignJWT, jwtVerify } from 'jose';
const key = new TextEncoder().encode(process.env.SECRET);
export const issue = (sub) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('2h').sign(key);
export const check = (token) => jwtVerify(token, key);`,
    },
    {
      // Fastify: the plugin sets a default lifetime.
      name: 'fastify: jwtSign with a plugin default expiresIn',
      code: `import fastifyJwt from '@fastify/jwt';
app.register(fastifyJwt, { secret: process.env.JWT_SECRET, sign: { expiresIn: '15m' } });
app.post('/login', async (request, reply) => reply.send({ token: await reply.jwtSign({ sub: 1 }) }));`,
    },
    {
      // The decoded email is only echoed back in the response, not used to pick records.
      name: 'jsonwebtoken: decoded email sent back to the client',
      code: `import jwt from 'jsonwebtoken';
router.get('/whoami-preview', (req, res) => {
  const claims = jwt.decode(req.query.token);
  res.json({ email: claims.email });
});`,
    },
    {
      // The decoded id only sets a display flag; the condition decides no access.
      name: 'jsonwebtoken: decoded id for a display flag',
      code: `import jwt from 'jsonwebtoken';
router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  let isFollowed = false;
  const viewer = jwt.decode(req.headers.authorization.split(' ')[1]);
  if (user.followers.indexOf(viewer.id) !== -1) isFollowed = true;
  res.json({ name: user.name, isFollowed });
});`,
    },
    {
      // ignoreExpiration from configuration is not the literal true; the code does not show its value.
      name: 'jsonwebtoken: ignoreExpiration from configuration',
      code: `import jwt from 'jsonwebtoken';
export const check = (token) => jwt.verify(token, process.env.SECRET, { algorithms: ['HS256'], ignoreExpiration: config.jwt.ignoreExpiration });`,
    },
    {
      // Sign options spread from configuration may hold expiresIn.
      name: 'jsonwebtoken: sign options spread from configuration',
      code: `import jwt from 'jsonwebtoken';
export const issue = (id) => jwt.sign({ id }, process.env.SECRET, { ...config.jwt.signOptions, issuer: 'api' });`,
    },
    {
      // jose: only the protected header is decoded to pick the key, then the token is verified.
      name: 'jose: decodeProtectedHeader then jwtVerify',
      code: `import { decodeProtectedHeader, jwtVerify } from 'jose';
export async function authenticate(req, res, next) {
  const { kid } = decodeProtectedHeader(req.token);
  req.user = (await jwtVerify(req.token, await keys.get(kid))).payload;
  next();
}`,
    },
    {
      // passport-jwt with a certificate and a pinned algorithm.
      name: 'passport-jwt: public key with algorithms',
      code: `import { Strategy, ExtractJwt } from 'passport-jwt';
passport.use(new Strategy({ secretOrKey: fs.readFileSync('certs/public.pem'), algorithms: ['RS256'], jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() }, verify));`,
    },
    {
      // A test mints a token without expiry to call the API.
      name: 'test file signing a token without a lifetime',
      filename: 'tests/orders.e2e-spec.ts',
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 'u1', role: 'admin' }, 'test-secret');`,
    },
    {
      // jwt-decode on a value displayed, not trusted.
      name: 'jwt-decode: read the name to display',
      code: `import { jwtDecode } from 'jwt-decode';
export function greeting(token) {
  const { name } = jwtDecode(token);
  return 'Hello ' + name;
}`,
    },
  ],
  invalid: [
    {
      name: 'jsonwebtoken: algorithms include none',
      code: `import jwt from 'jsonwebtoken';
jwt.verify(token, process.env.SECRET, { algorithms: ['HS256', 'none'] });`,
      errors: [{ messageId: 'algNone', data: { callee: 'jwt.verify', option: 'algorithms' } }],
    },
    {
      name: 'jsonwebtoken: none with an empty key is an error',
      code: `import jwt from 'jsonwebtoken';
export const check = (token) => jwt.verify(token, '', { algorithms: ['none'] });`,
      errors: [{ messageId: 'algNone', data: { callee: 'jwt.verify', option: 'algorithms' } }],
    },
    {
      name: 'jsonwebtoken: ignoreExpiration true via a named import',
      code: `import { verify as verifyJwt } from 'jsonwebtoken';
export const check = (token) => verifyJwt(token, process.env.SECRET, { ignoreExpiration: true });`,
      errors: [{ messageId: 'ignoreExpiration', data: { callee: 'verifyJwt' } }],
    },
    {
      name: 'jsonwebtoken: require and a public key file without algorithms',
      code: `const jwt = require('jsonwebtoken');
const fs = require('fs');
const cert = fs.readFileSync('keys/public.pem');
module.exports = (token) => jwt.verify(token, cert);`,
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'jwt.verify', key: 'a public key', example: "'RS256'" } }],
    },
    {
      name: 'jsonwebtoken: key lookup callback without algorithms',
      code: `import jwt from 'jsonwebtoken';
function getKey(header, callback) { client.getSigningKey(header.kid, (err, key) => callback(err, key.getPublicKey())); }
jwt.verify(token, getKey, (err, decoded) => done(err, decoded));`,
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'jwt.verify', key: 'a key-lookup function', example: "'RS256'" } }],
    },
    {
      name: 'jsonwebtoken: shared secret without algorithms under requireAlgorithms always',
      code: `import jwt from 'jsonwebtoken';
jwt.verify(token, process.env.SECRET);`,
      options: [{ requireAlgorithms: 'always' }],
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'jwt.verify', key: 'a shared secret', example: "'HS256'" } }],
    },
    {
      name: 'jsonwebtoken: sign without a lifetime',
      code: `import jwt from 'jsonwebtoken';
export const issue = (user) => jwt.sign({ id: user.id, role: user.role }, process.env.JWT_SECRET);`,
      errors: [{ messageId: 'noExpiry', data: { callee: 'jwt.sign', fix: '`expiresIn`', defaults: '' } }],
    },
    {
      name: 'jsonwebtoken: sign options without expiresIn',
      code: `const { sign } = require('jsonwebtoken');
const payload = { sub: user.id };
const token = sign(payload, process.env.SECRET, { algorithm: 'HS512' });`,
      errors: [{ messageId: 'noExpiry' }],
    },
    {
      name: 'jsonwebtoken: sign with algorithm none',
      code: `import jwt from 'jsonwebtoken';
jwt.sign({ sub: 1 }, '', { algorithm: 'none', expiresIn: '1h' });`,
      errors: [{ messageId: 'signNone', data: { callee: 'jwt.sign' } }],
    },
    {
      name: 'jsonwebtoken: decode stored on req.user in middleware',
      code: `import jwt from 'jsonwebtoken';
export function requireUser(req, res, next) {
  const token = req.headers.authorization?.split(' ')[1];
  const decoded = jwt.decode(token);
  req.user = decoded;
  next();
}`,
      errors: [{ messageId: 'decodeAuthorizes', data: { callee: 'jwt.decode', how: 'is stored on `req.user`', verify: "`jwt.verify(token, key, { algorithms: [...] })`" } }],
    },
    {
      name: 'jsonwebtoken: decode checked for a role',
      code: `import jwt from 'jsonwebtoken';
router.delete('/users/:id', (req, res) => {
  const claims = jwt.decode(req.cookies.token);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'decodeAuthorizes', data: { callee: 'jwt.decode', how: 'decides access through `claims.role`', verify: "`jwt.verify(token, key, { algorithms: [...] })`" } }],
    },
    {
      name: 'jsonwebtoken: decode tested before next()',
      code: `const jwt = require('jsonwebtoken');
module.exports = function (req, res, next) {
  const payload = jwt.decode(req.header('x-token'));
  if (!payload) return res.status(401).end();
  next();
};`,
      errors: [{ messageId: 'decodeAuthorizes', line: 3 }],
    },
    {
      name: 'jsonwebtoken: decoded role chooses between next() and 403',
      code: `import jwt from 'jsonwebtoken';
export const adminOnly = (req, res, next) => (jwt.decode(req.cookies.token)?.isAdmin ? next() : res.sendStatus(403));`,
      errors: [{ messageId: 'decodeAuthorizes', line: 2 }],
    },
    {
      name: 'jsonwebtoken: decoded username picks the record to update',
      code: `const jwt = require('jsonwebtoken');
router.put('/profile', (req, res) => {
  const decodedUser = jwt.decode(req.headers['authorization']);
  User.findOneAndUpdate({ username: decodedUser.username }, { bio: req.body.bio }, () => res.sendStatus(204));
});`,
      errors: [
        {
          messageId: 'decodeAuthorizes',
          data: { callee: 'jwt.decode', how: 'picks the records of `User.findOneAndUpdate` through `decodedUser.username`', verify: "`jwt.verify(token, key, { algorithms: [...] })`" },
        },
      ],
    },
    {
      name: 'jsonwebtoken: decode with a fallback stored on the request',
      code: `import jwt from 'jsonwebtoken';
export function attach(req, res, next) {
  const claims = jwt.decode(req.cookies.token) || {};
  req.auth = { id: claims.sub, roles: claims.roles };
  next();
}`,
      errors: [{ messageId: 'decodeAuthorizes', line: 3 }],
    },
    {
      name: 'jsonwebtoken: decode returned from verifyToken',
      code: `import jwt from 'jsonwebtoken';
export function verifyToken(token) {
  return jwt.decode(token);
}`,
      errors: [{ messageId: 'decodeAuthorizes', line: 3 }],
    },
    {
      name: 'nest: guard stores JwtService.decode on the request',
      code: `import { JwtService } from '@nestjs/jwt';
export class JwtGuard {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(context) {
    const request = context.switchToHttp().getRequest();
    const payload = this.jwtService.decode(request.headers.authorization);
    request['user'] = payload;
    return true;
  }
}`,
      errors: [{ messageId: 'decodeAuthorizes', data: { callee: 'this.jwtService.decode', how: "is stored on `request['user']`", verify: '`jwtService.verify(token)`' } }],
    },
    {
      name: 'nest: module with ignoreExpiration and none',
      code: `import { JwtModule } from '@nestjs/jwt';
JwtModule.register({ secret: process.env.S, signOptions: { expiresIn: '1h' }, verifyOptions: { ignoreExpiration: true, algorithms: ['none'] } });`,
      errors: [{ messageId: 'ignoreExpiration' }, { messageId: 'algNone', data: { callee: 'JwtModule.register', option: 'verifyOptions.algorithms' } }],
    },
    {
      name: 'nest: module with a public key and no algorithms',
      code: `import { JwtModule } from '@nestjs/jwt';
JwtModule.register({ publicKey: process.env.JWT_PUBLIC_KEY, privateKey: process.env.JWT_PRIVATE_KEY, signOptions: { algorithm: 'RS256', expiresIn: '5m' } });`,
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'JwtModule.register', key: 'a public key', example: "'RS256'" } }],
    },
    {
      name: 'nest: JwtService.sign while the module in this file sets no default lifetime',
      code: `import { JwtModule, JwtService } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET })] })
export class AuthModule {}
export class AuthService {
  constructor(private jwtService: JwtService) {}
  login(user) { return this.jwtService.sign({ sub: user.id }); }
}`,
      errors: [{ messageId: 'noExpiry', data: { callee: 'this.jwtService.sign', fix: '`expiresIn`', defaults: ' (`JwtModule.register` at line 2 sets no default `signOptions.expiresIn`)' } }],
    },
    {
      name: 'passport-jwt: Nest strategy ignoring expiration',
      code: `import { ExtractJwt, Strategy } from 'passport-jwt';
import { PassportStrategy } from '@nestjs/passport';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: true, secretOrKey: process.env.JWT_SECRET });
  }
}`,
      errors: [{ messageId: 'ignoreExpiration' }],
    },
    {
      name: 'passport-jwt: JWKS provider without algorithms',
      code: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const jwksRsa = require('jwks-rsa');
passport.use(new JwtStrategy({
  secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: process.env.JWKS_URI }),
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
}, verify));`,
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'new JwtStrategy', key: 'a key-lookup function', example: "'RS256'" } }],
    },
    {
      name: 'express-jwt: none among the algorithms',
      code: `import { expressjwt } from 'express-jwt';
app.use(expressjwt({ secret: process.env.SECRET, algorithms: ['HS256', 'none'] }));`,
      errors: [{ messageId: 'algNone' }],
    },
    {
      name: 'express-jwt (before 6): JWKS secret without algorithms',
      code: `const jwt = require('express-jwt');
const jwksRsa = require('jwks-rsa');
app.use(jwt({ secret: jwksRsa.expressJwtSecret({ jwksUri: process.env.JWKS_URI }), audience: 'api' }));`,
      errors: [{ messageId: 'missingAlgorithms', data: { callee: 'jwt', key: 'a key-lookup function', example: "'RS256'" } }],
    },
    {
      name: 'jose: SignJWT without setExpirationTime',
      code: `import { SignJWT } from 'jose';
export const issue = (sub, key) => new SignJWT({ sub }).setProtectedHeader({ alg: 'ES256' }).setIssuedAt().sign(key);`,
      errors: [{ messageId: 'noExpiry', data: { callee: 'new SignJWT', fix: '`.setExpirationTime(...)`', defaults: '' } }],
    },
    {
      name: 'jose: decodeJwt stored on res.locals.user',
      code: `import { decodeJwt } from 'jose';
export const attachUser = (req, res, next) => {
  res.locals.user = decodeJwt(req.cookies.session);
  next();
};`,
      errors: [{ messageId: 'decodeAuthorizes', data: { callee: 'decodeJwt', how: 'is stored on `res.locals.user`', verify: '`jwtVerify(token, key)`' } }],
    },
    {
      name: 'fastify: plugin with ignoreExpiration, and jwtSign without any lifetime',
      code: `import fastifyJwt from '@fastify/jwt';
app.register(fastifyJwt, { secret: process.env.JWT_SECRET, verify: { ignoreExpiration: true } });
app.post('/login', async (request, reply) => reply.send({ token: await reply.jwtSign({ sub: 1 }) }));`,
      errors: [
        { messageId: 'ignoreExpiration' },
        { messageId: 'noExpiry', data: { callee: 'reply.jwtSign', fix: '`expiresIn`', defaults: ' (`register(fastifyJwt)` at line 2 sets no default `sign.expiresIn`)' } },
      ],
    },
  ],
});
