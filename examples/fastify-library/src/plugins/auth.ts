import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface MemberClaims {
  sub: string;
  role: 'member' | 'librarian';
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: MemberClaims;
    user: MemberClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    requireLibrarian: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** Wrapped in fastify-plugin so `authenticate` is visible to every sibling and child context. */
export default fp(async function authPlugin(fastify: FastifyInstance) {
  const cookieSecret = process.env.COOKIE_SECRET;
  if (!cookieSecret) throw new Error('COOKIE_SECRET is not set');

  await fastify.register(fastifyCookie, { secret: cookieSecret }); // safe: from the environment
  await fastify.register(fastifyJwt, {
    secret: 'l1br4ry-jwt-s1gn1ng-k3y-9f2c', // $ api-guard/no-hardcoded-secrets
    cookie: { cookieName: 'library_session', signed: true }, // safe: a cookie name
    sign: { expiresIn: '2h' },
  });

  fastify.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify();
    } catch {
      await reply.code(401).send({ error: 'Sign in first' });
    }
  });

  fastify.decorate('requireLibrarian', async (request: FastifyRequest, reply: FastifyReply) => {
    await fastify.authenticate(request, reply);
    if (reply.sent) return;
    if (request.user.role !== 'librarian') await reply.code(403).send({ error: 'Librarians only' });
  });
});
