import path from 'node:path';
import yargs from 'yargs';
import { analyze, renderSaved, TOOL_VERSION } from '../api/index.js';
import { writeOutputDir } from '../emit/index.js';
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
 * HTTP entry point was found (the report is written; there is nothing to carve).
 */
export const EXIT = { ok: 0, internal: 1, input: 2, noRoutes: 3 } as const;

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
}

function runAnalyze(args: AnalyzeArgs, io: CliIo): number {
  const progress = args.quiet || !args.progress ? undefined : (_phase: string, detail: string) => io.stderr(`carve: ${detail}…\n`);
  const started = performance.now();
  const result = analyze(
    { path: args.path, tsconfig: args.tsconfig, config: args.config, root: args.root, resolution: args.resolution, seed: args.seed, includeTests: args.includeTests, maxFileKb: args.maxFileKb, cwd: io.cwd },
    progress ? { onPhaseStart: progress } : {},
  );
  const outDir = path.resolve(io.cwd, args.out ?? path.join('reports', result.options.serviceName));
  writeOutputDir(outDir, result.files, { force: args.force });
  const { metrics } = result.analysis;
  if (args.json) io.stdout(`${JSON.stringify(result.analysis, null, 2)}\n`);
  else {
    io.stdout(`${metrics.entries} routes, ${metrics.symbols} symbols, ${metrics.candidates} candidate functions (modularity ${metrics.modularity.toFixed(3)})\n`);
    io.stdout(`report: ${path.relative(io.cwd, outDir) || '.'}/ (report.html, analysis.json, summary.md)\n`);
  }
  if (progress) io.stderr(`carve: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (metrics.entries === 0) {
    io.stderr('carve: no HTTP entry points found (Express, koa-router, Fastify, Hono, tRPC and NestJS routes and NestJS/type-graphql GraphQL operations are supported so far): nothing to carve; the report lists what was read\n');
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
    .demandCommand(1, 'Name a command: carve analyze <path>, or carve report <analysis.json>')
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
