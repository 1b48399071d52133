import { CarveError } from '../../model/index.js';

/** The analysis and the sources do not fit together well enough to scaffold (exit 2, one line). */
export class ScaffoldError extends CarveError {
  override readonly name = 'ScaffoldError';
}
