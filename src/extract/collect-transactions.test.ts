import { describe, expect, it } from 'vitest';
import { factsFromText } from '../test-support/in-memory-project.js';

describe('transaction scopes', () => {
  const facts = factsFromText({
    'src/orders.ts': `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
function reserve(id: string) { return id; }
export async function createOrder(id: string) {
  await prisma.$transaction(async (tx: any) => {
    reserve(id);
  });
  return prisma.order.findMany();
}
export async function batch() {
  return prisma.$transaction([
    prisma.order.deleteMany(),
  ]);
}
export async function manual(runner: any) {
  await runner.startTransaction();
  try {
    reserve('x');
    await runner.commitTransaction();
  } catch {
    await runner.rollbackTransaction();
  }
  reserve('after');
}
export function notOne(db: any) { return db.transaction; }`,
    'src/db.ts': 'export async function transaction<T>(work: (tx: unknown) => Promise<T>): Promise<T> { return work(null); }',
    'src/pay.ts': "import { transaction } from './db';\nexport async function settle() {\n  return transaction(async () => 1);\n}",
  });
  it('records the callback or array of a scoped transaction (ORM method or own wrapper), and start..last commit/rollback', () => {
    expect(facts.transactions).toEqual([
      { symbol: 'src/orders.ts#createOrder', file: 'src/orders.ts', line: 5, endLine: 7, api: '$transaction' },
      { symbol: 'src/orders.ts#batch', file: 'src/orders.ts', line: 11, endLine: 13, api: '$transaction' },
      { symbol: 'src/orders.ts#manual', file: 'src/orders.ts', line: 16, endLine: 21, api: 'startTransaction' },
      { symbol: 'src/pay.ts#settle', file: 'src/pay.ts', line: 3, endLine: 3, api: 'transaction' },
    ]);
  });
  it('leaves the call to reserve inside the first scope, so a later stage can follow it', () => {
    const inside = facts.calls.filter((c) => c.from === 'src/orders.ts#createOrder' && c.line >= 5 && c.line <= 7).map((c) => c.to);
    expect(inside).toContain('src/orders.ts#reserve');
  });
});
