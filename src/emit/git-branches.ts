import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutputError, type RenderedFile } from '../model/index.js';
import { relativePosix } from '../util/index.js';
import { checkRelative } from './write-generated.js';

/** One candidate's commit: its function package, monolith files, monolith patch and PR.md. */
export interface CandidateBranch {
  candidate: string;
  /** New files, paths relative to the service root. */
  files: RenderedFile[];
  /** Unified diff of edits to existing files, paths relative to the service root. */
  patch: string;
  /** Commit message: the PR title, a blank line, a body. */
  message: string;
}

export interface CommitBranchesOptions {
  /** Replace existing `carve/<candidate>` branches. */
  force: boolean;
}

export interface CommittedBranch {
  branch: string;
  commit: string;
}

const CARVE_IDENTITY = { name: 'carve', email: 'carve@localhost' };

/** A clean environment: a GIT_DIR or GIT_INDEX_FILE inherited from a hook would redirect every command. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_PREFIX']) delete env[name];
  return env;
}

function git(cwd: string, args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): string {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv(options.env), ...(options.input === undefined ? {} : { input: options.input }) }).trim();
}

function tryGit(cwd: string, args: readonly string[]): string | null {
  try {
    return git(cwd, args);
  } catch {
    return null;
  }
}

function failure(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr;
  return (stderr && stderr.trim().split('\n')[0]) || (error as Error).message.split('\n')[0]!;
}

/** The user's identity when git has one, else carve's: commits never fail for lack of user.name. */
function identity(repo: string): Record<string, string> {
  if (tryGit(repo, ['config', 'user.name']) && tryGit(repo, ['config', 'user.email'])) return {};
  return { GIT_AUTHOR_NAME: CARVE_IDENTITY.name, GIT_AUTHOR_EMAIL: CARVE_IDENTITY.email, GIT_COMMITTER_NAME: CARVE_IDENTITY.name, GIT_COMMITTER_EMAIL: CARVE_IDENTITY.email };
}

/** Branches checked out in any worktree: moving one of them would change someone's working state. */
function checkedOut(repo: string): Set<string> {
  const list = tryGit(repo, ['worktree', 'list', '--porcelain']) ?? '';
  return new Set([...list.matchAll(/^branch (\S+)$/gm)].map((m) => m[1]!));
}

function commitOne(repo: string, head: string, prefix: string, branch: CandidateBranch, ref: string, replace: boolean, author: Record<string, string>): string {
  const worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'carve-worktree-'));
  try {
    git(repo, ['worktree', 'add', '--detach', '--quiet', worktree, head]);
    const base = path.join(worktree, ...prefix.split('/').filter(Boolean));
    for (const file of branch.files) {
      const target = path.join(base, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
    if (branch.patch) git(worktree, ['apply', '--whitespace=nowarn', ...(prefix ? [`--directory=${prefix}`] : []), '-'], { input: branch.patch });
    git(worktree, ['add', '--all', '--', '.']);
    git(worktree, ['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--allow-empty', '-F', '-'], { input: branch.message, env: author });
    const commit = git(worktree, ['rev-parse', 'HEAD']);
    git(repo, ['update-ref', '-m', 'carve scaffold --git', ref, commit, ...(replace ? [] : [''])]);
    return commit;
  } catch (error) {
    throw new OutputError(`${repo}: could not make branch ${ref.replace('refs/heads/', '')}: ${failure(error)}`);
  } finally {
    tryGit(repo, ['worktree', 'remove', '--force', worktree]);
    fs.rmSync(worktree, { recursive: true, force: true });
    tryGit(repo, ['worktree', 'prune']);
  }
}

/**
 * Makes one branch `carve/<candidate>` per candidate in the repository holding `serviceRoot`, each
 * one commit on top of HEAD, built in a temporary worktree: the user's working tree, index and HEAD
 * are never touched. Everything is checked before the first branch is made; an existing branch is
 * an error unless `force`, and a branch checked out somewhere is never moved.
 */
export function commitBranches(serviceRoot: string, branches: readonly CandidateBranch[], options: CommitBranchesOptions): CommittedBranch[] {
  const root = tryGit(serviceRoot, ['rev-parse', '--show-toplevel']);
  if (!root) throw new OutputError(`${serviceRoot}: not inside a git repository; --git needs one`);
  const head = tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) throw new OutputError(`${root}: the repository has no commit yet; --git branches from HEAD`);
  const prefix = relativePosix(fs.realpathSync(root), fs.realpathSync(serviceRoot));
  const busy = checkedOut(root);
  const refs = branches.map((branch) => {
    const name = `carve/${branch.candidate}`;
    if (tryGit(root, ['check-ref-format', '--branch', name]) === null) throw new OutputError(`${name}: not a valid branch name`);
    for (const file of branch.files) checkRelative(file.path);
    const ref = `refs/heads/${name}`;
    const exists = tryGit(root, ['rev-parse', '--verify', '--quiet', ref]) !== null;
    if (exists && busy.has(ref)) throw new OutputError(`${name}: branch is checked out in a worktree; carve will not move it`);
    if (exists && !options.force) throw new OutputError(`${name}: branch exists; use --force to replace it`);
    return { ref, name, exists };
  });
  const author = identity(root);
  return branches.map((branch, i) => ({ branch: refs[i]!.name, commit: commitOne(root, head, prefix, branch, refs[i]!.ref, refs[i]!.exists, author) }));
}
