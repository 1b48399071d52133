import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../emit/index.js';
import type { ProjectInputs } from '../load/index.js';
import type { Analysis, AnalyzeOptions, Facts } from '../model/index.js';
import { toolFingerprint } from './tool-fingerprint.js';

/** Bumped when the entry layout changes: older entries are then simply misses. */
const CACHE_FORMAT = 1;

/** Where cache entries live and whom to tell when one cannot be used. */
export interface AnalysisCache {
  dir: string;
  warn: (message: string) => void;
}

/** One file the program read, with the text the compiler saw (or its size, if it was skipped unread). */
export interface InputFile {
  file: string;
  text?: string;
  size?: number;
}

export type CacheHit = { kind: 'analysis'; analysis: Analysis } | { kind: 'facts'; facts: Facts };

export interface CacheEntry {
  read(): CacheHit | undefined;
  /** Hashes the files the facts come from; called while the program still holds their text. */
  noteInputs(inputs: readonly InputFile[]): void;
  storeFacts(facts: Facts): void;
  /** The rendered analysis.json text: stored as is, so a hit re-renders the very same model. */
  storeAnalysis(analysisJson: string): void;
}

interface Header {
  format: number;
  key: string;
  /** [absolute file, sha256 of its text or `size:<n>`] for every input of the facts. */
  inputs?: [string, string][];
}

/** `$XDG_CACHE_HOME/carve`, else `~/.cache/carve`: a folder the user owns, never the analysed repo. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'carve');
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** Hash of what the compiler would see: TypeScript drops a leading byte-order mark when it reads. */
const textDigest = (text: string): string => sha256(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function inputDigest(input: InputFile): string {
  return input.text !== undefined ? textDigest(input.text) : `size:${input.size ?? 0}`;
}

function currentDigest(file: string, stored: string): string | undefined {
  try {
    if (stored.startsWith('size:')) return `size:${fs.statSync(file).size}`;
    return textDigest(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** An entry file is a one-line JSON header, then the body: a stale entry is rejected without parsing the body. */
function readEntry(file: string): { header: Header; body: string } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const newline = text.indexOf('\n');
  const header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as Header;
  if (typeof header !== 'object' || header === null || typeof header.key !== 'string') throw new Error('no header');
  return { header, body: newline < 0 ? '' : text.slice(newline + 1) };
}

function isFacts(value: unknown): value is Facts {
  const facts = value as Partial<Facts> | null;
  return !!facts && ['files', 'symbols', 'calls', 'entries', 'effects', 'state', 'skipped', 'warnings'].every((key) => Array.isArray((facts as Record<string, unknown>)[key]));
}

function isAnalysis(value: unknown): value is Analysis {
  const analysis = value as Partial<Analysis> | null;
  return !!analysis && typeof analysis.schemaVersion === 'string' && Array.isArray(analysis.candidates) && typeof analysis.metrics === 'object';
}

/**
 * The cache entry for one service: facts keyed by carve's own code, the options that shape
 * extraction, the compiler options and root files, and verified against the content hash of every
 * file the program read; the analysis additionally keyed by every other option.
 */
export function openCacheEntry(cache: AnalysisCache, options: AnalyzeOptions, inputs: ProjectInputs): CacheEntry {
  const where = sha256(JSON.stringify([options.root, options.tsconfig, options.scope])).slice(0, 16);
  const folder = path.join(cache.dir, `${options.serviceName}-${where}`);
  const factsFile = path.join(folder, 'facts.json');
  const analysisFile = path.join(folder, 'analysis.json');
  const factsKey = sha256(
    JSON.stringify({
      format: CACHE_FORMAT,
      tool: toolFingerprint(),
      root: options.root,
      tsconfig: options.tsconfig,
      scope: options.scope,
      includeTests: options.includeTests,
      maxFileBytes: options.maxFileBytes,
      exclude: options.config.exclude,
      effects: options.config.effects,
      compilerOptions: inputs.compilerOptions,
      fileNames: [...inputs.fileNames].sort(),
    }),
  );
  const analysisKeyOf = (inputsDigest: string): string => sha256(JSON.stringify({ factsKey, inputsDigest, options }));
  let inputsDigest: string | undefined;
  let inputEntries: [string, string][] | undefined;

  const unusable = (file: string, error: unknown): undefined => {
    cache.warn(`${file}: cache entry is unreadable (${error instanceof Error ? error.message : String(error)}); analysing from scratch`);
    return undefined;
  };

  return {
    read() {
      let facts: { header: Header; body: string } | undefined;
      try {
        facts = readEntry(factsFile);
      } catch (error) {
        return unusable(factsFile, error);
      }
      if (!facts || facts.header.format !== CACHE_FORMAT || facts.header.key !== factsKey || !Array.isArray(facts.header.inputs)) return undefined;
      for (const [file, digest] of facts.header.inputs) if (currentDigest(file, digest) !== digest) return undefined;
      inputsDigest = sha256(JSON.stringify(facts.header.inputs));
      try {
        const analysis = readEntry(analysisFile);
        if (analysis && analysis.header.format === CACHE_FORMAT && analysis.header.key === analysisKeyOf(inputsDigest)) {
          const value: unknown = JSON.parse(analysis.body);
          if (!isAnalysis(value)) throw new Error('not an analysis');
          return { kind: 'analysis', analysis: value };
        }
      } catch (error) {
        unusable(analysisFile, error);
      }
      try {
        const value: unknown = JSON.parse(facts.body);
        if (!isFacts(value)) throw new Error('not a set of facts');
        return { kind: 'facts', facts: value };
      } catch (error) {
        return unusable(factsFile, error);
      }
    },
    noteInputs(files) {
      inputEntries = files.map((input): [string, string] => [input.file, inputDigest(input)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    },
    storeFacts(facts) {
      const entries = inputEntries;
      if (!entries) return;
      try {
        inputsDigest = sha256(JSON.stringify(entries));
        const header: Header = { format: CACHE_FORMAT, key: factsKey, inputs: entries };
        writeFileAtomic(factsFile, [`${JSON.stringify(header)}\n`, JSON.stringify(facts)]);
      } catch (error) {
        inputsDigest = undefined;
        cache.warn(`${factsFile}: cannot write the cache (${error instanceof Error ? error.message : String(error)})`);
      }
    },
    storeAnalysis(analysisJson) {
      if (!inputsDigest) return;
      try {
        const header: Header = { format: CACHE_FORMAT, key: analysisKeyOf(inputsDigest) };
        writeFileAtomic(analysisFile, [`${JSON.stringify(header)}\n`, analysisJson]);
      } catch (error) {
        cache.warn(`${analysisFile}: cannot write the cache (${error instanceof Error ? error.message : String(error)})`);
      }
    },
  };
}
