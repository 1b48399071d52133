import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. Called once, right after the compiler's program is released:
 * V8 would otherwise grow the heap for the clustering and report on top of a program it has not
 * yet collected, and the run's peak memory would be program + report instead of the larger one.
 * `--expose-gc` is switched on for a fresh context only; nothing else changes.
 */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
