// The release zip: written with fflate, each entry marked as made on Unix with its mode in the external attributes
// (files 0644, folders 0755), so `unzip` on Linux gives the permissions Finesse's Tomcat needs to serve them.
// fflate's reader gives no attributes, so the modes are read back from the zip's central directory here.
import { zipSync, type Zippable } from 'fflate';

/** The modes a gadget's files and folders need on Finesse (Tomcat serves only what all may read): in the zip, in
 * the package folder and on the server after a deploy. */
export const FILE_MODE = 0o644;
export const DIR_MODE = 0o755;

const UNIX = 3;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

export interface ZipInput {
  /** '/'-separated path inside the zip. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * A zip of `files`, with an entry for every folder on their paths. Files get mode 0644 and folders 0755; entries are
 * in path order, so the same files give the same entries.
 */
export function makeZip(files: readonly ZipInput[], mtime: Date = new Date()): Uint8Array {
  const folders = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i += 1) folders.add(`${parts.slice(0, i).join('/')}/`);
  }
  const entries: Zippable = {};
  for (const folder of [...folders].sort()) {
    entries[folder] = [new Uint8Array(0), { os: UNIX, attrs: ((S_IFDIR | DIR_MODE) << 16) >>> 0, level: 0, mtime }];
  }
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    entries[f.path] = [f.bytes, { os: UNIX, attrs: ((S_IFREG | FILE_MODE) << 16) >>> 0, level: 9, mtime }];
  }
  return zipSync(entries);
}

export interface ZipEntryInfo {
  readonly name: string;
  /** Permission bits (e.g. 0o644) when the entry was made on Unix with a mode; null otherwise. */
  readonly mode: number | null;
  readonly directory: boolean;
}

/** The entries of a zip as its central directory lists them; throws a sentence when it is not a zip. */
export function zipEntries(zip: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 65535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('it is not a zip file (no end of central directory)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const out: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50)
      throw new Error('its central directory is damaged');
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    const unixMode = madeBy === UNIX ? external >>> 16 : 0;
    out.push({
      name,
      mode: unixMode === 0 ? null : unixMode & 0o7777,
      directory: name.endsWith('/') || (unixMode & 0o170000) === S_IFDIR,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
