import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';

const routes = (files: Record<string, string>) => factsFromText(files).entries.map((e) => `${e.method} ${e.path} -> ${e.handler ?? 'null'}`);

const MAIN = `import { NestFactory } from '@nestjs/core';
import { VersioningType, RequestMethod } from '@nestjs/common';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api', { exclude: ['health', { path: 'metrics', method: RequestMethod.GET }] });
  app.enableVersioning({ type: VersioningType.URI });
  await app.listen(3000);
}
void bootstrap();`;

describe('nestjs entry points', () => {
  it('reads controller and method paths, arrays, the global prefix and its exclusions', () => {
    expect(
      routes({
        'src/main.ts': MAIN,
        'src/app.module.ts': 'export class AppModule {}',
        'src/items.controller.ts': `import { Controller, Get, Post, Delete, All, Param } from '@nestjs/common';
@Controller('items')
export class ItemsController {
  @Get() list() { return []; }
  @Get(':id') one(@Param('id') id: string) { return id; }
  @Post(['', 'bulk']) create() { return 1; }
  @Delete('/:id/') remove() { return 1; }
  @All('legacy/*') legacy() { return 1; }
  helper() { return 2; }
}`,
        'src/ops.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller(['', 'ops'])
export class OpsController {
  @Get('health') health() { return 'ok'; }
  @Get('metrics') metrics() { return ''; }
}`,
      }),
    ).toEqual([
      'GET /api/items -> src/items.controller.ts#ItemsController.list',
      'POST /api/items -> src/items.controller.ts#ItemsController.create',
      'DELETE /api/items/:id -> src/items.controller.ts#ItemsController.remove',
      'GET /api/items/:id -> src/items.controller.ts#ItemsController.one',
      'POST /api/items/bulk -> src/items.controller.ts#ItemsController.create',
      'ALL /api/items/legacy/* -> src/items.controller.ts#ItemsController.legacy',
      'GET /api/ops/health -> src/ops.controller.ts#OpsController.health',
      'GET /api/ops/metrics -> src/ops.controller.ts#OpsController.metrics',
      'GET /health -> src/ops.controller.ts#OpsController.health',
      'GET /metrics -> src/ops.controller.ts#OpsController.metrics',
    ]);
  });

  it('puts URI versions after the global prefix: controller version, method @Version, default and neutral', () => {
    const main = MAIN.replace("{ type: VersioningType.URI }", "{ type: VersioningType.URI, defaultVersion: '1', prefix: 'version' }");
    expect(
      routes({
        'src/main.ts': main,
        'src/app.module.ts': 'export class AppModule {}',
        'src/users.controller.ts': `import { Controller, Get, Version, VERSION_NEUTRAL } from '@nestjs/common';
@Controller({ path: 'users', version: ['2', '3'] })
export class UsersController {
  @Get() list() { return []; }
  @Version('4') @Get('me') me() { return {}; }
  @Version(VERSION_NEUTRAL) @Get('count') count() { return 0; }
}`,
        'src/cats.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller({ path: 'cats' })
export class CatsController {
  @Get() list() { return []; }
}`,
      }),
    ).toEqual([
      'GET /api/users/count -> src/users.controller.ts#UsersController.count',
      'GET /api/version1/cats -> src/cats.controller.ts#CatsController.list',
      'GET /api/version2/users -> src/users.controller.ts#UsersController.list',
      'GET /api/version3/users -> src/users.controller.ts#UsersController.list',
      'GET /api/version4/users/me -> src/users.controller.ts#UsersController.me',
    ]);
  });

  it('ignores versions without URI versioning, and decorators not imported from @nestjs/common', () => {
    expect(
      routes({
        'src/a.controller.ts': `import { Controller, Get } from '@nestjs/common';
import { Post } from './my-decorators';
@Controller({ path: 'a', version: '1' })
export class AController {
  @Get('x') x() { return 1; }
  @Post('y') y() { return 1; }
}`,
        'src/my-decorators.ts': 'export function Post(path: string) { return (..._args: unknown[]) => undefined; }',
      }),
    ).toEqual(['GET /a/x -> src/a.controller.ts#AController.x']);
  });

  it('records the controller as the group and class and method guards and interceptors as middleware', () => {
    const facts = factsFromText({
      'src/orders.controller.ts': `import { Controller, Get, UseGuards, UseInterceptors } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard } from './roles.guard';
import { AuditInterceptor } from './audit.interceptor';
@UseGuards(AuthGuard('jwt'), RolesGuard)
@Controller('orders')
export class OrdersController {
  @UseInterceptors(new AuditInterceptor())
  @Get(':id') one() { return 1; }
}`,
      'src/roles.guard.ts': 'export class RolesGuard { canActivate() { return true; } }',
      'src/audit.interceptor.ts': 'export class AuditInterceptor { intercept() { return 1; } }',
    });
    expect(facts.entries.map((e) => [e.id, e.group, e.framework, e.middleware])).toEqual([
      ['GET /orders/:id', 'src/orders.controller.ts#OrdersController', 'nestjs', ["AuthGuard('jwt')", 'src/roles.guard.ts#RolesGuard', 'src/audit.interceptor.ts#AuditInterceptor']],
    ]);
  });

  it('warns about a computed global prefix and a computed route path', () => {
    const facts = factsFromText({
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
const config = { prefix: () => 'api' };
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix(config.prefix());
}`,
      'src/app.module.ts': 'export class AppModule {}',
      'src/x.controller.ts': `import { Controller, Get } from '@nestjs/common';
let P = 'p';
@Controller('x')
export class XController {
  @Get(P) p() { return 1; }
  @Get('q') q() { return 1; }
}`,
    });
    expect(facts.entries.map((e) => e.id)).toEqual(['GET /x/q']);
    expect(facts.warnings).toContain('src/main.ts:6: global prefix config.prefix() is not a constant string; routes are listed without it');
    expect(facts.warnings).toContain('src/x.controller.ts:5: route path is not a constant string; route skipped');
  });
});

describe('nestjs constant paths', () => {
  it('reads paths and prefixes held in constants, constant objects, string enums and templates', () => {
    expect(
      routes({
        'src/main.ts': MAIN.replace("app.setGlobalPrefix('api', { exclude: ['health', { path: 'metrics', method: RequestMethod.GET }] });", 'app.setGlobalPrefix(API_PREFIX);').replace("import { AppModule } from './app.module';", "import { AppModule } from './app.module';\nimport { API_PREFIX } from './routes';"),
        'src/app.module.ts': 'export class AppModule {}',
        'src/routes.ts': `export const API_PREFIX = 'api';
export const ROUTES = { users: 'users', admin: { root: 'admin' } } as const;
export enum Sub { Me = 'me' }`,
        'src/users.controller.ts': `import { Controller, Get } from '@nestjs/common';
import { ROUTES, Sub } from './routes';
const BY_ID = ':id';
@Controller(ROUTES.users)
export class UsersController {
  @Get(Sub.Me) me() { return 1; }
  @Get(\`\${ROUTES.admin.root}/\${BY_ID}\`) adminView() { return 1; }
  @Get('x' + BY_ID) joined() { return 1; }
}`,
      }),
    ).toEqual([
      'GET /api/users/admin/:id -> src/users.controller.ts#UsersController.adminView',
      'GET /api/users/me -> src/users.controller.ts#UsersController.me',
      'GET /api/users/x:id -> src/users.controller.ts#UsersController.joined',
    ]);
  });
});

describe('nestjs bootstrap file', () => {
  it('takes the prefix from the file that serves the app, not from a seed script that also creates one', () => {
    expect(
      routes({
        'src/app.module.ts': 'export class AppModule {}',
        'src/db/seed.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
async function seed() { const app = await NestFactory.create(AppModule); app.setGlobalPrefix('seed'); await app.close(); }`,
        'src/main.ts': MAIN,
        'src/x.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('x')\nexport class XController { @Get() x() { return 1; } }",
      }),
    ).toEqual(['GET /api/x -> src/x.controller.ts#XController.x']);
  });
});

describe('nestjs RouterModule', () => {
  it('puts module paths from RouterModule.register between the version and the controller path', () => {
    expect(
      routes({
        'src/main.ts': MAIN,
        'src/app.module.ts': `import { Module } from '@nestjs/common';
import { RouterModule, Routes } from '@nestjs/core';
import { AdminModule } from './admin/admin.module';
import { ReportsModule } from './admin/reports.module';
import { PublicModule } from './public.module';
const routes: Routes = [{ path: 'admin', module: AdminModule, children: [{ path: '/reports/', module: ReportsModule }, PublicModule] }];
@Module({ imports: [AdminModule, ReportsModule, PublicModule, RouterModule.register(routes)] })
export class AppModule {}`,
        'src/admin/admin.module.ts': `import { Module } from '@nestjs/common';
import { UsersAdminController } from './users-admin.controller';
@Module({ controllers: [UsersAdminController] })
export class AdminModule {}`,
        'src/admin/reports.module.ts': `import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
@Module({ controllers: [ReportsController] })
export class ReportsModule {}`,
        'src/public.module.ts': `import { Module } from '@nestjs/common';
import { PingController } from './ping.controller';
@Module({ controllers: [PingController] })
export class PublicModule {}`,
        'src/admin/users-admin.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class UsersAdminController { @Get() list() { return []; } }",
        'src/admin/reports.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller({ path: 'daily', version: '2' })\nexport class ReportsController { @Get() daily() { return []; } }",
        'src/ping.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('ping')\nexport class PingController { @Get() ping() { return 1; } }",
        'src/other.controller.ts': "import { Controller, Get } from '@nestjs/common';\n@Controller('other')\nexport class OtherController { @Get() other() { return 1; } }",
      }),
    ).toEqual([
      'GET /api/admin/ping -> src/ping.controller.ts#PingController.ping',
      'GET /api/admin/users -> src/admin/users-admin.controller.ts#UsersAdminController.list',
      'GET /api/other -> src/other.controller.ts#OtherController.other',
      'GET /api/v2/admin/reports/daily -> src/admin/reports.controller.ts#ReportsController.daily',
    ]);
  });
});

describe('nestjs inherited routes', () => {
  it('gives a controller the routes of its base classes, minus the methods it overrides', () => {
    expect(
      routes({
        'src/crud.controller.ts': `import { Get, Delete, Param } from '@nestjs/common';
export abstract class CrudController<T> {
  protected abstract readonly items: T[];
  @Get() list() { return this.items; }
  @Get(':id') one(@Param('id') id: string) { return this.items[Number(id)]; }
  @Delete(':id') remove() { return 1; }
}`,
        'src/tags.controller.ts': `import { Controller, Get } from '@nestjs/common';
import { CrudController } from './crud.controller';
@Controller('tags')
export class TagsController extends CrudController<string> {
  protected readonly items = ['a'];
  @Get(':id') one() { return 'tag'; }
  @Get('popular') popular() { return []; }
}`,
      }),
    ).toEqual([
      'GET /tags -> src/crud.controller.ts#CrudController.list',
      'DELETE /tags/:id -> src/crud.controller.ts#CrudController.remove',
      'GET /tags/:id -> src/tags.controller.ts#TagsController.one',
      'GET /tags/popular -> src/tags.controller.ts#TagsController.popular',
    ]);
  });
});

describe('nestjs module middleware', () => {
  it('applies consumer.apply(...).exclude(...).forRoutes(...) by path, method and controller', () => {
    const facts = factsFromText({
      'src/main.ts': MAIN,
      'src/app.module.ts': `import { Module, MiddlewareConsumer, RequestMethod } from '@nestjs/common';
import { AuthMiddleware } from './auth.middleware';
import { logger } from './logger';
import { TagsController } from './tags.controller';
@Module({ controllers: [TagsController] })
export class AppModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(AuthMiddleware).exclude({ path: 'tags/public', method: RequestMethod.GET }).forRoutes({ path: 'tags', method: RequestMethod.POST }, 'tags/*');
    consumer.apply(logger).forRoutes(TagsController);
  }
}`,
      'src/auth.middleware.ts': 'export class AuthMiddleware { use() { return 1; } }',
      'src/logger.ts': 'export function logger() { return 1; }',
      'src/tags.controller.ts': `import { Controller, Get, Post } from '@nestjs/common';
@Controller('tags')
export class TagsController {
  @Get() list() { return []; }
  @Post() create() { return 1; }
  @Get('public') open() { return []; }
  @Get(':id') one() { return 1; }
}`,
    });
    expect(facts.entries.map((e) => `${e.id}: ${e.middleware.join(', ')}`)).toEqual([
      'GET /api/tags: src/logger.ts#logger',
      'POST /api/tags: src/auth.middleware.ts#AuthMiddleware, src/logger.ts#logger',
      'GET /api/tags/:id: src/auth.middleware.ts#AuthMiddleware, src/logger.ts#logger',
      'GET /api/tags/public: src/logger.ts#logger',
    ]);
  });
});
