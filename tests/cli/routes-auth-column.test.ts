/**
 * The AUTH column of `api-guard routes` lists what guards a route, not every chain item whose name
 * sounds like auth: registering `@fastify/jwt` only adds `request.jwtVerify` and decorators, so it
 * belongs with the other chain items, while the hook that calls it is the guard.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRoutes } from '../../src/cli/routes.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { captureIo, makeTempDir } from './helpers.js';

const app = fileURLToPath(new URL('../../examples/fastify-library/', import.meta.url));

interface JsonRoute {
  readonly methods: string[];
  readonly path: string;
  readonly guards: string[];
  readonly posture: string;
}

describe('routes AUTH column', () => {
  it('keeps the @fastify/jwt registration out of the guards and keeps the real guards', async () => {
    const io = captureIo();
    await runRoutes({ cwd: app, paths: ['.'], io, format: 'json' });
    const routes = JSON.parse(io.stdoutText()) as JsonRoute[];
    const byKey = new Map(routes.map((r) => [`${r.methods.join(',')} ${r.path}`, r]));
    expect(routes.flatMap((r) => r.guards).filter((g) => /fastifyJwt/.test(g))).toEqual([]);
    expect(byKey.get('GET /api/catalog/books')?.guards).toEqual(['fastify.authenticate']);
    expect(byKey.get('GET /api/reports/overdue.csv')).toMatchObject({ guards: [], posture: 'unprotected' });
  });

  it('reads the name called, not its arguments: validate(authValidation.login) validates, lusca.xssProtection and express.static do neither', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","dependencies":{"express":"4"}}');
    writeFileSync(
      path.join(dir, 'app.js'),
      `const express = require('express');
const path = require('path');
const lusca = require('lusca');
const { validate, authValidation } = require('./validation');
const app = express();
app.use(lusca.xssProtection(true));
app.use(express.static(path.join(__dirname, 'public')));
app.post('/login', validate(authValidation.login), (req, res) => res.json({ ok: true }));
`,
    );
    const io = captureIo();
    await runRoutes({ cwd: dir, paths: ['.'], io, format: 'json' });
    const [login] = JSON.parse(io.stdoutText()) as (JsonRoute & { validation: string[]; otherChain: string[] })[];
    expect(login).toMatchObject({ guards: [], validation: ['validate(authValidation.login)'] });
  });

  it('keeps body and cookie parsers out of VALIDATION and passport set-up out of AUTH, also when passport is a parameter', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","dependencies":{"express":"4"}}');
    writeFileSync(
      path.join(dir, 'app.js'),
      `const express = require('express');
const bodyParser = require('body-parser');
const cookieParser = require('cookie-parser');
const { validate, schemas } = require('./validation');
module.exports = function configure(app, passport) {
  app.use(bodyParser.json());
  app.use(express.urlencoded({ extended: true }));
  app.use(cookieParser());
  app.use(passport.initialize());
  app.use(passport.session());
  app.post('/notes', validate(schemas.note), (req, res) => res.json({ ok: true }));
};
`,
    );
    const io = captureIo();
    await runRoutes({ cwd: dir, paths: ['.'], io, format: 'json' });
    const [notes] = JSON.parse(io.stdoutText()) as (JsonRoute & { validation: string[] })[];
    expect(notes).toMatchObject({ guards: [], validation: ['validate(schemas.note)'] });
  });

  it('keeps a global exception filter out of AUTH (nestjs-prisma-starter; round-3 triage)', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","dependencies":{"@nestjs/core":"10","nestjs-prisma":"0.23"}}');
    writeFileSync(
      path.join(dir, 'main.ts'),
      `import { Controller, Get, Module, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { PrismaClientExceptionFilter } from 'nestjs-prisma';
@Controller('greet')
class GreetController {
  @Get(':name') greet() { return 'hi'; }
}
@Module({ controllers: [GreetController] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe());
  const { httpAdapter } = app.get(HttpAdapterHost);
  app.useGlobalFilters(new PrismaClientExceptionFilter(httpAdapter));
  await app.listen(3000);
}
void bootstrap();
`,
    );
    const io = captureIo();
    await runRoutes({ cwd: dir, paths: ['.'], io, format: 'json' });
    const [greet] = JSON.parse(io.stdoutText()) as (JsonRoute & { middleware: string[] })[];
    expect(greet).toMatchObject({ guards: [], posture: 'unprotected' });
    expect(greet!.middleware.some((item) => /PrismaClientExceptionFilter/.test(item))).toBe(true);
  });
});
