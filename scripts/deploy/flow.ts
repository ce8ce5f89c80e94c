// The deploy itself, on any RemoteFs: upload into <folder>.uploading, verify it by listing (sizes, and the VERSION
// file's content), then swap it in with two renames, keeping the version it replaces as <folder>.previous.
// Until the swap, the live folder is never touched. Rollback swaps live and .previous.
import { DeployError, explain, SFTP_STATUS, type ErrorContext, type Stage } from './errors.ts';
import type { PackageFile, ReadPackage as ReleasePackage } from '../package/read-package.ts';
import type { RemoteFs } from './remote.ts';
import { DIR_MODE, FILE_MODE } from '../package/zip-file.ts';

export interface RemotePaths {
  live: string;
  previous: string;
  uploading: string;
  /** Where a version waits during a swap's renames. */
  discard: string;
}

export function remotePaths(remoteRoot: string, folder: string): RemotePaths {
  const live = `${remoteRoot.replace(/\/+$/, '')}/${folder}`;
  return { live, previous: `${live}.previous`, uploading: `${live}.uploading`, discard: `${live}.discard` };
}

export interface Progress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  path: string;
}

export interface FlowContext {
  remote: RemoteFs;
  paths: RemotePaths;
  /** Host, user etc. for the error words; stage and path are filled in here. */
  errors: Omit<ErrorContext, 'stage' | 'path'>;
  onProgress: (p: Progress) => void;
  /** A line worth telling the administrator (e.g. that the copy fallback is used). */
  onNote: (line: string) => void;
}

async function step<T>(ctx: FlowContext, stage: Stage, path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw explain(error, { ...ctx.errors, stage, path });
  }
}

/** Folders a set of file paths needs, parents before children ('a/b/c.txt' → 'a', 'a/b'). */
export function foldersOf(paths: string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i += 1) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/** Every file under `dir` on the server, by path relative to it, with its size. */
async function listTree(remote: RemoteFs, dir: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const walk = async (at: string, prefix: string) => {
    for (const entry of await remote.list(at)) {
      if (entry.type === 'd') await walk(`${at}/${entry.name}`, `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, entry.size);
    }
  };
  await walk(dir, '');
  return files;
}

/** The differences between what is on the server and what the package holds, in words; empty when they agree. */
export function compareListing(onServer: Map<string, number>, pkg: ReleasePackage): string[] {
  const problems: string[] = [];
  for (const file of pkg.files) {
    const size = onServer.get(file.path);
    if (size === undefined) problems.push(`${file.path} is missing`);
    else if (size !== file.bytes.byteLength)
      problems.push(`${file.path} is ${size} bytes, not ${file.bytes.byteLength}`);
  }
  const expected = new Set(pkg.files.map((f) => f.path));
  for (const path of onServer.keys()) if (!expected.has(path)) problems.push(`${path} is not in the package`);
  return problems;
}

/** Uploads and verifies the package into .uploading; the live folder is not touched. */
export async function upload(ctx: FlowContext, pkg: ReleasePackage): Promise<void> {
  const { remote, paths } = ctx;
  await step(ctx, 'prepare', paths.uploading, async () => {
    // A folder left by an interrupted deploy is ours to replace.
    if (await remote.exists(paths.uploading)) await remote.removeTree(paths.uploading);
    await remote.mkdir(paths.uploading);
    await remote.chmod(paths.uploading, DIR_MODE);
  });
  for (const folder of foldersOf(pkg.files.map((f) => f.path))) {
    const path = `${paths.uploading}/${folder}`;
    await step(ctx, 'upload', path, async () => {
      await remote.mkdir(path);
      await remote.chmod(path, DIR_MODE);
    });
  }
  const bytesTotal = pkg.files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  let bytesDone = 0;
  let filesDone = 0;
  for (const file of pkg.files) {
    const path = `${paths.uploading}/${file.path}`;
    await step(ctx, 'upload', path, async () => {
      await remote.write(path, file.bytes);
      await remote.chmod(path, FILE_MODE);
    });
    filesDone += 1;
    bytesDone += file.bytes.byteLength;
    ctx.onProgress({ filesDone, filesTotal: pkg.files.length, bytesDone, bytesTotal, path: file.path });
  }
  await verify(ctx, pkg, paths.uploading);
}

/** Lists `dir` and compares it with the package (every file, its size, and the VERSION file's content). */
export async function verify(ctx: FlowContext, pkg: ReleasePackage, dir: string): Promise<void> {
  const onServer = await step(ctx, 'verify', dir, () => listTree(ctx.remote, dir));
  const problems = compareListing(onServer, pkg);
  if (problems.length === 0) {
    const version = await step(ctx, 'verify', `${dir}/VERSION`, () => ctx.remote.read(`${dir}/VERSION`));
    if (version.toString('utf8').trim() !== pkg.version)
      problems.push(`VERSION reads "${version.toString('utf8').trim()}", not "${pkg.version}"`);
  }
  if (problems.length > 0)
    throw new DeployError(
      `The upload to ${dir} does not match the package: ${problems.slice(0, 5).join('; ')}` +
        `${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}. Nothing was switched: the live version in ${ctx.paths.live} is untouched.`,
      'Deploy again; if it fails the same way, check the free space on the Finesse server.',
    );
}

/** A server that will not rename at all answers a rename with "permission denied" or "operation unsupported". */
function isRenameRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === SFTP_STATUS.permissionDenied || code === SFTP_STATUS.opUnsupported;
}

/** Every file under `dir` on the server, read into memory (gadget folders are small). */
async function readTree(remote: RemoteFs, dir: string): Promise<PackageFile[]> {
  const sizes = await listTree(remote, dir);
  const files: PackageFile[] = [];
  for (const path of [...sizes.keys()].sort())
    files.push({ path, bytes: await remote.read(`${dir}/${path}`), mode: FILE_MODE });
  return files;
}

/** Makes `dir` hold exactly `files` (written over what is there; what is not in `files` removed). */
async function writeTree(remote: RemoteFs, dir: string, files: PackageFile[]): Promise<void> {
  if (!(await remote.exists(dir))) await remote.mkdir(dir);
  await remote.chmod(dir, DIR_MODE);
  const folders = foldersOf(files.map((f) => f.path));
  for (const folder of folders) {
    const path = `${dir}/${folder}`;
    if (!(await remote.exists(path))) await remote.mkdir(path);
    await remote.chmod(path, DIR_MODE);
  }
  for (const file of files) {
    await remote.write(`${dir}/${file.path}`, file.bytes);
    await remote.chmod(`${dir}/${file.path}`, FILE_MODE);
  }
  const wanted = new Set(files.map((f) => f.path));
  const wantedFolders = new Set(folders);
  const prune = async (at: string, prefix: string) => {
    for (const entry of await remote.list(at)) {
      const path = `${prefix}${entry.name}`;
      if (entry.type === 'd') {
        if (wantedFolders.has(path)) await prune(`${at}/${entry.name}`, `${path}/`);
        else await remote.removeTree(`${at}/${entry.name}`);
      } else if (!wanted.has(path)) await remote.remove(`${at}/${entry.name}`);
    }
  };
  await prune(dir, '');
}

export interface SwapResult {
  /** A previous version is now kept in .previous. */
  kept: boolean;
  /** The server refused renames, so the files were copied instead. */
  copied: boolean;
}

/**
 * Puts the verified upload live with renames: the older kept version moves aside (.discard), live becomes
 * .previous, .uploading becomes live, and the old kept version is removed. A rename that fails half way is undone
 * so the old version stays live.
 * A server that refuses the first rename (nothing has changed yet) gets the copy fallback: the live files are read
 * and written into .previous, then the package is written over the live folder and verified there.
 */
export async function swapIn(ctx: FlowContext, pkg: ReleasePackage): Promise<SwapResult> {
  const { remote, paths } = ctx;
  const [hadLive, hadPrevious] = await step(ctx, 'prepare', paths.live, () =>
    Promise.all([remote.exists(paths.live), remote.exists(paths.previous)]),
  );
  await step(ctx, 'prepare', paths.discard, async () => {
    if (await remote.exists(paths.discard)) await remote.removeTree(paths.discard);
  });
  const renames: [string, string][] = [];
  if (hadPrevious) renames.push([paths.previous, paths.discard]);
  if (hadLive) renames.push([paths.live, paths.previous]);
  renames.push([paths.uploading, paths.live]);
  const renamed = await renameInTurn(remote, renames);
  if (renamed.kind === 'refused') return copyIn(ctx, pkg, hadLive);
  if (renamed.kind === 'failed') {
    if (renamed.done === 0) throw explain(renamed.error, { ...ctx.errors, stage: 'prepare', path: renamed.from });
    throw new DeployError(
      `${explain(renamed.error, { ...ctx.errors, stage: 'swap', path: renamed.from }).message} ` +
        (renamed.undone
          ? `The old version is live again in ${paths.live}.`
          : `Putting the old version back failed too: check ${paths.live}, ${paths.previous} and ${paths.discard}, or run npm run deploy -- --rollback.`),
      `Deploy again; the verified upload is in ${paths.uploading}.`,
    );
  }
  if (hadPrevious)
    await remote
      .removeTree(paths.discard)
      .catch(() =>
        ctx.onNote(
          `Note: the older kept version could not be removed from ${paths.discard}; remove it when convenient.`,
        ),
      );
  return { kept: hadLive, copied: false };
}

type RenameOutcome =
  | { readonly kind: 'done' }
  /** The first rename was refused as not allowed on this server: nothing changed. */
  | { readonly kind: 'refused' }
  /** A rename failed after `done` others; they were undone (or not: `undone`). */
  | {
      readonly kind: 'failed';
      readonly error: unknown;
      readonly from: string;
      readonly done: number;
      readonly undone: boolean;
    };

/** Renames in turn; a failure half way undoes the renames done, in reverse, so the folders are as they were. */
async function renameInTurn(remote: RemoteFs, renames: readonly [string, string][]): Promise<RenameOutcome> {
  const done: [string, string][] = [];
  for (const [from, to] of renames) {
    try {
      await remote.rename(from, to);
      done.push([from, to]);
    } catch (error) {
      if (done.length === 0 && isRenameRefusal(error)) return { kind: 'refused' };
      return { kind: 'failed', error, from, done: done.length, undone: await undo(remote, done) };
    }
  }
  return { kind: 'done' };
}

async function undo(remote: RemoteFs, done: [string, string][]): Promise<boolean> {
  for (const [from, to] of [...done].reverse()) {
    try {
      await remote.rename(to, from);
    } catch {
      return false;
    }
  }
  return true;
}

async function copyIn(ctx: FlowContext, pkg: ReleasePackage, hadLive: boolean): Promise<SwapResult> {
  const { remote, paths } = ctx;
  ctx.onNote(
    `This server does not allow renaming folders: copying instead (the live version is kept in ${paths.previous} by copying it first).`,
  );
  if (hadLive) {
    const old = await step(ctx, 'prepare', paths.live, () => readTree(remote, paths.live));
    await step(ctx, 'prepare', paths.previous, () => writeTree(remote, paths.previous, old));
  }
  await step(ctx, 'swap', paths.live, () => writeTree(remote, paths.live, pkg.files));
  try {
    await verify(ctx, pkg, paths.live);
  } catch (error) {
    throw new DeployError(
      `${(error as Error).message.replace(/ Nothing was switched.*$/, '')} The live folder was written in place and may be incomplete.`,
      hadLive ? `Deploy again, or put the kept version back with npm run deploy -- --rollback.` : 'Deploy again.',
    );
  }
  await remote.removeTree(paths.uploading).catch(() => {});
  return { kept: hadLive, copied: true };
}

/** Swaps live and .previous (by renames, or by copying on a server that refuses them); returns both VERSIONs. */
export async function rollback(ctx: FlowContext): Promise<{ live: string; kept: string }> {
  const { remote, paths } = ctx;
  const versionOf = async (dir: string) =>
    remote.read(`${dir}/VERSION`).then(
      (b) => b.toString('utf8').trim(),
      () => 'unknown',
    );
  const [hasPrevious, hasLive] = await step(ctx, 'rollback', paths.previous, () =>
    Promise.all([remote.exists(paths.previous), remote.exists(paths.live)]),
  );
  if (!hasPrevious)
    throw new DeployError(
      `There is no previous version to go back to: ${paths.previous} does not exist.`,
      'A previous version is kept only after a deploy replaced one; deploy the version you want instead.',
    );
  await step(ctx, 'rollback', paths.live, async () => {
    if (await remote.exists(paths.discard)) await remote.removeTree(paths.discard);
    const renames: [string, string][] = hasLive
      ? [
          [paths.live, paths.discard],
          [paths.previous, paths.live],
          [paths.discard, paths.previous],
        ]
      : [[paths.previous, paths.live]];
    const renamed = await renameInTurn(remote, renames);
    if (renamed.kind === 'refused') {
      ctx.onNote('This server does not allow renaming folders: swapping the two versions by copying.');
      const live = hasLive ? await readTree(remote, paths.live) : [];
      const kept = await readTree(remote, paths.previous);
      await writeTree(remote, paths.live, kept);
      if (hasLive) await writeTree(remote, paths.previous, live);
      else await remote.removeTree(paths.previous);
    } else if (renamed.kind === 'failed') throw renamed.error;
  });
  return {
    live: await versionOf(paths.live),
    kept: (await remote.exists(paths.previous)) ? await versionOf(paths.previous) : 'none',
  };
}
