import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { FastifyInstance } from 'fastify';

interface RegisterBody {
  email: string;
  password: string;
  name: string;
}

const registerSchema = {
  body: {
    type: 'object',
    required: ['email', 'password', 'name'],
    additionalProperties: false,
    properties: {
      email: { type: 'string', format: 'email' },
      password: { type: 'string', minLength: 10 },
      name: { type: 'string', minLength: 1, maxLength: 120 },
    },
  },
} as const;

const loginSchema = {
  body: {
    type: 'object',
    required: ['email', 'password'],
    properties: { email: { type: 'string' }, password: { type: 'string' } },
  },
} as const;

/** Public on purpose: registration, sign-in, password reset. */
export default async function authRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.post<{ Body: RegisterBody }>('/register', { schema: registerSchema }, async (request, reply) => {
    const { password, ...profile } = request.body;
    const member = await fastify.prisma.member.create({ // safe: additionalProperties: false, so Fastify strips unknown keys
      data: { ...profile, passwordHash: await bcrypt.hash(password, 12), cardNumber: randomBytes(6).toString('hex') },
    });
    return reply.code(201).send({ id: member.id, cardNumber: member.cardNumber });
  });

  fastify.post<{ Body: { email: string; password: string } }>('/login', { schema: loginSchema }, async (request, reply) => {
    const member = await fastify.prisma.member.findUnique({ where: { email: request.body.email } });
    if (!member || !(await bcrypt.compare(request.body.password, member.passwordHash))) {
      return reply.code(401).send({ error: 'Wrong email or password' });
    }
    const session = await fastify.prisma.session.create({ data: { memberId: member.id, expiresAt: new Date(Date.now() + 7_200_000) } });
    const token = await reply.jwtSign({ sub: member.id, role: member.role as 'member' | 'librarian' });
    return reply.setCookie('library_session', token, { httpOnly: true, secure: true, sameSite: 'lax', signed: true }).send({ sessionId: session.id });
  });

  fastify.post<{ Body: { email: string } }>('/password-reset', async (request, reply) => {
    fastify.log.info({ email: request.body?.email }, 'password reset requested');
    return reply.code(202).send({ status: 'If that address is registered, a reset link is on its way' });
  });

  // Sign-out from any device; meant for members, but no auth hook runs in this context.
  fastify.route<{ Params: { sessionId: string } }>({ // $ api-guard/require-auth-guard
    method: 'DELETE',
    url: '/sessions/:sessionId',
    handler: async (request, reply) => {
      await fastify.prisma.session.delete({ where: { id: request.params.sessionId } });
      return reply.code(204).send();
    },
  });
}
