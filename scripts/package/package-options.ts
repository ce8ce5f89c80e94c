// The command line of `npm run package`: the upload folder's name (--folder, one URL path segment) and where the
// release is written (--out). Every problem comes back as one sentence saying what to fix.
import { resolve } from 'node:path';
import { err, ok, type Result } from '../../src/core/result.ts';

export const DEFAULT_FOLDER = 'finesse-blend';
export const DEFAULT_OUT = 'release';
export const PACKAGE_USAGE = 'npm run package -- [--folder NAME] [--out DIR] [--source-maps]';

/** Suffixes `npm run deploy` gives its own folders beside the live one on the server. */
const RESERVED_SUFFIXES = ['.previous', '.uploading', '.discard'];
const MAX_FOLDER_LENGTH = 64;

export interface PackageOptions {
  /** The folder under /3rdpartygadget/files/ the gadgets are served from. */
  readonly folder: string;
  /** Absolute directory the release is written to. */
  readonly out: string;
  readonly help: boolean;
  /** --source-maps: keep the scripts' source maps in the package (default: left out). */
  readonly sourceMaps: boolean;
}

/**
 * Checks a folder name: one path segment of the gadget URL, so letters, digits, '.', '_' and '-', starting with a
 * letter or digit. Null when it is good, else the sentence that says why not.
 */
export function folderNameProblem(name: string): string | null {
  const rule = `a folder name is one segment of the gadget's URL (/3rdpartygadget/files/<folder>/): letters, digits, ".", "_" and "-", starting with a letter or digit, at most ${MAX_FOLDER_LENGTH} characters (e.g. ${DEFAULT_FOLDER})`;
  if (name === '') return `--folder is empty: ${rule}.`;
  if (name.length > MAX_FOLDER_LENGTH) return `--folder "${name}" is too long: ${rule}.`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return `--folder "${name}" cannot be used: ${rule}.`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix)
    return `--folder "${name}" ends with "${suffix}", which npm run deploy uses for its own folders beside the live one: choose another name.`;
  return null;
}

/** Reads `npm run package` arguments; --out is resolved against `cwd` (where the administrator ran npm). */
export function parsePackageArgs(argv: readonly string[], cwd: string): Result<PackageOptions, string> {
  let folder = DEFAULT_FOLDER;
  let out = DEFAULT_OUT;
  let help = false;
  let sourceMaps = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--source-maps') {
      sourceMaps = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--folder' && name !== '--out') {
      return err(`npm run package does not know "${arg}". Usage: ${PACKAGE_USAGE}`);
    }
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return err(`${name} needs a value. Usage: ${PACKAGE_USAGE}`);
    }
    if (name === '--folder') folder = value;
    else if (value === '') return err(`--out is empty: name the directory to write the release to (e.g. release).`);
    else out = value;
  }
  const problem = folderNameProblem(folder);
  if (problem) return err(problem);
  return ok({ folder, out: resolve(cwd, out), help, sourceMaps });
}
