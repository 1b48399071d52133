import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import type { RenderedFile } from '../model/index.js';
import type { ScaffoldTarget } from './contract.js';

/** A function package's cold-start figure: what each target's entry weighs once bundled. */
export interface BundleFigures {
  /** How the figure was taken, so numbers from different carve versions are not compared blindly. */
  measuredWith: string;
  /** The largest bundle across targets, in bytes. */
  bundleBytes: number;
  /** npm packages the bundles import at run time (left out of the bytes: they load from node_modules). */
  dependencies: string[];
  targets: Partial<Record<ScaffoldTarget, { entry: string; bundleBytes: number }>>;
}

const ENTRIES: Record<ScaffoldTarget, string> = { fc3: 'entry/fc3.ts', lambda: 'entry/lambda.ts', node: 'entry/node.ts' };

/** Serves the package's files from memory: nothing is written to disk to be measured. */
function inMemory(files: ReadonlyMap<string, string>, dependencies: Set<string>): Plugin {
  return {
    name: 'carve-in-memory',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: args.path, namespace: 'carve' };
        if (args.path.startsWith('.')) {
          const joined = path.posix.normalize(path.posix.join(path.posix.dirname(args.importer), args.path));
          const candidates = [joined, joined.replace(/\.js$/, '.ts'), `${joined}.ts`, `${joined}/index.ts`];
          const found = candidates.find((candidate) => files.has(candidate));
          return found ? { path: found, namespace: 'carve' } : { errors: [{ text: `${args.importer}: cannot resolve ${args.path}` }] };
        }
        if (!isBuiltin(args.path)) dependencies.add(args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!);
        return { path: args.path, external: true };
      });
      plugin.onLoad({ filter: /.*/, namespace: 'carve' }, (args) => ({ contents: files.get(args.path)!, loader: args.path.endsWith('.json') ? 'json' : 'ts' }));
    },
  };
}

/**
 * Bundles each target's entry of one function package with esbuild (bundled, minified, node20), as
 * its build script would, and returns the sizes. `files` are relative to the package root.
 */
export async function measureBundles(files: readonly RenderedFile[], targets: readonly ScaffoldTarget[]): Promise<BundleFigures> {
  const sources = new Map(files.map((file) => [file.path, file.content]));
  const dependencies = new Set<string>();
  const figures: BundleFigures['targets'] = {};
  for (const target of targets) {
    const entry = ENTRIES[target];
    if (!sources.has(entry)) continue;
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: target === 'node' ? 'esm' : 'cjs',
      write: false,
      logLevel: 'silent',
      plugins: [inMemory(sources, dependencies)],
    });
    figures[target] = { entry, bundleBytes: result.outputFiles.reduce((sum, output) => sum + output.contents.byteLength, 0) };
  }
  const sizes = Object.values(figures).map((figure) => figure.bundleBytes);
  return { measuredWith: `esbuild ${esbuildVersion}, bundled, minified, platform node, target node20`, bundleBytes: sizes.length ? Math.max(...sizes) : 0, dependencies: [...dependencies].sort(), targets: figures };
}
