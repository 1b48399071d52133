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

describe('NestJS token injection', () => {
  it('resolves calls on an @Inject(TOKEN) parameter typed by an interface to the class bound to that token', () => {
    const facts = factsFromText({
      'src/tokens.ts': "export const PAYMENTS = 'PAYMENTS';\nexport const MAILER = Symbol('MAILER');",
      'src/ports.ts': 'export interface Payments { charge(cents: number): Promise<string>; }\nexport interface Mailer { send(to: string): Promise<void>; }',
      'src/stripe.payments.ts': 'export class StripePayments { async charge(cents: number) { return String(cents); } }',
      'src/smtp.mailer.ts': 'export class SmtpMailer { async send(to: string) { void to; } }',
      'src/checkout.service.ts': `import { Inject } from '@nestjs/common';
import { MAILER, PAYMENTS } from './tokens';
import type { Mailer, Payments } from './ports';
export class CheckoutService {
  constructor(@Inject(PAYMENTS) private readonly payments: Payments, @Inject(MAILER) private readonly mailer: Mailer) {}
  async pay() { await this.mailer.send('a'); return this.payments.charge(5); }
}`,
      'src/checkout.module.ts': `import { Module } from '@nestjs/common';
import { MAILER } from './tokens';
import { StripePayments } from './stripe.payments';
import { SmtpMailer } from './smtp.mailer';
@Module({ providers: [{ provide: 'PAYMENTS', useClass: StripePayments }, { provide: MAILER, useClass: SmtpMailer }] })
export class CheckoutModule {}`,
    });
    const pairs = callPairs(facts);
    expect(pairs).toContain('src/checkout.service.ts#CheckoutService.pay -> src/stripe.payments.ts#StripePayments.charge');
    expect(pairs).toContain('src/checkout.service.ts#CheckoutService.pay -> src/smtp.mailer.ts#SmtpMailer.send');
  });
});
