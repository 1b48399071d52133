import path from 'node:path';
import yargs from 'yargs';
import { analyze, compareFiles, defaultCacheDir, renderSaved, scaffold, TOOL_VERSION } from '../api/index.js';
import { commitBranches, writeGenerated, writeOutputDir } from '../emit/index.js';
import { CarveError } from '../model/index.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stderr is a terminal: progress lines are for people, not for logs. */
  interactive?: boolean;
}

/**
 * Exit codes: 0 success, 1 internal error (a bug), 2 bad input, usage or config, 3 analysed but no
 * HTTP entry point was found (the report is written; there is nothing to carve), 4 scaffold output
 * written except files the user edited since carve wrote them (kept; --force overwrites).
 */
export const EXIT = { ok: 0, internal: 1, input: 2, noRoutes: 3, keptEdits: 4 } as const;

class UsageError extends CarveError {}

interface AnalyzeArgs {
  path: string;
  out?: string;
  tsconfig?: string;
  config?: string;
  root?: string;
  resolution?: number;
  seed?: number;
  includeTests: boolean;
  maxFileKb?: number;
  json: boolean;
  force: boolean;
  quiet: boolean;
  progress: boolean;
  sweep?: string;
  cache: boolean;
  cacheDir?: string;
  timings: boolean;
}

function runAnalyze(args: AnalyzeArgs, io: CliIo): number {
  const progress = args.quiet || !args.progress ? undefined : (_phase: string, detail: string) => io.stderr(`carve: ${detail}…\n`);
  const started = performance.now();
  const cache = args.cache ? { dir: args.cacheDir ? path.resolve(io.cwd, args.cacheDir) : defaultCacheDir(), warn: (message: string) => io.stderr(`carve: warning: ${message}\n`) } : undefined;
  const result = analyze(
    { path: args.path, tsconfig: args.tsconfig, config: args.config, root: args.root, resolution: args.resolution, seed: args.seed, includeTests: args.includeTests, maxFileKb: args.maxFileKb, sweep: args.sweep, cwd: io.cwd },
    { ...(progress ? { onPhaseStart: progress } : {}), ...(cache ? { cache } : {}) },
  );
  const outDir = path.resolve(io.cwd, args.out ?? path.join('reports', result.options.serviceName));
  const emitStarted = performance.now();
  writeOutputDir(outDir, result.files, { force: args.force });
  if (args.timings) {
    const timings = { ...result.timings, emit: performance.now() - emitStarted, total: performance.now() - started };
    const rounded = Object.fromEntries(Object.entries(timings).map(([phase, ms]) => [phase, Math.round(ms)]));
    io.stderr(`carve: timings ${JSON.stringify({ cache: result.cacheHit ?? 'miss', ms: rounded })}\n`);
  }
  const { metrics } = result.analysis;
  if (args.json) io.stdout(`${JSON.stringify(result.analysis, null, 2)}\n`);
  else {
    io.stdout(`${metrics.entries} routes, ${metrics.symbols} symbols, ${metrics.candidates} candidate functions (modularity ${metrics.modularity.toFixed(3)})\n`);
    io.stdout(`report: ${path.relative(io.cwd, outDir) || '.'}/ (report.html, analysis.json, summary.md)\n`);
    if (result.analysis.sweep) io.stdout(`sweep: ${result.analysis.sweep.length} resolutions from ${result.analysis.sweep[0]?.resolution} to ${result.analysis.sweep.at(-1)?.resolution} recorded in analysis.json\n`);
  }
  if (progress) io.stderr(`carve: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (metrics.entries === 0) {
    io.stderr('carve: no HTTP entry points found (Express, koa-router and NestJS routes and NestJS/type-graphql GraphQL operations are supported so far): nothing to carve; the report lists what was read\n');
    return EXIT.noRoutes;
  }
  return EXIT.ok;
}

interface ReportArgs {
  analysis: string;
  out?: string;
  force: boolean;
}

function runReport(args: ReportArgs, io: CliIo): number {
  const result = renderSaved(args.analysis, io.cwd);
  const outDir = args.out ? path.resolve(io.cwd, args.out) : result.sourceDir;
  writeOutputDir(outDir, result.files, { force: args.force });
  io.stdout(`report: ${path.relative(io.cwd, outDir) || '.'}/ (report.html, analysis.json, summary.md) from ${result.analysis.candidates.length} candidates\n`);
  return EXIT.ok;
}

interface CompareArgs {
  analysis: string;
  reference: string;
  json: boolean;
}

function runCompare(args: CompareArgs, io: CliIo): number {
  const result = compareFiles(args.analysis, args.reference, io.cwd);
  if (args.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(`MoJoFM ${result.mojoFm.toFixed(2)} (0–100, higher is better; ${args.analysis} against ${args.reference})\n`);
  io.stdout(`ARI    ${result.ari.toFixed(3)} (1 identical, about 0 for chance)\n`);
  io.stdout(`${result.compared} routes compared in ${result.groups[0]} vs ${result.groups[1]} groups; only in the first: ${result.onlyInFirst}, only in the second: ${result.onlyInSecond}\n`);
  return EXIT.ok;
}

interface ScaffoldArgs {
  input: string;
  candidate: string[];
  target?: string[];
  service?: string;
  out?: string;
  git: boolean;
  force: boolean;
}

/** The command line that regenerates the same output, for headers and PR.md. */
function scaffoldCommand(args: ScaffoldArgs): string {
  const parts = ['carve scaffold', args.input, '--candidate', ...args.candidate];
  if (args.target) parts.push('--target', args.target.join(','));
  if (args.service) parts.push('--service', args.service);
  if (args.out) parts.push('--out', args.out);
  if (args.git) parts.push('--git');
  return parts.join(' ');
}

async function runScaffold(args: ScaffoldArgs, io: CliIo): Promise<number> {
  const result = await scaffold({ input: args.input, candidates: args.candidate, targets: args.target, service: args.service, cwd: io.cwd, regenerateCommand: scaffoldCommand(args) });
  for (const { plan, bundle } of result.functions) {
    io.stdout(`functions/${plan.name}: ${plan.operations.length} domain operations, bundle ${(bundle.bundleBytes / 1024).toFixed(1)} KiB, ${bundle.dependencies.length} npm dependencies\n`);
  }
  if (args.git) {
    for (const made of commitBranches(result.serviceRoot, result.functions.map((f) => f.branch), { force: args.force })) io.stdout(`branch ${made.branch} at ${made.commit.slice(0, 12)}\n`);
    if (!args.out) return EXIT.ok;
  }
  const outDir = path.resolve(io.cwd, args.out ?? path.join('reports', result.analysis.service.name, 'scaffold'));
  const written = writeGenerated(outDir, result.files, { force: args.force, version: TOOL_VERSION });
  io.stdout(`scaffold: ${path.relative(io.cwd, outDir) || '.'}/ (functions/<name>/, monolith/<name>/, summary.md): ${written.written.length} written, ${written.unchanged.length} unchanged\n`);
  for (const file of written.staleKept) io.stderr(`carve: kept ${file}: no longer generated, but edited since carve wrote it\n`);
  for (const file of written.kept) io.stderr(`carve: kept ${file}: edited since carve wrote it (--force overwrites)\n`);
  return written.kept.length ? EXIT.keptEdits : EXIT.ok;
}

/** Parses argv, runs a command and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs([...argv])
    .scriptName('carve')
    .usage('$0 <command> [options]\n\nCarves the glue layer of a TypeScript backend into candidate serverless functions.')
    .command<AnalyzeArgs>(
      'analyze <path>',
      'Analyse a service and write reports/<name>/ (report.html, analysis.json, summary.md)',
      (y) =>
        y
          .positional('path', { type: 'string', describe: 'Service root (folder with its tsconfig.json)', demandOption: true })
          .option('out', { type: 'string', describe: 'Output folder [default: reports/<service name>]' })
          .option('tsconfig', { type: 'string', describe: 'tsconfig to load [default: <path>/tsconfig.json]' })
          .option('config', { type: 'string', describe: 'carve.config.json with layer rules [default: <path>/carve.config.json]' })
          .option('root', { type: 'string', describe: 'Analyse only files under this folder (a service inside a bigger program)' })
          .option('resolution', { type: 'number', describe: 'Louvain resolution: higher gives more, smaller candidates [default: 1]' })
          .option('seed', { type: 'number', describe: 'Seed of the clustering rng [default: 42]' })
          .option('include-tests', { type: 'boolean', default: false, describe: 'Analyse test files too' })
          .option('max-file-kb', { type: 'number', describe: 'Skip files larger than this many KiB [default: 1024]' })
          .option('json', { type: 'boolean', default: false, describe: 'Print analysis.json on stdout' })
          .option('force', { type: 'boolean', default: false, describe: 'Replace an output folder that carve did not write' })
          .option('progress', { type: 'boolean', default: io.interactive ?? false, describe: 'Phase progress on stderr [default: when stderr is a terminal]' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Nothing on stderr but errors and warnings' })
          .option('sweep', { type: 'string', describe: 'Also cluster at each resolution from:to:step and record SM, ICP, NED, BCP per point [default range: 0.25:3:0.25]' })
          .option('cache', { type: 'boolean', default: true, describe: 'Reuse facts and analyses of unchanged inputs (--no-cache: analyse from scratch)' })
          .option('cache-dir', { type: 'string', describe: 'Cache folder [default: $XDG_CACHE_HOME/carve or ~/.cache/carve]' })
          .option('timings', { type: 'boolean', default: false, describe: 'Print milliseconds per phase on stderr, as JSON' })
          .example('$0 analyze fixtures/market-bff', 'writes reports/market-bff/')
          .example('$0 analyze ../shop --tsconfig ../shop/tsconfig.app.json --out /tmp/shop', ''),
      (args) => {
        exitCode = runAnalyze(args, io);
      },
    )
    .command<ReportArgs>(
      'report <analysis>',
      'Re-render report.html and summary.md from a saved analysis.json, without re-parsing',
      (y) =>
        y
          .positional('analysis', { type: 'string', describe: 'A saved analysis.json', demandOption: true })
          .option('out', { type: 'string', describe: 'Output folder [default: the folder of the analysis.json]' })
          .option('force', { type: 'boolean', default: false, describe: 'Replace an output folder that carve did not write' })
          .example('$0 report reports/market-bff/analysis.json', 'rewrites reports/market-bff/'),
      (args) => {
        exitCode = runReport(args, io);
      },
    )
    .command<CompareArgs>(
      'compare <analysis> <reference>',
      'Agreement of the route partition with a reference (MoJoFM, ARI); the reference is another analysis.json, an expected.json or {"routes": {"GET /x": "group"}}',
      (y) =>
        y
          .positional('analysis', { type: 'string', describe: 'A saved analysis.json', demandOption: true })
          .positional('reference', { type: 'string', describe: 'Reference partition of the routes', demandOption: true })
          .option('json', { type: 'boolean', default: false, describe: 'Print the figures as JSON (for CI drift checks)' })
          .example('$0 compare reports/market-bff/analysis.json fixtures/market-bff/expected.json', 'against hand-made truth')
          .example('$0 compare run1/analysis.json run2/analysis.json', 'run-to-run stability'),
      (args) => {
        exitCode = runCompare(args, io);
      },
    )
        .command<ScaffoldArgs>(
      'scaffold <input>',
      'Write chosen candidates as function packages (functions/<name>/: code, clients, ports, entries, tests)',
      (y) =>
        y
          .positional('input', { type: 'string', describe: 'A service root (analysed first) or a saved analysis.json', demandOption: true })
          .option('candidate', { type: 'string', array: true, demandOption: true, describe: 'Candidate ids to scaffold, or all' })
          .option('target', { type: 'string', array: true, describe: 'Targets, comma-separated: fc3, lambda, node [default: all three]' })
          .option('service', { type: 'string', describe: 'The service root, when <input> is an analysis.json' })
          .option('out', { type: 'string', describe: 'Output folder [default: reports/<service name>/scaffold, unless --git]' })
          .option('git', { type: 'boolean', default: false, describe: 'Commit one branch carve/<candidate> per candidate in the service repository' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite files edited since carve wrote them; replace existing carve/<candidate> branches' })
          .example('$0 scaffold fixtures/market-bff --candidate orders', 'writes reports/market-bff/scaffold/functions/orders/')
          .example('$0 scaffold reports/market-bff/analysis.json --service fixtures/market-bff --candidate all --target fc3', '')
          .example('$0 scaffold . --candidate orders --git', 'commits branch carve/orders'),
      async (args) => {
        exitCode = await runScaffold(args, io);
      },
    )
    .demandCommand(1, 'Name a command: carve analyze <path>, carve report <analysis.json>, carve compare <analysis.json> <reference.json> or carve scaffold <path> --candidate <id>')
    .strict()
    .version(TOOL_VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof CarveError) {
      io.stderr(`carve: error: ${error.message.split('\n')[0]}\n`);
      return EXIT.input;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`carve: internal error: ${message.split('\n')[0]} (set CARVE_DEBUG=1 for the stack; please report it)\n`);
    if (process.env.CARVE_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
  return exitCode;
}
