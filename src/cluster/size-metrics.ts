import type { SizeBand } from '../model/index.js';

/**
 * Non-extreme distribution, Mono2Micro's entity variant: the share of symbols that sit in
 * candidates whose size is outside the band, NED = 1 − Σ_{min ≤ N_i ≤ max} N_i / Σ N_i.
 * 0 when every candidate is within the band; 0 for an empty partition.
 */
export function nonExtremeDistribution(sizes: readonly number[], band: SizeBand): number {
  const total = sizes.reduce((sum, n) => sum + n, 0);
  if (total === 0) return 0;
  const inBand = sizes.filter((n) => n >= band.min && n <= band.max).reduce((sum, n) => sum + n, 0);
  return 1 - inBand / total;
}
