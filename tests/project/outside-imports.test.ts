/**
 * A Nest monorepo app whose tsconfig includes only its own `src/` and imports a guard from the
 * shared `libs/` folder, through a `paths` alias or a relative path: the guard is read as context,
 * so the route is protected, not `unknown` behind an "unreadable package".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoutes } from '../../src/cli/routes.js';
import { captureIo, makeTempDir } from '../cli/helpers.js';

const GUARD = `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class HeaderCheck implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest().headers.authorization) throw new UnauthorizedException();
    return true;
  }
}
`;

function app(importPath: string): string {
  return `import { Controller, Delete, Module, Param, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HeaderCheck } from '${importPath}';
@Controller('cats')
@UseGuards(HeaderCheck)
class CatsController {
  @Delete(':id')
  remove(@Param('id') id: string) { return id; }
}
@Module({ controllers: [CatsController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`;
}

async function postureOf(importPath: string): Promise<string> {
  const root = makeTempDir();
  mkdirSync(path.join(root, 'apps/api/src'), { recursive: true });
  mkdirSync(path.join(root, 'libs/auth'), { recursive: true });
  writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { experimentalDecorators: true, baseUrl: './', paths: { 'libs/*': ['./libs/*'] } } }));
  writeFileSync(path.join(root, 'apps/api/tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['src/**/*'] }));
  writeFileSync(path.join(root, 'apps/api/src/main.ts'), app(importPath));
  writeFileSync(path.join(root, 'libs/auth/jwt.guard.ts'), GUARD);
  const io = captureIo();
  // Only the app folder is scanned: the library is outside both the target and the app's `include`.
  await runRoutes({ cwd: root, paths: ['apps/api'], io, format: 'json' });
  const [route] = JSON.parse(io.stdoutText()) as { posture: string }[];
  return route!.posture;
}

describe('imports from outside the tsconfig include', () => {
  it('reads a guard imported through a paths alias', async () => {
    expect(await postureOf('libs/auth/jwt.guard')).toBe('protected');
  });

  it('reads a guard imported through a relative path', async () => {
    expect(await postureOf('../../../libs/auth/jwt.guard')).toBe('protected');
  });
});
