import type { Analysis } from '../model/index.js';
import type { ScaffoldedFunction } from './scaffold.js';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** summary.md of a scaffold run: one row per function package, with its cold-start figure. */
export function renderScaffoldSummary(analysis: Analysis, functions: readonly ScaffoldedFunction[]): string {
  const lines = [
    `# carve scaffold: ${analysis.service.name}`,
    '',
    `${functions.length} function package${functions.length === 1 ? '' : 's'} under \`functions/\`. Bundle: the largest target entry bundled by esbuild (minified, node20); npm dependencies load from node_modules and are not in the bytes.`,
    '',
    '| function | routes | copied files | domain operations | BaaS ports | not remotable | bundle | npm dependencies |',
    '|---|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const { plan, bundle } of functions) {
    const prefix = `functions/${plan.name}/`;
    const copied = plan.files.filter((file) => file.path.startsWith(`${prefix}src/glue/`)).length;
    const routes = analysis.candidates.find((candidate) => candidate.id === plan.candidate)?.entries.length ?? 0;
    const ports = plan.files.filter((file) => file.path.startsWith(`${prefix}src/baas/`) && !/\/(index|port)\.ts$/.test(file.path)).map((file) => file.path.slice(`${prefix}src/baas/`.length, -3));
    lines.push(`| \`${plan.name}\` | ${routes} | ${copied} | ${plan.operations.length} | ${ports.join(', ') || '—'} | ${plan.notRemotable.length} | ${kib(bundle.bundleBytes)} | ${bundle.dependencies.length} |`);
  }
  lines.push('', 'Each package: `npm install && npm test`; its README lists the routes, the environment and what is left to do by hand.', '');
  return lines.join('\n');
}
