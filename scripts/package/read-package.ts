// Reads a package made by `npm run package`, from its zip or from its folder (release/<folder>/), as the files that
// go into /files/<folder>/ on the 3rdpartygadget account. A zip must hold one top-level folder with gadget.xml and a
// VERSION file in it, and no entry may leave that folder (no absolute path, no '..'); each problem is one sentence.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { folderNameProblem } from './package-options.ts';
import { FILE_MODE, zipEntries } from './zip-file.ts';

export interface PackageFile {
  /** Path inside the folder, '/' separators. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
}

export interface ReadPackage {
  /** The folder's name: the segment of /3rdpartygadget/files/<folder>/. */
  readonly folder: string;
  /** The VERSION file's line: <release>+<hash>. */
  readonly version: string;
  readonly files: PackageFile[];
}

/** Reads a package zip or package folder; rejects with a sentence naming what is wrong and what to give instead. */
export async function readPackage(pathToZipOrFolder: string): Promise<ReadPackage> {
  let info;
  try {
    info = await lstat(pathToZipOrFolder);
  } catch {
    throw new Error(
      `There is no package at ${pathToZipOrFolder}: give the zip or the folder that npm run package wrote.`,
    );
  }
  const result = info.isDirectory()
    ? await fromFolder(pathToZipOrFolder)
    : fromZip(new Uint8Array(await readFile(pathToZipOrFolder)));
  if (typeof result === 'string') throw new Error(`The package ${pathToZipOrFolder} cannot be used: ${result}`);
  return result;
}

function versionOf(files: readonly PackageFile[]): string | null {
  const file = files.find((f) => f.path === 'VERSION');
  const line = file ? new TextDecoder().decode(file.bytes).trim() : '';
  return line && !line.includes('\n') ? line : null;
}

function finish(folder: string, files: PackageFile[]): ReadPackage | string {
  const problem = folderNameProblem(folder);
  if (problem) return `its folder "${folder}" is not a usable folder name (${problem})`;
  if (!files.some((f) => f.path === 'gadget.xml')) return `its folder "${folder}" has no gadget.xml.`;
  const version = versionOf(files);
  if (version === null)
    return `its folder "${folder}" has no VERSION file with one line: make the package again with npm run package.`;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { folder, version, files };
}

/** Why a zip entry's name would leave the folder it unpacks into, or null when it is a plain relative path. */
function entryNameProblem(name: string): string | null {
  if (name.includes('\\')) return `the entry "${name}" has a backslash in its path`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `the entry "${name}" has an absolute path`;
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return `the entry "${name}" climbs out of its folder with ".."`;
  if (segments.some((s) => s === '' || s === '.')) return `the entry "${name}" has an empty or "." path segment`;
  return null;
}

function fromZip(zip: Uint8Array): ReadPackage | string {
  let entries;
  let contents: Record<string, Uint8Array>;
  try {
    entries = zipEntries(zip);
    contents = unzipSync(zip);
  } catch (e) {
    return `it is not a readable zip file (${e instanceof Error ? e.message : String(e)}).`;
  }
  for (const entry of entries) {
    const problem = entryNameProblem(entry.name);
    if (problem) return `${problem}; a package's entries all stay inside its one folder.`;
  }
  const tops = [...new Set(entries.filter((e) => e.name.includes('/')).map((e) => e.name.split('/')[0] ?? ''))];
  if (tops.length === 0) return 'it has no folder: a package holds one folder (the one to upload) with gadget.xml.';
  if (tops.length > 1)
    return `it has ${tops.length} top-level folders (${tops.join(', ')}); a package holds one, the folder to upload with gadget.xml in it.`;
  const folder = tops[0] ?? '';
  const prefix = `${folder}/`;
  const files: PackageFile[] = [];
  for (const entry of entries) {
    if (entry.directory || !entry.name.startsWith(prefix)) continue;
    const bytes = contents[entry.name];
    if (bytes === undefined) return `the entry "${entry.name}" could not be read.`;
    files.push({ path: entry.name.slice(prefix.length), bytes, mode: entry.mode ?? FILE_MODE });
  }
  return finish(folder, files);
}

async function fromFolder(dir: string): Promise<ReadPackage | string> {
  let root = dir;
  const names = await readdir(dir);
  if (!names.includes('gadget.xml')) {
    // The release directory itself (release/): its one folder with gadget.xml.
    const inner: string[] = [];
    for (const name of names) {
      const sub = join(dir, name);
      if ((await lstat(sub)).isDirectory() && (await readdir(sub)).includes('gadget.xml')) inner.push(sub);
    }
    if (inner.length !== 1)
      return inner.length === 0
        ? 'it has no gadget.xml: give the zip, or the folder npm run package wrote (release/<folder>).'
        : `it holds ${inner.length} gadget folders: give one of them (${inner.map((p) => basename(p)).join(', ')}).`;
    root = inner[0] ?? dir;
  }
  const files: PackageFile[] = [];
  const walk = async (sub: string): Promise<string | null> => {
    for (const name of (await readdir(join(root, sub))).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = join(root, rel);
      const st = await lstat(full);
      if (st.isDirectory()) {
        const problem = await walk(rel);
        if (problem) return problem;
      } else if (st.isFile()) {
        files.push({ path: rel, bytes: new Uint8Array(await readFile(full)), mode: st.mode & 0o7777 });
      } else {
        return `${rel} is not a plain file (a link or device); a package holds plain files only.`;
      }
    }
    return null;
  };
  const problem = await walk('');
  if (problem) return problem;
  return finish(basename(root), files);
}
