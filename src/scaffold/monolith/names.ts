/**
 * The names the monolith-side files use for one candidate. Derived from the candidate name only,
 * so regenerating gives the same identifiers, env variables and folder.
 */
export interface CandidateNames {
  /** Folder segment under `<src>/carve/`. */
  folder: string;
  /** `Orders` in `OrdersPort`, `viaOrders`. */
  pascal: string;
  /** `orders` in `localOrders`, `ordersInternalRouter`. */
  camel: string;
  /** `CARVE_ORDERS_MODE`: local | remote. */
  modeEnv: string;
  /** `CARVE_ORDERS_URL`: base URL of the deployed function. */
  urlEnv: string;
  /** `CARVE_ORDERS_TIMEOUT_MS`: per-attempt timeout of a forwarded request. */
  timeoutEnv: string;
}


function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function toPascal(text: string): string {
  const joined = words(text)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  const safe = joined || 'Candidate';
  return /^[0-9]/.test(safe) ? `C${safe}` : safe;
}

export function toCamel(text: string): string {
  const pascal = toPascal(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export function namesFor(candidateName: string): CandidateNames {
  const snake = words(candidateName).join('_').toUpperCase() || 'CANDIDATE';
  const folder = words(candidateName).join('-').toLowerCase() || 'candidate';
  return {
    folder,
    pascal: toPascal(candidateName),
    camel: toCamel(candidateName),
    modeEnv: `CARVE_${snake}_MODE`,
    urlEnv: `CARVE_${snake}_URL`,
    timeoutEnv: `CARVE_${snake}_TIMEOUT_MS`,
  };
}

/** Hands out identifiers that collide neither with each other nor with the reserved ones. */
export function uniqueNamer(reserved: Iterable<string>): (wanted: string) => string {
  const taken = new Set(reserved);
  return (wanted) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
    taken.add(name);
    return name;
  };
}

/** A single-quoted TypeScript string literal, the quote style most services use. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
