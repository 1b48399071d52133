import { afterEach, beforeEach, vi } from 'vitest';

// A stage that prints is a bug (the CLI owns the terminal): any console output fails the test.
let calls: string[] = [];
beforeEach(() => {
  calls = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length) throw new Error(`unexpected console output:\n${calls.join('\n')}`);
});
