// Reads a release the way `npm run package` lays it out: either the folder that goes into /files/<folder>/ as it
// is, or the release zip, whose one top-level folder holding gadget.xml is that folder. Same shape as the package
// reader (scripts/package/read-package.ts); this stand-in serves until both live on one branch.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';

export interface PackageFile {
  /** Relative to the folder, '/' separators. */
  path: string;
  bytes: Uint8Array;
  mode: number;
}

export interface ReleasePackage {
  folder: string;
  version: string;
  files: PackageFile[];
}

/** A release that cannot be read, in words saying what is wrong with it. */
export class PackageProblem extends Error {}

function versionOf(files: PackageFile[], where: string): string {
  const file = files.find((f) => f.path === 'VERSION');
  if (!file) throw new PackageProblem(`${where} has no VERSION file: build it again with npm run package.`);
  return new TextDecoder().decode(file.bytes).trim();
}

function fromFolder(dir: string): ReleasePackage {
  const files: PackageFile[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        files.push({ path: relative(dir, full).split(sep).join('/'), bytes: readFileSync(full), mode: 0o644 });
    }
  };
  walk(dir);
  if (!files.some((f) => f.path === 'gadget.xml'))
    throw new PackageProblem(`${dir} has no gadget.xml: give the release folder made by npm run package.`);
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { folder: basename(dir), version: versionOf(files, dir), files };
}

function fromZip(zipPath: string): ReleasePackage {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(readFileSync(zipPath));
  } catch {
    throw new PackageProblem(`${zipPath} is not a readable zip file: build it again with npm run package.`);
  }
  const tops = new Set(
    Object.keys(entries)
      .filter((name) => /^[^/]+\/gadget\.xml$/.test(name))
      .map((name) => name.split('/')[0]!),
  );
  if (tops.size !== 1)
    throw new PackageProblem(
      `${zipPath} should hold exactly one folder with a gadget.xml, but holds ${tops.size}: build it again with npm run package.`,
    );
  const [folder] = [...tops] as [string];
  const files = Object.entries(entries)
    .filter(([name]) => name.startsWith(`${folder}/`) && !name.endsWith('/'))
    .map(([name, bytes]) => ({ path: name.slice(folder.length + 1), bytes, mode: 0o644 }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { folder, version: versionOf(files, zipPath), files };
}

export async function readPackage(pathToZipOrFolder: string): Promise<ReleasePackage> {
  let isDir: boolean;
  try {
    isDir = statSync(pathToZipOrFolder).isDirectory();
  } catch {
    throw new PackageProblem(`There is no release at ${pathToZipOrFolder}: build one with npm run package first.`);
  }
  return isDir ? fromFolder(pathToZipOrFolder) : fromZip(pathToZipOrFolder);
}
