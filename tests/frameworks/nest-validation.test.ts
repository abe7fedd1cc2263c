/**
 * Body validation facts for `no-mass-assignment` (`getNestBodyValidation`) and request-input kinds
 * of handler parameters (`getNestParameterInput`).
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getNestBodyValidation, type NestBodyValidation } from '../../src/model/nest-validation.js';
import { getNestParameterInput } from '../../src/frameworks/nest-parameters.js';
import type { ProjectIndex } from '../../src/project/project-index.js';
import { createNestProject, loadNestProjectFromDisk, nestMonorepoRoot, parseNestFile } from './nest-projects.js';

/** The parameter named `name` of the first method that has one. */
function findParameter(file: ts.SourceFile, name: string): ts.ParameterDeclaration {
  let found: ts.ParameterDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}

function bodyOf(file: ts.SourceFile, name: string, project?: ProjectIndex): NestBodyValidation | undefined {
  return getNestBodyValidation({ ts, project }, findParameter(file, name));
}

/** `verdict reason` of a body parameter, the shortest useful summary. */
function verdictOf(file: ts.SourceFile, name: string, project?: ProjectIndex): string {
  const result = bodyOf(file, name, project);
  return result ? `${result.verdict} ${result.reason}` : 'not a body';
}

describe('getNestBodyValidation: per-file mode', () => {
  const file = parseNestFile(`
import { Body, Controller, Patch, Post, Put, UsePipes, ValidationPipe } from '@nestjs/common';
import { IsEmail, IsString } from 'class-validator';
import { ImportedDto } from './dto';
import type { TypedDto } from './typed.dto';
import { Prisma } from '@prisma/client';

class LocalDto {
  @IsEmail()
  email: string;

  @IsString()
  name: string;

  nickname?: string;
}

interface ProfilePatch {
  bio: string;
}

@Controller('people')
export class PeopleController {
  @Post()
  create(@Body() local: LocalDto) {}

  @Post('strict')
  createStrict(@Body(new ValidationPipe({ whitelist: true })) strict: LocalDto) {}

  @Patch(':id')
  patch(@Body() patchBody: ProfilePatch) {}

  @Put(':id')
  replace(@Body() anything: any) {}

  @Put(':id/untyped')
  untyped(@Body() untypedBody) {}

  @Post('record')
  record(@Body() recordBody: Record<string, unknown>) {}

  @Post('partial')
  @UsePipes(new ValidationPipe({ whitelist: true }))
  partial(@Body() partialBody: Partial<LocalDto>) {}

  @Post('many')
  many(@Body() list: LocalDto[]) {}

  @Post('imported')
  imported(@Body() importedBody: ImportedDto) {}

  @Post('typed')
  typed(@Body() typedBody: TypedDto) {}

  @Post('prisma')
  prisma(@Body() prismaBody: Prisma.UserCreateInput) {}

  @Post('field')
  field(@Body('email') email: string, @Body('profile') profile: ProfilePatch) {}

  @Post('optional')
  optional(@Body() maybe: LocalDto | undefined) {}

  helper(notABody: LocalDto) {}
}
`);

  it('says unknown for a local class with no local pipe: global pipes live elsewhere', () => {
    const result = bodyOf(file, 'local')!;
    expect(`${result.verdict} ${result.reason}`).toBe('unknown global-pipes-unknown');
    expect(result.globalPipesKnown).toBe(false);
    expect(result.dto).toMatchObject({
      className: 'LocalDto',
      properties: ['email', 'name', 'nickname'],
      decoratedProperties: ['email', 'name'],
      undecoratedProperties: ['nickname'],
      complete: true,
    });
  });

  it('says validated for a local class under a whitelisting parameter pipe', () => {
    const result = bodyOf(file, 'strict')!;
    expect(`${result.verdict} ${result.reason}`).toBe('validated whitelisted-class');
    expect(result.pipes).toEqual([expect.objectContaining({ level: 'parameter', whitelist: true, forbidNonWhitelisted: false, transform: false })]);
    expect(result.detail).toBe('`LocalDto` is a class and `new ValidationPipe({ whitelist: true })` applies on the parameter');
  });

  it('says unvalidated for types ValidationPipe skips, whatever the pipes', () => {
    expect(verdictOf(file, 'patchBody')).toBe('unvalidated skipped-type');
    expect(verdictOf(file, 'anything')).toBe('unvalidated skipped-type');
    expect(verdictOf(file, 'untypedBody')).toBe('unvalidated skipped-type');
    expect(verdictOf(file, 'recordBody')).toBe('unvalidated skipped-type');
    expect(verdictOf(file, 'partialBody')).toBe('unvalidated skipped-type');
    expect(verdictOf(file, 'list')).toBe('unvalidated skipped-type');
    expect(verdictOf(file, 'prismaBody')).toBe('unvalidated skipped-type');
    expect(bodyOf(file, 'partialBody')!.type).toEqual({ kind: 'utility-type', text: 'Partial<LocalDto>' });
    expect(bodyOf(file, 'list')!.detail).toContain('receives Array');
  });

  it('says unvalidated for a class imported with `import type`, and unknown for other imports', () => {
    expect(verdictOf(file, 'typedBody')).toBe('unvalidated type-only-import');
    expect(verdictOf(file, 'importedBody')).toBe('unknown type-unresolved');
  });

  it('reads selected fields, scalars, and `Dto | undefined` as TypeScript emits them', () => {
    expect(bodyOf(file, 'email')).toMatchObject({ key: 'email', verdict: 'unvalidated', reason: 'scalar-type' });
    expect(bodyOf(file, 'profile')).toMatchObject({ key: 'profile', verdict: 'unvalidated', reason: 'skipped-type' });
    expect(bodyOf(file, 'maybe')!.type.kind).toBe('class');
  });

  it('answers only for @Body() parameters of route handlers', () => {
    expect(bodyOf(file, 'notABody')).toBeUndefined();
  });
});

describe('getNestBodyValidation: a single-file application', () => {
  it('knows the global pipe when the file bootstraps the application itself', () => {
    const file = parseNestFile(`
import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString } from 'class-validator';

class TicketDto {
  @IsString()
  title: string;
}

@Controller('tickets')
class TicketsController {
  @Post()
  create(@Body() ticket: TicketDto) {}
}

@Module({ controllers: [TicketsController] })
class AppModule {}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  await app.listen(3000);
}
void bootstrap();
`);
    const result = bodyOf(file, 'ticket')!;
    expect(result.globalPipesKnown).toBe(true);
    expect(`${result.verdict} ${result.reason}`).toBe('unvalidated pipe-without-whitelist');
  });
});

describe('getNestBodyValidation: pipes and their options', () => {
  it('reads whitelist from subclasses, const options, spreads and factories', () => {
    const file = parseNestFile(`
import { Body, Controller, Post, UsePipes, ValidationPipe, ValidationPipeOptions, ParseIntPipe } from '@nestjs/common';
import { IsString } from 'class-validator';
import { ZodValidationPipe } from 'nestjs-zod';

class NoteDto {
  @IsString()
  text: string;
}

class StrictPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true });
  }
}

class LoosePipe extends ValidationPipe {}

const OPTIONS: ValidationPipeOptions = { whitelist: true, transform: true };
declare const shared: ValidationPipeOptions;

@Controller('notes')
@UsePipes(ValidationPipe)
export class NotesController {
  @Post('a')
  a(@Body(new StrictPipe()) subclassed: NoteDto) {}

  @Post('b')
  b(@Body(new ValidationPipe(OPTIONS)) fromConst: NoteDto) {}

  @Post('c')
  c(@Body(new ValidationPipe({ ...shared })) spread: NoteDto) {}

  @Post('d')
  d(@Body(new ValidationPipe({ ...shared, whitelist: true })) spreadThenLiteral: NoteDto) {}

  @Post('e')
  e(@Body(LoosePipe) loose: NoteDto) {}

  @Post('f')
  f(@Body(new ZodValidationPipe()) zod: NoteDto) {}

  @Post('g')
  g(@Body(ParseIntPipe) scalarPipe: NoteDto) {}
}
`);
    expect(verdictOf(file, 'subclassed')).toBe('validated whitelisted-class');
    expect(verdictOf(file, 'fromConst')).toBe('validated whitelisted-class');
    expect(verdictOf(file, 'spread')).toBe('unknown pipe-options-unknown');
    expect(verdictOf(file, 'spreadThenLiteral')).toBe('validated whitelisted-class');
    expect(verdictOf(file, 'zod')).toBe('unknown custom-pipe');
    // The controller's @UsePipes(ValidationPipe) is instantiated with defaults: no whitelist. Global pipes are elsewhere.
    expect(verdictOf(file, 'loose')).toBe('unknown global-pipes-unknown');
    expect(bodyOf(file, 'scalarPipe')!.otherPipes).toEqual([]);
    expect(bodyOf(file, 'loose')!.pipes.map((p) => `${p.level}:${p.text}:${String(p.whitelist)}`)).toEqual([
      'controller:ValidationPipe:false',
      'parameter:LoosePipe:false',
    ]);
  });
});

describe('getNestBodyValidation: project mode', () => {
  const files = {
    '/repo/src/main.ts': `
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe({ transform: true }));
  await app.listen(3000);
}
void bootstrap();
`,
    '/repo/src/app.module.ts': `
import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
@Module({ controllers: [UsersController] })
export class AppModule {}
`,
    '/repo/src/user.entity.ts': `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column({ default: false }) isAdmin: boolean;
}
`,
    '/repo/src/dto/base-user.dto.ts': `
import { IsEmail, IsOptional, IsString, IsObject } from 'class-validator';
export class BaseUserDto {
  @IsEmail() email: string;
  @IsString() name: string;
  @IsOptional() @IsObject() settings?: Record<string, unknown>;
}
`,
    '/repo/src/dto/users.dto.ts': `
import { OmitType, PartialType, PickType } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { BaseUserDto } from './base-user.dto';
export class CreateUserDto extends BaseUserDto {
  @IsString() password: string;
}
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const)) {}
export class RenameUserDto extends PickType(BaseUserDto, ['name']) {}
`,
    '/repo/src/users.controller.ts': `
import { Body, Controller, Patch, Post, Put } from '@nestjs/common';
import { CreateUserDto, RenameUserDto, UpdateUserDto } from './dto/users.dto';
import { User } from './user.entity';
@Controller('users')
export class UsersController {
  @Post() create(@Body() createDto: CreateUserDto) {}
  @Patch(':id') update(@Body() updateDto: UpdateUserDto) {}
  @Put(':id/name') rename(@Body() renameDto: RenameUserDto) {}
  @Put(':id') replace(@Body() entity: User) {}
}
`,
  };

  it('follows DTO classes across files, base classes and mapped types', () => {
    const project = createNestProject(files);
    const controller = project.file('/repo/src/users.controller.ts');
    expect(bodyOf(controller, 'createDto', project.index)!.dto).toMatchObject({
      properties: ['email', 'name', 'settings', 'password'],
      undecoratedProperties: [],
      openProperties: ['settings'],
      complete: true,
    });
    expect(bodyOf(controller, 'updateDto', project.index)!.dto).toMatchObject({ properties: ['email', 'name', 'settings'], complete: true });
    expect(bodyOf(controller, 'renameDto', project.index)!.dto).toMatchObject({ properties: ['name'], complete: true });
  });

  it('knows the global pipe and says unvalidated when it does not whitelist', () => {
    const project = createNestProject(files);
    const controller = project.file('/repo/src/users.controller.ts');
    const create = bodyOf(controller, 'createDto', project.index)!;
    expect(create.globalPipesKnown).toBe(true);
    expect(`${create.verdict} ${create.reason}`).toBe('unvalidated pipe-without-whitelist');
    expect(create.detail).toBe(
      '`new ValidationPipe({ transform: true })` validates `CreateUserDto` but does not set `whitelist: true`, so undeclared properties pass',
    );
    const entity = bodyOf(controller, 'entity', project.index)!;
    expect(`${entity.verdict} ${entity.reason}`).toBe('unvalidated entity-class');
    expect(entity.dto?.entity).toEqual({ orm: 'TypeORM', decorator: '@Entity()' });
  });

  it('says validated for the same bodies once the global pipe whitelists (entities included)', () => {
    const project = createNestProject({
      ...files,
      '/repo/src/main.ts': files['/repo/src/main.ts'].replace('{ transform: true }', '{ whitelist: true, transform: true }'),
    });
    const controller = project.file('/repo/src/users.controller.ts');
    expect(verdictOf(controller, 'createDto', project.index)).toBe('validated whitelisted-class');
    expect(verdictOf(controller, 'entity', project.index)).toBe('validated whitelisted-class');
  });

  it('stays unknown when the application is not held in a variable (its pipes cannot be read)', () => {
    const project = createNestProject({
      ...files,
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
void NestFactory.create(AppModule).then((app) => app.listen(3000));
`,
    });
    expect(verdictOf(project.file('/repo/src/users.controller.ts'), 'createDto', project.index)).toBe('unknown global-pipes-unknown');
  });

  it('reads APP_PIPE providers from the module graph', () => {
    const project = createNestProject({
      ...files,
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
      '/repo/src/app.module.ts': `
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { UsersController } from './users.controller';
@Module({
  controllers: [UsersController],
  providers: [{ provide: APP_PIPE, useFactory: () => new ValidationPipe({ whitelist: true }) }],
})
export class AppModule {}
`,
    });
    const controller = project.file('/repo/src/users.controller.ts');
    expect(verdictOf(controller, 'createDto', project.index)).toBe('validated whitelisted-class');
    expect(bodyOf(controller, 'createDto', project.index)!.pipes[0]).toMatchObject({ level: 'global', whitelist: true });
  });

  it('says unvalidated with no-validation-pipe for a known application without any pipe', () => {
    const project = createNestProject({
      ...files,
      '/repo/src/main.ts': `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();
`,
    });
    expect(verdictOf(project.file('/repo/src/users.controller.ts'), 'createDto', project.index)).toBe('unvalidated no-validation-pipe');
  });
});

describe('getNestBodyValidation: the nest-monorepo fixture', () => {
  const project = loadNestProjectFromDisk(nestMonorepoRoot);
  const at = (file: string, param: string): string => verdictOf(project.file(file), param, project.index);

  it('merchant-api: a global whitelisting pipe validates classes, not interfaces, utility types or `import type`', () => {
    expect(at('apps/merchant-api/src/shipments/shipments.controller.ts', 'dto')).toBe('validated whitelisted-class');
    expect(at('apps/merchant-api/src/shipments/shipments.controller.ts', 'values')).toBe('unvalidated skipped-type');
    expect(at('apps/merchant-api/src/addresses/addresses.controller.ts', 'payload')).toBe('unvalidated skipped-type');
    expect(at('apps/merchant-api/src/account/account.controller.ts', 'dto')).toBe('validated whitelisted-class');
    const profile = bodyOf(project.file('apps/merchant-api/src/account/account.controller.ts'), 'dto', project.index)!;
    expect(profile.dto?.undecoratedProperties).toEqual(['creditLimit']);
  });

  it('ops-console: the global pipe has no whitelist; parameter and method pipes do', () => {
    expect(at('apps/ops-console/src/inventory/inventory.controller.ts', 'dto')).toBe('unvalidated pipe-without-whitelist');
    expect(at('apps/ops-console/src/docks/docks.controller.ts', 'dock')).toBe('unvalidated entity-class');
    expect(at('apps/ops-console/src/carriers/carriers.controller.ts', 'dto')).toBe('validated whitelisted-class');
    expect(at('apps/ops-console/src/reports/reports.controller.ts', 'filter')).toBe('unvalidated skipped-type');
  });
});

describe('getNestParameterInput', () => {
  const file = parseNestFile(`
import { Body, Controller, Headers, Ip, Param, ParseIntPipe, Post, Query, Req, Res, UploadedFile, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Body as RcBody } from 'routing-controllers';

export const CurrentUser = createParamDecorator((field: string | undefined, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest();
  return field ? request.user?.[field] : request.user;
});

export const TenantFromBody = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().body.tenantId);

export const Locale = createParamDecorator((_: unknown, ctx: ExecutionContext) => resolveLocale(ctx));
declare function resolveLocale(ctx: ExecutionContext): string;

@Controller('files')
export class FilesController {
  @Post(':id')
  upload(
    @Param('id', ParseIntPipe) id: number,
    @Body('name') name: string,
    @Body() whole: unknown,
    @Query() query: Record<string, string>,
    @Headers('x-trace') trace: string,
    @UploadedFile() upload: unknown,
    @Req() req: unknown,
    @Res() res: unknown,
    @Ip() ip: string,
    @CurrentUser('id') userId: string,
    @TenantFromBody() tenant: string,
    @Locale() locale: string,
    @RcBody() legacy: unknown,
    plain: string,
  ) {}
}
`);
  const input = (name: string): ReturnType<typeof getNestParameterInput> => getNestParameterInput(ts, findParameter(file, name));

  it('reads the built-in decorators with their key and pipes', () => {
    expect(input('id')).toMatchObject({ kind: 'params', key: 'id', clientControlled: true });
    expect(input('id')!.pipes.map((p) => p.getText(file))).toEqual(['ParseIntPipe']);
    expect(input('name')).toMatchObject({ kind: 'body', key: 'name', clientControlled: true });
    expect(input('whole')).toMatchObject({ kind: 'body', clientControlled: true });
    expect(input('whole')!.key).toBeUndefined();
    expect(input('query')).toMatchObject({ kind: 'query', clientControlled: true });
    expect(input('trace')).toMatchObject({ kind: 'headers', key: 'x-trace', clientControlled: true });
    expect(input('upload')).toMatchObject({ kind: 'files', clientControlled: true });
    expect(input('req')).toMatchObject({ kind: 'request', clientControlled: false });
    expect(input('res')).toMatchObject({ kind: 'response', clientControlled: false });
    expect(input('ip')).toBeUndefined(); // the client's address is not request input of these rules
  });

  it('reads what createParamDecorator factories return: request.user is not client input', () => {
    expect(input('userId')).toMatchObject({ kind: 'user', key: 'id', clientControlled: false });
    expect(input('tenant')).toMatchObject({ kind: 'body', clientControlled: true });
    expect(input('locale')).toMatchObject({ kind: 'custom', clientControlled: false });
  });

  it('ignores decorators of other frameworks and plain parameters', () => {
    expect(input('legacy')).toBeUndefined();
    expect(input('plain')).toBeUndefined();
  });
});
