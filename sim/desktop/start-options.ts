// The command line of `npm start`: a Finesse layout XML to load (--layout FILE), folders of gadgets served as
// /3rdpartygadget/files/<folder name>/ (--gadgets DIR, repeatable) and where a copy of Cisco's library is
// (--finesse-js DIR) and which Finesse release the desktop stands for (--finesse-version 11.6: before 12.0 there are no
// digital channels and no popovers, to try a gadget's fallback). Every problem comes back as one sentence saying what to fix.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { err, ok, type Result } from '../../src/core/result.ts';
import { parseLayout } from './layout.ts';
import { PRODUCT_FOLDER, parseFinesseVersion } from './desktop-routes.ts';

interface StartOptions {
  /** The layout XML as read from the file, when --layout was given. */
  readonly layoutXml?: string;
  readonly layoutFile?: string;
  /** Folder name -> absolute directory. */
  readonly gadgetFolders: Readonly<Record<string, string>>;
  readonly finesseJsDir?: string;
  /** --finesse-version: the release the desktop stands for. */
  readonly finesseVersion?: string;
  /** --check: validate and exit (npm start does this before building). */
  readonly checkOnly: boolean;
}

const START_USAGE =
  'npm start -- [--layout my-layout.xml] [--gadgets ./folder ...] [--finesse-js DIR] [--finesse-version 11.6]';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads `npm start` arguments relative to `cwd`. */
export function parseStartArgs(argv: readonly string[], cwd: string): Result<StartOptions, string> {
  let layoutFile: string | undefined;
  let finesseJsDir: string | undefined;
  let finesseVersion: string | undefined;
  let checkOnly = false;
  const folders: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === '--check') {
      checkOnly = true;
      continue;
    }
    if (name !== '--layout' && name !== '--gadgets' && name !== '--finesse-js' && name !== '--finesse-version') {
      return err(`npm start does not know the option "${arg}". Usage: ${START_USAGE}`);
    }
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      return err(`${name} needs a value. Usage: ${START_USAGE}`);
    }
    if (name === '--finesse-version') {
      if (parseFinesseVersion(value) === null)
        return err(
          `--finesse-version ${value}: give a Finesse release such as 12.5 or 11.6 (before 12.0 the desktop has no digital channels and no popovers).`,
        );
      finesseVersion = value.trim();
      continue;
    }
    const path = resolve(cwd, value);
    if (name === '--layout') {
      if (layoutFile !== undefined) return err('--layout was given twice; a desktop loads one layout.');
      layoutFile = path;
    } else if (name === '--finesse-js') {
      if (!isDirectory(path))
        return err(
          `--finesse-js ${value}: there is no folder ${path}. Create it and copy finesse.js (and jquery.min.js) from your Finesse server's /desktop/assets/js/ into it.`,
        );
      finesseJsDir = path;
    } else {
      if (!isDirectory(path))
        return err(
          `--gadgets ${value}: there is no folder ${path}. Name a folder that holds your gadget's XML and files.`,
        );
      const folder = basename(path);
      if (folder === PRODUCT_FOLDER)
        return err(
          `--gadgets ${value}: the folder name "${PRODUCT_FOLDER}" is the product gadget's own; rename your folder.`,
        );
      if (!/^[A-Za-z0-9._-]+$/.test(folder))
        return err(
          `--gadgets ${value}: the folder name "${folder}" cannot be a URL path segment; use letters, digits, ".", "_" or "-".`,
        );
      const existing = folders[folder];
      if (existing !== undefined && existing !== path)
        return err(
          `--gadgets: two folders are both named "${folder}" (${existing} and ${path}); each is served as /3rdpartygadget/files/<folder name>/, so rename one.`,
        );
      folders[folder] = path;
    }
  }
  let layoutXml: string | undefined;
  if (layoutFile !== undefined) {
    try {
      layoutXml = readFileSync(layoutFile, 'utf8');
    } catch {
      return err(`--layout: the layout file ${layoutFile} does not exist or cannot be read.`);
    }
    const layout = parseLayout(layoutXml);
    if (!layout.ok) return err(`--layout ${layoutFile}: not a usable Finesse layout. ${layout.error}`);
  }
  return ok({
    ...(layoutXml !== undefined ? { layoutXml } : {}),
    ...(layoutFile !== undefined ? { layoutFile } : {}),
    gadgetFolders: folders,
    ...(finesseJsDir !== undefined ? { finesseJsDir } : {}),
    ...(finesseVersion !== undefined ? { finesseVersion } : {}),
    checkOnly,
  });
}
