// The deploy itself, on any RemoteFs: upload into <folder>.uploading, verify it by listing (sizes, and the VERSION
// file's content), then swap it in with two renames, keeping the version it replaces as <folder>.previous.
// Until the swap, the live folder is never touched. Rollback swaps live and .previous.
import { DeployError, explain, type ErrorContext, type Stage } from './errors.ts';
import type { ReleasePackage } from './read-release.ts';
import type { RemoteFs } from './remote.ts';

export interface RemotePaths {
  live: string;
  previous: string;
  uploading: string;
  /** Where live waits during a rollback's three renames. */
  swapping: string;
}

export function remotePaths(remoteRoot: string, folder: string): RemotePaths {
  const live = `${remoteRoot.replace(/\/+$/, '')}/${folder}`;
  return { live, previous: `${live}.previous`, uploading: `${live}.uploading`, swapping: `${live}.swapping` };
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
    await remote.chmod(paths.uploading, 0o755);
  });
  for (const folder of foldersOf(pkg.files.map((f) => f.path))) {
    const path = `${paths.uploading}/${folder}`;
    await step(ctx, 'upload', path, async () => {
      await remote.mkdir(path);
      await remote.chmod(path, 0o755);
    });
  }
  const bytesTotal = pkg.files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  let bytesDone = 0;
  let filesDone = 0;
  for (const file of pkg.files) {
    const path = `${paths.uploading}/${file.path}`;
    await step(ctx, 'upload', path, async () => {
      await remote.write(path, file.bytes);
      await remote.chmod(path, 0o644);
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

/**
 * Puts the verified upload live: the older kept version is removed, live becomes .previous, .uploading becomes
 * live. Should the second rename fail, the first is undone so the old version stays live.
 * Returns whether a previous version is now kept.
 */
export async function swapIn(ctx: FlowContext): Promise<boolean> {
  const { remote, paths } = ctx;
  const hadLive = await step(ctx, 'swap', paths.live, () => remote.exists(paths.live));
  await step(ctx, 'prepare', paths.previous, async () => {
    if (await remote.exists(paths.previous)) await remote.removeTree(paths.previous);
  });
  if (hadLive)
    await step(ctx, 'prepare', paths.live, async () => {
      try {
        await remote.rename(paths.live, paths.previous);
      } catch (error) {
        throw renameRefused(error, ctx);
      }
    });
  try {
    await remote.rename(paths.uploading, paths.live);
  } catch (error) {
    if (hadLive) {
      const restored = await remote.rename(paths.previous, paths.live).then(
        () => true,
        () => false,
      );
      const state = restored
        ? `The old version is live again in ${paths.live}.`
        : `The old version is in ${paths.previous} and nothing is live: run npm run deploy -- --rollback.`;
      throw new DeployError(
        `${explain(error, { ...ctx.errors, stage: 'swap', path: paths.live }).message} ${state}`,
        'Deploy again; the verified upload stays in ' + paths.uploading + ' until then.',
      );
    }
    throw explain(error, { ...ctx.errors, stage: 'swap', path: paths.live });
  }
  return hadLive;
}

/** A server that will not rename the live folder leaves everything as it was: say so, and what to do. */
function renameRefused(error: unknown, ctx: FlowContext): DeployError {
  const cause = explain(error, { ...ctx.errors, stage: 'prepare', path: ctx.paths.live });
  return new DeployError(
    `The server would not rename ${ctx.paths.live} to ${ctx.paths.previous} (${cause.message.replace(/\.$/, '')}). ` +
      `The verified upload is in ${ctx.paths.uploading}.`,
    'This Finesse server does not allow renaming folders over SFTP: deploy under a new folder name instead ' +
      '(npm run package -- --folder NAME, then npm run deploy -- --folder NAME) and point the layout at it.',
  );
}

/** Swaps live and .previous; returns the VERSION now live and the one kept. */
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
    if (await remote.exists(paths.swapping)) await remote.removeTree(paths.swapping);
    if (hasLive) await remote.rename(paths.live, paths.swapping);
    await remote.rename(paths.previous, paths.live);
    if (hasLive) await remote.rename(paths.swapping, paths.previous);
  });
  return { live: await versionOf(paths.live), kept: hasLive ? await versionOf(paths.previous) : 'none' };
}
