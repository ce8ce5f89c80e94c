// Makes the release an administrator installs: both gadgets built for the upload folder into <out>/<folder>/ (the
// files exactly as they go into /files/<folder>/ on the 3rdpartygadget account), <out>/layout-snippet.xml,
// <out>/INSTALL.md, and <out>/finesse-blend-<release>-<folder>.zip holding all three. Before anything is zipped,
// every file the gadget specs load from the folder is checked to be there.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { folderNameProblem } from './package-options.ts';
import { escapeRegExp, folderReferences, VERSION_PARAM } from './versioned-urls.ts';
import { layoutSnippetXml } from './layout-snippet.ts';
import { installGuide, preferencesTable } from './install-guide.ts';
import { DIR_MODE, FILE_MODE, makeZip, type ZipInput } from './zip-file.ts';
import { readPackage } from './read-package.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The two gadget specs a package carries. */
export const GADGET_SPECS = ['gadget.xml', 'team-gadget.xml'] as const;
export const LAYOUT_SNIPPET = 'layout-snippet.xml';
export const INSTALL_GUIDE = 'INSTALL.md';

export interface PackageResult {
  readonly folder: string;
  /** The VERSION line: <release>+<hash>. */
  readonly version: string;
  /** package.json's version. */
  readonly release: string;
  /** <out>/<folder>: the folder to upload. */
  readonly dir: string;
  readonly zip: string;
  readonly layoutSnippet: string;
  readonly installGuide: string;
  /** The folder's files and their total size. */
  readonly files: number;
  readonly bytes: number;
}

/** The zip's file name for a release and folder. */
export function zipName(release: string, folder: string): string {
  return `finesse-blend-${release}-${folder}.zip`;
}

/** Problems with what the gadget specs in `dir` load: a missing file, another folder, a URL without its version. */
export function referenceProblems(dir: string, folder: string): string[] {
  const problems: string[] = [];
  for (const spec of GADGET_SPECS) {
    const path = join(dir, spec);
    if (!existsSync(path)) {
      problems.push(`${spec} is missing from the build`);
      continue;
    }
    const xml = readFileSync(path, 'utf8');
    for (const m of xml.matchAll(/\/3rdpartygadget\/files\/([^/"'\s<>]+)\//g)) {
      if (m[1] !== folder) problems.push(`${spec} loads a file from the folder "${m[1] ?? ''}", not from "${folder}"`);
    }
    for (const ref of folderReferences(xml, folder)) {
      if (!existsSync(join(dir, ref))) problems.push(`${spec} loads ${ref}, which is not in the package`);
      const versioned = new RegExp(`/${escapeRegExp(ref)}\\?${VERSION_PARAM}=`);
      if (!versioned.test(xml)) problems.push(`${spec} loads ${ref} without its version in the URL`);
    }
  }
  return problems;
}

/** Builds both gadgets for `folder` and writes the release into `out`; throws a sentence when it cannot. */
export async function makePackage(options: {
  readonly folder: string;
  readonly out: string;
  readonly root?: string;
  /**
   * Source maps beside the scripts (default off: they are most of the package's bytes and an agent's desktop never
   * needs them; a support engineer may want them on a test server).
   */
  readonly sourceMaps?: boolean;
}): Promise<PackageResult> {
  const { folder, out } = options;
  const root = options.root ?? ROOT;
  const problem = folderNameProblem(folder);
  if (problem) throw new Error(problem);
  const dir = join(out, folder);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || !existsSync(join(dir, 'VERSION')))) {
    throw new Error(
      `${dir} is there and is not a package folder made before (it has no VERSION file): move it away or choose another --out.`,
    );
  }
  mkdirSync(out, { recursive: true });
  const release = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

  // vite.config.ts reads GADGET_FOLDER when it is loaded, which a build does afresh.
  const previous = process.env.GADGET_FOLDER;
  process.env.GADGET_FOLDER = folder;
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true, sourcemap: options.sourceMaps ?? false },
    });
  } finally {
    if (previous === undefined) delete process.env.GADGET_FOLDER;
    else process.env.GADGET_FOLDER = previous;
  }

  const problems = referenceProblems(dir, folder);
  if (problems.length > 0) throw new Error(`The build is not a whole package: ${problems.join('; ')}.`);
  // The built folder, read once: its files (and VERSION) go into the zip as they are.
  const built = await readPackage(dir);
  const { version } = built;

  // Tomcat on Finesse serves a file only when it is readable by all (finesse-facts A7).
  const dirs = new Set<string>(['']);
  for (const file of built.files) {
    chmodSync(join(dir, file.path), FILE_MODE);
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i += 1) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const sub of dirs) chmodSync(join(dir, sub), DIR_MODE);

  const layoutSnippet = join(out, LAYOUT_SNIPPET);
  const guide = join(out, INSTALL_GUIDE);
  const name = zipName(release, folder);
  writeFileSync(layoutSnippet, layoutSnippetXml(folder, version), { mode: FILE_MODE });
  writeFileSync(
    guide,
    installGuide({
      folder,
      version,
      zipName: name,
      preferences: preferencesTable(readFileSync(join(root, 'README.md'), 'utf8')),
    }),
    { mode: FILE_MODE },
  );

  const entries: ZipInput[] = built.files.map((file) => ({ path: `${folder}/${file.path}`, bytes: file.bytes }));
  const bytes = built.files.reduce((sum, file) => sum + file.bytes.length, 0);
  entries.push({ path: LAYOUT_SNIPPET, bytes: readFileSync(layoutSnippet) });
  entries.push({ path: INSTALL_GUIDE, bytes: readFileSync(guide) });
  const zip = join(out, name);
  writeFileSync(zip, makeZip(entries), { mode: FILE_MODE });

  // The zip reads back as the folder it was made from.
  const check = await readPackage(zip);
  if (check.folder !== folder || check.version !== version || check.files.length !== built.files.length) {
    throw new Error(`${zip} does not read back as the folder it was made from: make the package again.`);
  }
  return { folder, version, release, dir, zip, layoutSnippet, installGuide: guide, files: built.files.length, bytes };
}
