import { describe, expect, it } from 'vitest';
import { clientOperationFor } from './contract.js';

describe('clientOperationFor', () => {
  it('names the operation and its internal endpoint from the remote call, the same on both sides', () => {
    const call = { target: 'src/domain/a.ts#AddressService.getOwnAddress', name: 'AddressService.getOwnAddress', file: 'src/domain/a.ts', callers: [], callSites: 1, signature: '(id: string): Promise<Address>' };
    expect(clientOperationFor('orders', call)).toEqual({
      target: call.target,
      operation: 'addressServiceGetOwnAddress',
      path: '/internal/carve/orders/addressServiceGetOwnAddress',
      signature: call.signature,
    });
  });

  it('drops characters that cannot appear in a method name', () => {
    expect(clientOperationFor('x', { target: 't', name: 'default-export.run', file: 'f', callers: [], callSites: 1 }).operation).toBe('defaultExportRun');
  });
});
