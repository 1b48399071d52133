import { describe, expect, it } from 'vitest';
import { callPairs, factsFromText } from '../test-support/in-memory-project.js';

const CONTROLLER = `import { Controller, Get } from '@nestjs/common';
import { UsersService } from './users.service';
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}
  @Get() list() { return this.users.find(); }
}`;

/** A service whose repository is an abstract class (the hexagonal style of brocoders' boilerplate). */
const SERVICE_ON_ABSTRACT_REPOSITORY = {
  'src/users.service.ts': `import { UserRepository } from './user.repository';
export class UsersService {
  constructor(private readonly repo: UserRepository) {}
  find() { return this.repo.findAll(); }
}`,
  'src/user.repository.ts': 'export abstract class UserRepository { abstract findAll(): Promise<string[]>; }',
};

describe('NestJS constructor injection', () => {
  it('resolves calls on an injected provider class to its methods', () => {
    const facts = factsFromText({
      'src/users.controller.ts': CONTROLLER,
      'src/users.service.ts': `import { Injectable } from '@nestjs/common';
@Injectable()
export class UsersService { find() { return []; } }`,
    });
    expect(callPairs(facts)).toContain('src/users.controller.ts#UsersController.list -> src/users.service.ts#UsersService.find');
  });

  it('resolves calls through an abstract repository to the class that extends or implements it', () => {
    const facts = factsFromText({
      'src/users.controller.ts': CONTROLLER,
      ...SERVICE_ON_ABSTRACT_REPOSITORY,
      'src/users.relational.repository.ts': `import { UserRepository } from './user.repository';
export class UsersRelationalRepository implements UserRepository { async findAll() { return []; } }`,
    });
    expect(callPairs(facts)).toContain('src/users.service.ts#UsersService.find -> src/users.relational.repository.ts#UsersRelationalRepository.findAll');
  });

  it('resolves calls to the class bound with useClass when it does not name the abstract class', () => {
    const facts = factsFromText({
      ...SERVICE_ON_ABSTRACT_REPOSITORY,
      'src/memory.repository.ts': 'export class MemoryUsers { async findAll() { return []; } }',
      'src/unbound.repository.ts': 'export class UnboundUsers { async findAll() { return []; } }',
      'src/users.module.ts': `import { Module } from '@nestjs/common';
import { UserRepository } from './user.repository';
import { MemoryUsers } from './memory.repository';
@Module({ providers: [{ provide: UserRepository, useClass: MemoryUsers }] })
export class UsersModule {}`,
    });
    const pairs = callPairs(facts);
    expect(pairs).toContain('src/users.service.ts#UsersService.find -> src/memory.repository.ts#MemoryUsers.findAll');
    expect(pairs.filter((pair) => pair.includes('UnboundUsers'))).toEqual([]);
  });
});
