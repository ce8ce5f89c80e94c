// Version marks in the gadget specs' URLs. Shindig caches a gadget spec, and what the desktop loads from it may be
// cached by Finesse and by browsers: a script, message bundle or thumbnail URL that carries its own content's hash
// (?v=<release>-<8 hex>) is a new URL whenever the file changes, so a new spec never meets an old script.
import { createHash } from 'node:crypto';

/** The query parameter that carries a file's version. */
export const VERSION_PARAM = 'v';

/** Eight hex digits of a content's SHA-256. */
export function shortHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 8);
}

/** A file's version as its URL carries it: the release (package.json version) and its content's hash. */
export function fileVersion(release: string, content: string | Uint8Array): string {
  return `${release}-${shortHash(content)}`;
}

/**
 * The package's version (its VERSION file): the release and one hash over every file's path and content, so two
 * builds with the same files have the same version. Source maps are left out: they follow from the scripts.
 */
export function packageVersion(release: string, files: Iterable<readonly [string, string | Uint8Array]>): string {
  const hash = createHash('sha256');
  const sorted = [...files].filter(([path]) => !path.endsWith('.map')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, content] of sorted) {
    hash.update(path);
    hash.update('\0');
    hash.update(content);
    hash.update('\0');
  }
  return `${release}+${hash.digest('hex').slice(0, 8)}`;
}

/** Text as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every quoted URL under the upload folder in a text: `"/3rdpartygadget/files/<folder>/<path>[?query]"`. */
function folderUrlPattern(folder: string): RegExp {
  return new RegExp(`(["'])/3rdpartygadget/files/${escapeRegExp(folder)}/([^"'?#\\s<>]+)(\\?[^"'#\\s<>]*)?\\1`, 'g');
}

/** The files under the upload folder a gadget spec refers to (script src, Locale messages, thumbnail), query-less. */
export function folderReferences(specXml: string, folder: string): string[] {
  const out = new Set<string>();
  for (const m of specXml.matchAll(folderUrlPattern(folder))) out.add(m[2] ?? '');
  return [...out].filter(Boolean);
}

/**
 * Gives every URL under the upload folder in a gadget spec a `?v=` of the file's version. `contentOf` returns a
 * file's content by its path in the folder, or undefined when the build has no such file: those URLs are left as
 * they are and listed in `missing`. A URL that already has a query is left alone.
 */
export function versionSpecUrls(
  specXml: string,
  folder: string,
  release: string,
  contentOf: (path: string) => string | Uint8Array | undefined,
): { readonly xml: string; readonly missing: readonly string[] } {
  const missing: string[] = [];
  const xml = specXml.replace(folderUrlPattern(folder), (whole, quote: string, path: string, query?: string) => {
    if (query !== undefined) return whole;
    const content = contentOf(path);
    if (content === undefined) {
      missing.push(path);
      return whole;
    }
    const version = encodeURIComponent(fileVersion(release, content));
    return `${quote}/3rdpartygadget/files/${folder}/${path}?${VERSION_PARAM}=${version}${quote}`;
  });
  return { xml, missing };
}
