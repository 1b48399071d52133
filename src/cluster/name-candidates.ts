import { compareStrings } from '../util/index.js';

/** Path segments that say nothing about the business: versions, API roots, parameters. */
const GENERIC_SEGMENTS = /^(api|apis|rest|v\d+|public|internal|open|app|web|svc|service|rpc|graphql|trpc)$/i;

/** Leading words of GraphQL operation names that say what is done, not to what (`createProduct`). */
const OPERATION_VERBS = /^(get|list|find|search|create|update|upsert|delete|remove|add|assign|unassign|set|cancel|transition|apply|adjust|settle|refund|modify|import|export|duplicate|run|move|request|register|verify|reset|refresh|login|logout|authenticate|active|my|current|all|on)$/;
const OPERATION_FILLERS = /^(to|from|for|by|of|and|in|on|with)$/;

/**
 * A GraphQL operation name as segments (`assignCollectionsToChannel` → collection, channel): its
 * camelCase words without the leading verb and fillers, plurals made singular, so the operations
 * on one type share a name.
 */
function operationSegments(name: string): string[] {
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])/).map((word) => word.toLowerCase());
  while (words.length > 1 && OPERATION_VERBS.test(words[0]!)) words.shift();
  return words.filter((word) => !OPERATION_FILLERS.test(word)).map((word) => (/[^s]s$/.test(word) ? word.slice(0, -1) : word));
}

/** The lower-cased segments that name business things: `/api/v1/items/:id` → `['items']`, `createProduct` → `['product']`. */
export function meaningfulSegments(routePath: string): string[] {
  // HTTP paths start with '/'; GraphQL entries are `operationName` or `Type.field`.
  if (!routePath.startsWith('/') && !routePath.includes('.')) return operationSegments(routePath);
  return routePath
    .split(/[/.]/)
    .filter((segment) => segment && !segment.startsWith(':') && !segment.startsWith('{') && !segment.includes('*') && !GENERIC_SEGMENTS.test(segment))
    .map((segment) => segment.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0];
}

/**
 * A readable, stable name per candidate from the paths of its routes: the most frequent first
 * meaningful segment (`/api/items/:id` → `items`); on a clash, the first two segments
 * (`items-images`), then a number. Candidates are named in the order given (largest first),
 * so the biggest claim on a name keeps it.
 */
export function nameCandidates(routePathsPerCandidate: readonly (readonly string[])[]): string[] {
  const used = new Set<string>();
  return routePathsPerCandidate.map((paths) => {
    const segments = paths.map(meaningfulSegments);
    const first = mostFrequent(segments.map((s) => s[0] ?? 'root')) ?? 'root';
    const pair = mostFrequent(segments.filter((s) => s[0] === first && s[1]).map((s) => `${s[0]}-${s[1]}`));
    const options = [first, ...(pair ? [pair] : [])];
    let name = options.find((option) => !used.has(option));
    for (let n = 2; !name; n++) if (!used.has(`${first}-${n}`)) name = `${first}-${n}`;
    used.add(name);
    return name;
  });
}
