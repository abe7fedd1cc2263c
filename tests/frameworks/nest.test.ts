/**
 * The Nest adapter: per-file facts (controllers, routes, enhancers, public markers, globals), and
 * routes resolved per application in project mode (module graph, RouterModule, global prefix,
 * versioning, global guards that honour public markers, middleware, completeness).
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nestAdapter, collectNestFacts } from '../../src/frameworks/nest.js';
import { FRAMEWORK_ADAPTERS } from '../../src/frameworks/index.js';
import { matchesRoutePattern } from '../../src/frameworks/nest-routes.js';
import { getRoutePosture } from '../../src/model/posture.js';
import type { RouteFact, RouterFact } from '../../src/model/facts.js';
import { createNestProject, describeRoute, loadNestProjectFromDisk, nestMonorepoRoot, parseNestFile, resolveNestFile } from './nest-projects.js';

const fileScope = { ts };

function routesOf(router: RouterFact): RouteFact[] {
  return router.steps.flatMap((s) => (s.kind === 'route' ? [s.route] : []));
}

function decoratorLine(file: ts.SourceFile, route: RouteFact): number {
  return file.getLineAndCharacterOfPosition(route.reportNode.getStart(file)).line + 1;
}

describe('nest adapter: registration', () => {
  it('is registered with the framework adapters', () => {
    expect(FRAMEWORK_ADAPTERS).toContain(nestAdapter);
    expect(nestAdapter.framework).toBe('nest');
  });
});

describe('nest adapter: per-file facts', () => {
  it('turns a controller into a router with its prefix and one route per route method', () => {
    const file = parseNestFile(`
import { Controller, Get, Post, Delete, Param } from '@nestjs/common';

@Controller('users')
export class UsersController {
  @Get()
  list() {}

  @Get(':id')
  get(@Param('id') id: string) {}

  @Post()
  create() {}

  @Delete(':id')
  remove() {}

  helper() {}
}
`);
    const facts = collectNestFacts(fileScope, file);
    expect(facts.routers).toHaveLength(1);
    const router = facts.routers[0]!;
    expect(router).toMatchObject({ framework: 'nest', kind: 'controller', name: 'UsersController', prefix: 'users', isRoot: false });
    expect(router.exportedAs).toEqual(['UsersController']);
    const routes = routesOf(router);
    expect(routes.map((r) => `${r.methods.join()} ${r.path}`)).toEqual(['GET ', 'GET :id', 'POST ', 'DELETE :id']);
    expect(routes.map((r) => decoratorLine(file, r))).toEqual([6, 9, 12, 15]);
    expect(ts.isDecorator(routes[0]!.reportNode)).toBe(true);
    expect(routes.every((r) => r.routerId === router.id)).toBe(true);
  });

  it('keeps class-level enhancers as a controller use step and method-level ones in the route chain', () => {
    const file = parseNestFile(`
import { Controller, Get, Post, UseGuards, UsePipes, UseInterceptors, UseFilters, ValidationPipe } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard } from './roles.guard';
import { AuditInterceptor } from './audit.interceptor';
import { HttpErrorFilter } from './http-error.filter';

@Controller('orders')
@UseGuards(AuthGuard('jwt'))
@UseInterceptors(AuditInterceptor)
export class OrdersController {
  @Post()
  @UseGuards(RolesGuard)
  @UsePipes(new ValidationPipe({ whitelist: true }))
  @UseFilters(HttpErrorFilter)
  create() {}

  @Get()
  list() {}
}
`);
    const router = collectNestFacts(fileScope, file).routers[0]!;
    const use = router.steps[0]!;
    expect(use.kind).toBe('use');
    expect(use.kind === 'use' && use.items.map((i) => `${i.role}:${i.text}`)).toEqual(['guard:AuthGuard(\'jwt\')', 'interceptor:AuditInterceptor']);
    const [create, list] = routesOf(router);
    expect(create!.chain.map((i) => `${i.role}:${i.text}`)).toEqual(['guard:RolesGuard', 'pipe:ValidationPipe', 'filter:HttpErrorFilter']);
    expect(list!.chain).toEqual([]);
  });

  it('records public markers of the class and the method, defined here or imported', () => {
    const file = parseNestFile(`
import { Controller, Get, Post, SetMetadata } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';

const AllowAnonymous = () => SetMetadata('allowAnonymous', true);
const Roles = (...roles: string[]) => SetMetadata('roles', roles);

@Controller('catalog')
export class CatalogController {
  @Public()
  @Get()
  browse() {}

  @AllowAnonymous()
  @Get('featured')
  featured() {}

  @SetMetadata('isPublic', true)
  @Get('promo')
  promo() {}

  @SkipThrottle()
  @Get('export')
  exportAll() {}

  @SetMetadata('isPublic', false)
  @Get('hidden')
  hidden() {}

  @Roles('admin')
  @Post()
  create() {}
}

@Public()
@Controller('docs')
export class DocsController {
  @Get()
  index() {}
}
`);
    const [catalog, docs] = collectNestFacts(fileScope, file).routers;
    expect(routesOf(catalog!).map((r) => r.publicMarkers)).toEqual([
      ['@Public()'],
      ['@AllowAnonymous()'],
      ["@SetMetadata('isPublic', true)"],
      [],
      [],
      [],
    ]);
    expect(routesOf(docs!)[0]!.publicMarkers).toEqual(['@Public()']);
  });

  it('expands composed decorators written in the same file', () => {
    const file = parseNestFile(`
import { applyDecorators, Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { JwtAuthGuard } from './jwt-auth.guard';
import { AdminGuard } from './admin.guard';

export function AdminOnly() {
  return applyDecorators(ApiBearerAuth(), UseGuards(JwtAuthGuard, AdminGuard));
}

@Controller('admin')
export class AdminController {
  @AdminOnly()
  @Get('stats')
  stats() {}
}
`);
    const route = routesOf(collectNestFacts(fileScope, file).routers[0]!)[0]!;
    expect(route.chain.map((i) => `${i.role}:${i.text}`)).toEqual(['guard:JwtAuthGuard', 'guard:AdminGuard']);
  });

  it('keeps an unreadable auth-sounding decorator as a possible guard, and ignores other unreadable ones', () => {
    const file = parseNestFile(`
import { Controller, Get, Post } from '@nestjs/common';
import { Auth } from '@acme/nest-auth';
import { Cached } from '@acme/nest-cache';
import { ApiOperation } from '@nestjs/swagger';

@Controller('reports')
export class ReportsController {
  @Auth('analyst')
  @Get()
  list() {}

  @Cached(60)
  @ApiOperation({ summary: 'Export' })
  @Post('export')
  exportAll() {}
}
`);
    const [list, exportAll] = routesOf(collectNestFacts(fileScope, file).routers[0]!);
    expect(list!.chain.map((i) => `${i.role}:${i.text}`)).toEqual(["guard:Auth('analyst')"]);
    expect(exportAll!.chain).toEqual([]);
  });

  it('reads paths: arrays, constants, enums, controller options and namespace imports', () => {
    const file = parseNestFile(`
import * as common from '@nestjs/common';

const ROUTES = { invoices: 'billing/invoices' } as const;
enum Segment { Pdf = 'pdf' }
const BASE = 'v2';

@common.Controller({ path: ROUTES.invoices, version: '2' })
export class InvoicesController {
  @common.Get(['', 'all'])
  list() {}

  @common.Get(\`:id/\${Segment.Pdf}\`)
  pdf() {}

  @common.Post(BASE + '/bulk')
  bulk() {}

  @common.Get(computePath())
  dynamic() {}
}
declare function computePath(): string;
`);
    const router = collectNestFacts(fileScope, file).routers[0]!;
    expect(router.prefix).toBe('billing/invoices');
    expect(routesOf(router).map((r) => r.path)).toEqual(['', ':id/pdf', 'v2/bulk', undefined]);
    expect(resolveNestFile(fileScope, file).map((r) => r.fullPath)).toEqual([
      '/billing/invoices',
      '/billing/invoices/:id/pdf',
      '/billing/invoices/v2/bulk',
      '/billing/invoices/?',
    ]);
  });

  it('reads paths from members of nested constant objects', () => {
    const file = parseNestFile(`
import { Controller, Delete, Get } from '@nestjs/common';
const usersRoot = 'users';
export const routesV1 = { version: 'v1', user: { root: usersRoot, delete: \`/\${usersRoot}/:id\` } };
@Controller(routesV1.version)
export class UsersController {
  @Get(routesV1.user.root)
  list() {}
  @Delete(routesV1.user.delete)
  remove() {}
  @Get(routesV1.user.missing)
  other() {}
}
`);
    expect(resolveNestFile(fileScope, file).map((r) => r.fullPath)).toEqual(['/v1/users', '/v1/users/:id', '/v1/?']);
  });

  it('ignores classes that are not Nest controllers (routing-controllers, undecorated)', () => {
    const file = parseNestFile(`
import { Controller, Get } from 'routing-controllers';

@Controller('/legacy')
export class LegacyController {
  @Get('/items')
  items() {}
}

export class PlainService {
  get() {}
}
`);
    expect(collectNestFacts(fileScope, file).routers).toEqual([]);
  });

  it('emits global facts for APP_* providers, useGlobal* calls and setGlobalPrefix', () => {
    const file = parseNestFile(`
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, NestFactory, Reflector } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { TimingInterceptor } from './timing.interceptor';
import { RolesGuard } from './roles.guard';

@Module({
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true }) },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_INTERCEPTOR, useFactory: () => new TimingInterceptor() },
  ],
})
export class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  app.useGlobalGuards(new RolesGuard(app.get(Reflector)));
  await app.listen(3000);
}
void bootstrap();
`);
    const globals = collectNestFacts(fileScope, file).globals;
    expect(globals.map((g) => `${g.kind} ${g.via} ${g.item?.text ?? g.prefix}`)).toEqual([
      'guard APP_GUARD JwtAuthGuard',
      'pipe APP_PIPE ValidationPipe',
      'filter APP_FILTER AllExceptionsFilter',
      'interceptor APP_INTERCEPTOR TimingInterceptor',
      'guard useGlobalGuards RolesGuard',
      'prefix setGlobalPrefix api',
    ]);
  });

  it('resolves routes as incomplete in per-file mode, with only the file\'s own chain', () => {
    const file = parseNestFile(`
import { Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Controller('me')
@UseGuards(AuthGuard('jwt'))
export class MeController {
  @Get()
  me() {}
}

@Controller('open')
export class OpenController {
  @Get()
  open() {}
}
`);
    const routes = resolveNestFile(fileScope, file);
    expect(routes.map(describeRoute)).toEqual([
      "L8 GET /me incomplete [controller:guard:AuthGuard('jwt')] markers: -",
      'L14 GET /open incomplete [] markers: -',
    ]);
    expect(routes[1]!.incompleteReason).toBe('global guards and pipes are registered in another file (per-file mode)');
  });

  it('proves a single-file application complete when its whole module graph is in the file', () => {
    const app = (imports: string): string[] =>
      resolveNestFile(
        fileScope,
        parseNestFile(`
import { Controller, Delete, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { PrismaModule } from 'nestjs-prisma';
import { AuthModule } from './auth.module';

@Controller('jobs')
class JobsController {
  @Delete(':id')
  remove() {}
}

@Module({ imports: [${imports}], controllers: [JobsController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  await app.listen(3000);
}
void bootstrap();
`),
      ).map((r) => `${describeRoute(r)}${r.incompleteReason ? ` (${r.incompleteReason})` : ''}`);
    expect(app('ConfigModule.forRoot()')).toEqual(['L10 DELETE /api/jobs/:id complete [] markers: -']);
    expect(app('ConfigModule.forRoot(), AuthModule')).toEqual([
      'L10 DELETE /api/jobs/:id incomplete [] markers: - (the application imports modules from other files (per-file mode))',
    ]);
    expect(app('PrismaModule')).toEqual([
      'L10 DELETE /api/jobs/:id incomplete [] markers: - (the application imports modules from other files (per-file mode))',
    ]);
  });

  it('stops following long chains of composed decorators and constants instead of overflowing', () => {
    const count = 5_000;
    const decorators = Array.from({ length: count }, (_, i) => `const D${i + 1} = () => ${i === 0 ? 'UseGuards(AuthGuard)' : `D${i}()`};`).join('\n');
    const constants = Array.from({ length: count }, (_, i) => `const P${i + 1} = ${i === 0 ? "'deep'" : `P${i}`};`).join('\n');
    const file = parseNestFile(`
import { Controller, Get, UseGuards } from '@nestjs/common';
${decorators}
${constants}
@Controller(P3)
export class DeepController {
  @D3()
  @D${count}()
  @Get(P${count})
  deep() {}
}
`);
    const [route] = resolveNestFile(fileScope, file);
    expect(route!.fullPath).toBe('/deep/?');
    expect(route!.chain.map((c) => c.text)).toEqual(['AuthGuard']);
  });
});

describe('nest adapter: applications in project mode', () => {
  it('puts APP_GUARD from an imported module and useGlobalGuards into every route chain at level global', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalGuards(new ThrottlerGuard());
  await app.listen(3000);
}
void bootstrap();
`,
      '/repo/src/app.module.ts': `
import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { UsersModule } from './users/users.module';
@Module({ imports: [AuthModule, UsersModule] })
export class AppModule {}
`,
      '/repo/src/auth/auth.module.ts': `
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
@Module({ providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })
export class AuthModule {}
`,
      '/repo/src/auth/jwt-auth.guard.ts': `
import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {}
`,
      '/repo/src/users/users.module.ts': `
import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
@Module({ controllers: [UsersController] })
export class UsersModule {}
`,
      '/repo/src/users/users.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  list() {}
}
`,
    });
    const routes = resolveNestFile(project.scope, project.file('/repo/src/users/users.controller.ts'));
    expect(routes.map(describeRoute)).toEqual(['L5 GET /users complete [global:guard:ThrottlerGuard, global:guard:JwtAuthGuard] markers: -']);
    expect(routes[0]!.chain[1]!.file.fileName).toBe('/repo/src/auth/auth.module.ts');
    expect(routes[0]!.mountedAt).toHaveLength(1);
  });

  it('marks a global guard bypassed only when it reads the marker key with the Reflector', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
      '/repo/src/app.module.ts': `
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ApiKeyGuard } from './auth/api-key.guard';
import { StatusController } from './status.controller';
@Module({
  controllers: [StatusController],
  providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }, { provide: APP_GUARD, useClass: ApiKeyGuard }],
})
export class AppModule {}
`,
      '/repo/src/auth/keys.ts': `export const IS_PUBLIC_KEY = 'isPublic';`,
      '/repo/src/auth/public.decorator.ts': `
import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_KEY } from './keys';
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
`,
      '/repo/src/auth/jwt-auth.guard.ts': `
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from './keys';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private reflector: Reflector) { super(); }
  canActivate(context: ExecutionContext) {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }
}
`,
      '/repo/src/auth/api-key.guard.ts': `
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest().headers['x-api-key'] === process.env.API_KEY;
  }
}
`,
      '/repo/src/status.controller.ts': `
import { Controller, Get } from '@nestjs/common';
import { Public } from './auth/public.decorator';
@Controller('status')
export class StatusController {
  @Public()
  @Get()
  status() {}

  @Get('private')
  secret() {}
}
`,
    });
    const routes = resolveNestFile(project.scope, project.file('/repo/src/status.controller.ts'));
    expect(routes.map(describeRoute)).toEqual([
      'L7 GET /status complete [global:guard:JwtAuthGuard (bypassed by @Public()), global:guard:ApiKeyGuard] markers: @Public()',
      'L10 GET /status/private complete [global:guard:JwtAuthGuard, global:guard:ApiKeyGuard] markers: -',
    ]);
  });

  it('honours Reflector.createDecorator markers, and conventional markers for guards it cannot read', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
      '/repo/src/app.module.ts': `
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionGuard } from './session.guard';
import { VendorGuard } from '@vendor/nest-auth';
import { PagesController } from './pages.controller';
@Module({
  controllers: [PagesController],
  providers: [{ provide: APP_GUARD, useClass: SessionGuard }, { provide: APP_GUARD, useClass: VendorGuard }],
})
export class AppModule {}
`,
      '/repo/src/open.decorator.ts': `
import { Reflector } from '@nestjs/core';
export const PublicPage = Reflector.createDecorator<boolean>();
`,
      '/repo/src/session.guard.ts': `
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PublicPage } from './open.decorator';
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.get(PublicPage, context.getHandler())) return true;
    return Boolean(context.switchToHttp().getRequest().session?.userId);
  }
}
`,
      '/repo/src/pages.controller.ts': `
import { Controller, Get, SetMetadata } from '@nestjs/common';
import { PublicPage } from './open.decorator';
export const IS_PUBLIC_KEY = 'isPublic';
@Controller('pages')
export class PagesController {
  @PublicPage()
  @Get('about')
  about() {}

  @SetMetadata(IS_PUBLIC_KEY, true)
  @Get('terms')
  terms() {}
}
`,
    });
    const routes = resolveNestFile(project.scope, project.file('/repo/src/pages.controller.ts'));
    expect(routes.map(describeRoute)).toEqual([
      'L8 GET /pages/about complete [global:guard:SessionGuard (bypassed by @PublicPage()), global:guard:VendorGuard] markers: @PublicPage()',
      "L12 GET /pages/terms complete [global:guard:SessionGuard, global:guard:VendorGuard (bypassed by @SetMetadata(IS_PUBLIC_KEY, true))] markers: @SetMetadata(IS_PUBLIC_KEY, true)",
    ]);
  });

  it('gives each application its own globals: a monorepo app without a global auth guard stays without', () => {
    const project = createNestProject({
      '/repo/apps/api/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
async function bootstrap() { const app = await NestFactory.create(ApiModule); app.setGlobalPrefix('api'); await app.listen(3000); }
void bootstrap();
`,
      '/repo/apps/api/src/api.module.ts': `
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { ItemsController } from './items.controller';
@Module({ controllers: [ItemsController], providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] })
export class ApiModule {}
`,
      '/repo/apps/api/src/jwt-auth.guard.ts': `export class JwtAuthGuard {}`,
      '/repo/apps/api/src/items.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('items')
export class ItemsController { @Get() list() {} }
`,
      '/repo/apps/admin/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { AdminModule } from './admin.module';
async function bootstrap() { const app = await NestFactory.create(AdminModule); app.setGlobalPrefix('admin'); await app.listen(3001); }
void bootstrap();
`,
      '/repo/apps/admin/src/admin.module.ts': `
import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
@Module({ controllers: [ReportsController] })
export class AdminModule {}
`,
      '/repo/apps/admin/src/reports.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('reports')
export class ReportsController { @Get() list() {} }
`,
    });
    expect(resolveNestFile(project.scope, project.file('/repo/apps/api/src/items.controller.ts')).map(describeRoute)).toEqual([
      'L4 GET /api/items complete [global:guard:JwtAuthGuard] markers: -',
    ]);
    expect(resolveNestFile(project.scope, project.file('/repo/apps/admin/src/reports.controller.ts')).map(describeRoute)).toEqual([
      'L4 GET /admin/reports complete [] markers: -',
    ]);
  });

  it('adds RouterModule paths (with children), the global prefix unless excluded, and URI versions', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { RequestMethod, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }, 'metrics/(.*)'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  await app.listen(3000);
}
void bootstrap();
`,
      '/repo/src/app.module.ts': `
import { Module } from '@nestjs/common';
import { RouterModule, Routes } from '@nestjs/core';
import { AdminModule } from './admin/admin.module';
import { UsersModule } from './admin/users.module';
import { HealthController } from './health.controller';
const routes: Routes = [{ path: 'admin', module: AdminModule, children: [{ path: 'people', module: UsersModule }] }];
@Module({ imports: [AdminModule, UsersModule, RouterModule.register(routes)], controllers: [HealthController] })
export class AppModule {}
`,
      '/repo/src/admin/admin.module.ts': `
import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
@Module({ controllers: [DashboardController] })
export class AdminModule {}
`,
      '/repo/src/admin/users.module.ts': `
import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
@Module({ controllers: [PeopleController] })
export class UsersModule {}
`,
      '/repo/src/admin/dashboard.controller.ts': `
import { Controller, Get, Version } from '@nestjs/common';
@Controller('dashboard')
export class DashboardController {
  @Get()
  index() {}

  @Version('2')
  @Get('stats')
  stats() {}
}
`,
      '/repo/src/admin/people.controller.ts': `
import { Controller, Delete } from '@nestjs/common';
@Controller(['people-v1', 'persons'])
export class PeopleController { @Delete(':id') remove() {} }
`,
      '/repo/src/health.controller.ts': `
import { Controller, Get, Post, VERSION_NEUTRAL } from '@nestjs/common';
@Controller({ version: VERSION_NEUTRAL })
export class HealthController {
  @Get('health') health() {}
  @Post('health') poke() {}
  @Get('metrics/cpu') cpu() {}
}
`,
    });
    const paths = (name: string): string[] => resolveNestFile(project.scope, project.file(name)).map((r) => `${r.methods[0]} ${r.fullPath}`);
    expect(paths('/repo/src/admin/dashboard.controller.ts')).toEqual(['GET /api/v1/admin/dashboard', 'GET /api/v2/admin/dashboard/stats']);
    expect(paths('/repo/src/admin/people.controller.ts')).toEqual(['DELETE /api/v1/admin/people/people-v1/:id']);
    expect(paths('/repo/src/health.controller.ts')).toEqual(['GET /health', 'POST /api/health', 'GET /metrics/cpu']);
  });

  it('follows dynamic modules per static method: forRoot() brings APP_GUARD, forFeature() does not', () => {
    const shared = {
      '/repo/libs/auth/auth.module.ts': `
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
@Module({})
export class AuthModule {
  static forRoot(): DynamicModule {
    return { module: AuthModule, providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] };
  }
  static forFeature(): DynamicModule {
    return { module: AuthModule, providers: [] };
  }
}
`,
      '/repo/libs/auth/jwt-auth.guard.ts': `export class JwtAuthGuard {}`,
      '/repo/src/things.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('things')
export class ThingsController { @Get() list() {} }
`,
    };
    const app = (method: string): string[] => {
      const project = createNestProject({
        ...shared,
        '/repo/src/main.ts': `
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '../libs/auth/auth.module';
import { ThingsController } from './things.controller';
@Module({ imports: [AuthModule.${method}()], controllers: [ThingsController] })
class AppModule {}
void NestFactory.create(AppModule).then(() => undefined);
`,
      });
      return resolveNestFile(project.scope, project.file('/repo/src/things.controller.ts')).map(describeRoute);
    };
    expect(app('forRoot')).toEqual(['L4 GET /things incomplete [global:guard:JwtAuthGuard] markers: -']);
    expect(app('forFeature')).toEqual(['L4 GET /things incomplete [] markers: -']);
  });

  it('reads bootstrap helpers and callers of a function that returns the application; unread uses make it incomplete', () => {
    const files = {
      '/repo/src/app.module.ts': `
import { Module } from '@nestjs/common';
import { OrdersController } from './orders.controller';
@Module({ controllers: [OrdersController] })
export class AppModule {}
`,
      '/repo/src/orders.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('orders')
export class OrdersController { @Get() list() {} }
`,
      '/repo/src/setup.ts': `
import { INestApplication } from '@nestjs/common';
import { SessionGuard } from './session.guard';
export function configure(app: INestApplication): void {
  app.setGlobalPrefix('v1');
  app.useGlobalGuards(new SessionGuard());
}
`,
    };
    const withHelper = createNestProject({
      ...files,
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { configure } from './setup';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  configure(app);
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  await app.listen(3000);
}
void bootstrap();
`,
    });
    expect(resolveNestFile(withHelper.scope, withHelper.file('/repo/src/orders.controller.ts')).map(describeRoute)).toEqual([
      'L4 GET /v1/orders complete [global:guard:SessionGuard] markers: -',
    ]);

    const returned = (main: string, server: string): string[] =>
      (() => {
        const project = createNestProject({ ...files, '/repo/src/main.ts': main, '/repo/src/server.ts': server });
        return resolveNestFile(project.scope, project.file('/repo/src/orders.controller.ts')).map(
          (r) => `${describeRoute(r)}${r.incompleteReason ? ` (${r.incompleteReason})` : ''}`,
        );
      })();
    const createApp = `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
export async function createApp() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('v2');
  return app;
}
`;
    // The caller holds the application and adds a guard: read like the bootstrap itself.
    expect(
      returned(
        createApp,
        `
import { createApp } from './main';
import { TokenGuard } from './token.guard';
async function start() {
  const server = await createApp();
  server.useGlobalGuards(new TokenGuard());
  await server.listen(3000);
}
void start();
`,
      ),
    ).toEqual(['L4 GET /v2/orders complete [global:guard:TokenGuard] markers: -']);
    // The caller passes it on to something the analysis cannot read.
    expect(
      returned(
        createApp,
        `
import { createApp } from './main';
import { registerEverything } from 'internal-platform';
void createApp().then((app) => registerEverything(app));
`,
      ),
    ).toEqual(['L4 GET /v2/orders incomplete [] markers: - (the application escapes at main.ts:7)']);
  });

  it('reads a bootstrap helper that is an anonymous default export, a function or an arrow; per file it stays unread', () => {
    const main = `
import { Controller, Delete, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import init from './init';
@Controller('items')
class ItemsController { @Delete(':id') remove(@Param('id') id: string) {} }
@Module({ controllers: [ItemsController] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await init(app);
  await app.listen(3000);
}
void bootstrap();
`;
    const withInit = (init: string): string[] => {
      const project = createNestProject({ '/repo/src/main.ts': main, '/repo/src/init.ts': init });
      return resolveNestFile(project.scope, project.file('/repo/src/main.ts')).map(
        (r) => `${describeRoute(r)}${r.incompleteReason ? ` (${r.incompleteReason})` : ''}`,
      );
    };
    // ack-nestjs-boilerplate's src/init.ts: nothing in it adds a guard, so the chain is known and empty.
    expect(
      withInit(`
import type { INestApplication } from '@nestjs/common';
export default async function (app: INestApplication): Promise<void> {
  app.enableShutdownHooks();
}
`),
    ).toEqual(['L6 DELETE /items/:id complete [] markers: -']);
    expect(
      withInit(`
import type { INestApplication } from '@nestjs/common';
import { SessionGuard } from './session.guard';
export default (app: INestApplication) => {
  app.setGlobalPrefix('v3');
  app.useGlobalGuards(new SessionGuard());
};
`),
    ).toEqual(['L6 DELETE /v3/items/:id complete [global:guard:SessionGuard] markers: -']);
    // Per file, init.ts is not read: it may add a global guard.
    expect(resolveNestFile(fileScope, parseNestFile(main, '/repo/src/main.ts')).map((r) => `${describeRoute(r)} (${r.incompleteReason})`)).toEqual([
      'L6 DELETE /items/:id incomplete [] markers: - (the application is passed to init, which was not read)',
    ]);
  });

  it('keeps a global prefix it cannot read as `?` whatever its options, and `exclude: [\'/\']` leaves out the root route only', () => {
    const paths = (prefixCall: string): string[] => {
      const project = createNestProject({
        '/repo/src/main.ts': `
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
@Controller()
class HomeController { @Get() home() {} }
@Controller('users')
class UsersController { @Get() list() {} }
@Module({ controllers: [HomeController, UsersController] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${prefixCall};
  await app.listen(3000);
}
void bootstrap();
`,
      });
      return resolveNestFile(project.scope, project.file('/repo/src/main.ts')).map((r) => `${r.methods[0]} ${r.fullPath} base=${r.basePath ?? '-'}`);
    };
    // brocoders/nestjs-boilerplate: an environment prefix with an exclusion.
    expect(paths(`app.setGlobalPrefix(process.env.API_PREFIX || 'api', { exclude: ['/'] })`)).toEqual(['GET / base=-', 'GET /?/users base=/?']);
    expect(paths(`app.setGlobalPrefix(process.env.API_PREFIX || 'api')`)).toEqual(['GET /? base=/?', 'GET /?/users base=/?']);
    expect(paths(`app.setGlobalPrefix('api', { exclude: ['/'] })`)).toEqual(['GET / base=-', 'GET /api/users base=/api']);
    expect(paths(`app.setGlobalPrefix('api', { exclude: ['users'] })`)).toEqual(['GET /api base=/api', 'GET /users base=-']);
    expect(paths(`app.setGlobalPrefix('/api/')`)).toEqual(['GET /api base=/api', 'GET /api/users base=/api']);
  });

  it('is incomplete when providers of the application could not be read (an APP_GUARD may hide there)', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { buildSecurityProviders } from './security';
import { ExportsController } from './exports.controller';
@Module({ controllers: [ExportsController], providers: [...buildSecurityProviders()] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
      '/repo/src/security.ts': `export function buildSecurityProviders() { return []; }`,
      '/repo/src/exports.controller.ts': `
import { Controller, Post } from '@nestjs/common';
@Controller('exports')
export class ExportsController { @Post() create() {} }
`,
    });
    const [route] = resolveNestFile(project.scope, project.file('/repo/src/exports.controller.ts'));
    expect(route!.complete).toBe(false);
    expect(route!.incompleteReason).toBe('the providers of AppModule could not be read; one may be an APP_GUARD');
  });

  it('reads providers of a dynamic module spread from conditionals and from local lists nothing adds to', () => {
    const routeOf = (register: string): string[] => {
      const project = createNestProject({
        '/repo/src/main.ts': `
import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
class GoogleStrategy {}
class JwtStrategy {}
class JwtAuthGuard {}
@Controller('onboarding')
export class OnboardingController { @Post('config') save() {} }
@Module({})
class AuthModule {
  static register(enabled: boolean, extra: unknown[]) {
    ${register}
  }
}
@Module({ imports: [AuthModule.register(true, [])], controllers: [OnboardingController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
      });
      return resolveNestFile(project.scope, project.file('/repo/src/main.ts')).map((route) => `${route.complete ? 'complete' : (route.incompleteReason ?? 'incomplete')} [${route.chain.map((c) => c.text).join(', ')}]`);
    };
    expect(routeOf(`const providers = [...(enabled ? [GoogleStrategy] : [])];
    return { module: AuthModule, providers: [...providers, JwtStrategy] };`)).toEqual(['complete []']);
    // A global guard only one branch registers is not known to be there.
    expect(routeOf(`return { module: AuthModule, providers: [...(enabled ? [{ provide: APP_GUARD, useClass: JwtAuthGuard }] : []), JwtStrategy] };`)).toEqual([
      'the providers of AuthModule could not be read; one may be an APP_GUARD []',
    ]);
    // A list something adds to, or one given by the caller, stays unread.
    expect(routeOf(`const providers = [JwtStrategy];
    if (enabled) providers.push(GoogleStrategy);
    return { module: AuthModule, providers: [...providers] };`)).toEqual(['the providers of AuthModule could not be read; one may be an APP_GUARD []']);
    expect(routeOf(`return { module: AuthModule, providers: [...extra, JwtStrategy] };`)).toEqual(['the providers of AuthModule could not be read; one may be an APP_GUARD []']);
  });

  it('is incomplete for a controller no application registers', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
@Module({})
class AppModule {}
void NestFactory.create(AppModule);
`,
      '/repo/src/orphan.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('orphan')
export class OrphanController { @Get() list() {} }
`,
    });
    const [route] = resolveNestFile(project.scope, project.file('/repo/src/orphan.controller.ts'));
    expect(route!.complete).toBe(false);
    expect(route!.incompleteReason).toBe('no Nest application found registers this controller');
  });

  it('applies consumer middleware to the controllers and paths it names, minus exclusions', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiKeyMiddleware } from './api-key.middleware';
import { FeedController } from './feed.controller';
import { OtherController } from './other.controller';
@Module({ controllers: [FeedController, OtherController] })
class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(ApiKeyMiddleware).exclude({ path: 'feed/public', method: RequestMethod.GET }).forRoutes(FeedController, 'other/*');
  }
}
void NestFactory.create(AppModule);
`,
      '/repo/src/api-key.middleware.ts': `export class ApiKeyMiddleware { use() {} }`,
      '/repo/src/feed.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('feed')
export class FeedController {
  @Get() list() {}
  @Get('public') open() {}
}
`,
      '/repo/src/other.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller()
export class OtherController {
  @Get('other/x') x() {}
  @Get('elsewhere') y() {}
}
`,
    });
    const chains = (name: string): string[][] =>
      resolveNestFile(project.scope, project.file(name)).map((r) => r.chain.map((c) => `${c.level}:${c.role}:${c.text}`));
    expect(chains('/repo/src/feed.controller.ts')).toEqual([['app:middleware:ApiKeyMiddleware'], []]);
    expect(chains('/repo/src/other.controller.ts')).toEqual([['app:middleware:ApiKeyMiddleware'], []]);
  });

  it('reads the controllers of a list spread into forRoutes(...) (postiz; round-3 triage)', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthMiddleware } from './auth.middleware';
import { FeedController } from './feed.controller';
import { OtherController } from './other.controller';
const authenticatedControllers = [FeedController];
@Module({ controllers: [OtherController, ...authenticatedControllers] })
class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(AuthMiddleware).forRoutes(...authenticatedControllers);
  }
}
void NestFactory.create(AppModule);
`,
      '/repo/src/auth.middleware.ts': `export class AuthMiddleware { use() {} }`,
      '/repo/src/feed.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('feed')
export class FeedController {
  @Get() list() {}
}
`,
      '/repo/src/other.controller.ts': `
import { Controller, Post } from '@nestjs/common';
@Controller('public')
export class OtherController {
  @Post('signup') signup() {}
}
`,
    });
    const chains = (name: string): string[][] =>
      resolveNestFile(project.scope, project.file(name)).map((r) => r.chain.map((c) => `${c.level}:${c.role}:${c.text}`));
    expect(chains('/repo/src/feed.controller.ts')).toEqual([['app:middleware:AuthMiddleware']]);
    expect(chains('/repo/src/other.controller.ts')).toEqual([[]]);
  });

  it('leaves out of consumer middleware only the root route for `exclude(\'/\')`', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { Controller, Get, MiddlewareConsumer, Module, NestModule, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiKeyMiddleware } from './api-key.middleware';
@Controller()
class HomeController {
  @Get() home() {}
  @Post('jobs') run() {}
}
@Module({ controllers: [HomeController] })
class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(ApiKeyMiddleware).exclude('/').forRoutes('*');
  }
}
void NestFactory.create(AppModule);
`,
      '/repo/src/api-key.middleware.ts': `export class ApiKeyMiddleware { use() {} }`,
    });
    const chains = resolveNestFile(project.scope, project.file('/repo/src/main.ts')).map((r) => `${r.methods[0]} ${r.fullPath} [${r.chain.map((c) => c.text).join(', ')}]`);
    expect(chains).toEqual(['GET / []', 'POST /jobs [ApiKeyMiddleware]']);
  });

  it('treats an auth module of a non-Nest package as a possible global guard', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { KeycloakConnectModule } from 'nest-keycloak-connect';
import { ToolsController } from './tools.controller';
@Module({ imports: [ConfigModule.forRoot(), KeycloakConnectModule.register({ realm: 'ops' })], controllers: [ToolsController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
      '/repo/src/tools.controller.ts': `
import { Controller, Get } from '@nestjs/common';
@Controller('tools')
export class ToolsController { @Get() list() {} }
`,
    });
    const [route] = resolveNestFile(project.scope, project.file('/repo/src/tools.controller.ts'));
    expect(route!.chain).toHaveLength(1);
    expect(route!.chain[0]).toMatchObject({ level: 'global', role: 'guard', opaque: expect.stringContaining('KeycloakConnectModule from nest-keycloak-connect') });
  });
});

describe('nest adapter: posture of the global prefix\'s root', () => {
  const postures = (prefixCall: string): string[] => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
@Controller()
class AppController { @Get() root() { return 'Hello World!'; } }
@Controller('admin')
class AdminController { @Get() index() {} }
@Module({ controllers: [AppController, AdminController] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${prefixCall};
  await app.listen(3000);
}
void bootstrap();
`,
    });
    return resolveNestFile(project.scope, project.file('/repo/src/main.ts')).map((r) => {
      const posture = getRoutePosture(project.index, r);
      return `${r.methods[0]} ${r.fullPath} ${posture.posture}: ${posture.evidence}`;
    });
  };

  it('treats the root under a global prefix as the site root; other routes under it are judged as before', () => {
    // lujakob/nestjs-realworld-example-app: GET /api says hello.
    expect(postures(`app.setGlobalPrefix('api')`)).toEqual([
      'GET /api public: a site root route, public on purpose',
      'GET /api/admin unprotected: no authentication in its chain',
    ]);
    expect(postures(`app.setGlobalPrefix(process.env.API_PREFIX || 'api')`)).toEqual([
      'GET /? public: a site root route, public on purpose',
      'GET /?/admin unprotected: no authentication in its chain',
    ]);
    expect(postures(`app.setGlobalPrefix('api', { exclude: ['/'] })`)).toEqual([
      'GET / public: a site root route, public on purpose',
      'GET /api/admin unprotected: no authentication in its chain',
    ]);
  });

  it('does not treat a root controller under a RouterModule path as the API root', () => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
@Controller()
class AdminHomeController { @Get() home() {} }
@Module({ controllers: [AdminHomeController] })
class AdminModule {}
@Module({ imports: [AdminModule, RouterModule.register([{ path: 'admin', module: AdminModule }])] })
class AppModule {}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  await app.listen(3000);
}
void bootstrap();
`,
    });
    const [route] = resolveNestFile(project.scope, project.file('/repo/src/main.ts'));
    expect(`${route!.fullPath} ${getRoutePosture(project.index, route!).posture}`).toBe('/api/admin unprotected');
  });
});

describe('nest adapter: route pattern matching', () => {
  it('matches Nest and path-to-regexp patterns', () => {
    expect(matchesRoutePattern('*', 'anything/at/all')).toBe(true);
    expect(matchesRoutePattern('(.*)', 'x')).toBe(true);
    expect(matchesRoutePattern('{*splat}', 'x/y')).toBe(true);
    expect(matchesRoutePattern('users/*', 'users/1/posts')).toBe(true);
    expect(matchesRoutePattern('users/:id', 'users/:userId')).toBe(true);
    expect(matchesRoutePattern('/health/', 'health')).toBe(true);
    expect(matchesRoutePattern('users', 'users/1')).toBe(false);
    expect(matchesRoutePattern('health', 'healthz')).toBe(false);
  });
});

describe('nest adapter: the nest-monorepo fixture app', () => {
  const project = loadNestProjectFromDisk(nestMonorepoRoot);
  const all = project.index
    .files()
    .flatMap((file) => resolveNestFile(project.scope, file).map((r) => `${file.fileName.slice(nestMonorepoRoot.length + 1)} ${describeRoute(r)}`));

  it('has at least 20 routes per application, every one complete', () => {
    expect(all.filter((line) => line.startsWith('apps/merchant-api/')).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((line) => line.startsWith('apps/ops-console/')).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((line) => line.includes(' incomplete '))).toEqual([]);
  });

  it('resolves every route the same way as the reviewed snapshot', () => {
    expect(all).toMatchSnapshot();
  });
});

describe('Nest guards that act only on routes carrying metadata', () => {
  const posture = (canActivate: string): string => {
    const project = createNestProject({
      '/repo/src/main.ts': `
import { CanActivate, Controller, Delete, ExecutionContext, Injectable, Module, Param } from '@nestjs/common';
import { APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
@Injectable()
export class WidgetRouteGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    ${canActivate}
  }
}
@Controller('accounts')
class AccountsController { @Delete(':id') remove(@Param('id') id: string) { return id; } }
@Module({ controllers: [AccountsController], providers: [{ provide: APP_GUARD, useClass: WidgetRouteGuard }] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
    });
    const [route] = resolveNestFile(project.scope, project.file('/repo/src/main.ts'));
    const verdict = getRoutePosture(project.index, route!);
    return `${verdict.posture}: ${verdict.evidence}`;
  };

  it('does not credit an opt-in guard (it lets requests through unless the route carries its metadata)', () => {
    expect(posture(`const enabled = this.reflector.get<boolean>('widgetOnly', context.getHandler());
    if (!enabled) return true;
    return !!context.switchToHttp().getRequest().headers.authorization;`)).toBe(
      "unknown: `WidgetRouteGuard` (global, main.ts:15): `WidgetRouteGuard.canActivate` lets every request through unless the route carries `'widgetOnly'`",
    );
  });

  it('credits an opt-out guard (public routes carry the metadata) and one without the early return', () => {
    expect(posture(`const isPublic = this.reflector.getAllAndOverride<boolean>('isPublic', [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return !!context.switchToHttp().getRequest().headers.authorization;`)).toMatch(/^protected: /);
    expect(posture(`return !!context.switchToHttp().getRequest().headers.authorization;`)).toMatch(/^protected: /);
  });
});
