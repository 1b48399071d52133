/**
 * Known errors: the CLI prints their message on one line and exits 2. Anything else is a bug.
 * The message must name the file (or key) and what is wrong, since it is all the user sees.
 */
export class CarveError extends Error {
  override readonly name: string = 'CarveError';
}

/** The path, tsconfig or source the user pointed at cannot be used. */
export class InputError extends CarveError {
  override readonly name = 'InputError';
}

/** carve.config.json is unreadable or does not match its schema. */
export class ConfigError extends CarveError {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly key: string,
    problem: string,
  ) {
    super(`${file}: ${key ? `${key}: ` : ''}${problem}`);
  }
}

/** The output folder cannot be written safely. */
export class OutputError extends CarveError {
  override readonly name = 'OutputError';
}
