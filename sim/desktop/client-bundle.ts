// Bundles the harness's browser code (sim/desktop/client/*.ts) into classic scripts with esbuild, on first use.
// In watch mode each request rebuilds incrementally, so edits show on reload without restarting.
import { context, type BuildContext } from 'esbuild';
import { join } from 'node:path';

const CLIENT_DIR = join(import.meta.dirname, 'client');

/** The browser entry points, by the file name they are served as. */
const CLIENT_ENTRIES: Readonly<Record<string, string>> = {
  'desktop.js': join(CLIENT_DIR, 'desktop-main.ts'),
  'control.js': join(CLIENT_DIR, 'control-main.ts'),
  'features.js': join(CLIENT_DIR, 'gadget-features.ts'),
  // The stand-in's partial finesse.js, served at /desktop/assets/js/ when no copy of Cisco's library is in place.
  'finesse-lib-12.js': join(CLIENT_DIR, 'finesse-lib-12.ts'),
  'finesse-lib-pre12.js': join(CLIENT_DIR, 'finesse-lib-pre12.ts'),
};

interface ClientBundler {
  /** The bundled script for an entry name, or null for an unknown name. */
  get(name: string): Promise<string | null>;
  close(): Promise<void>;
}

/** Creates the bundler; `rebuildEachTime` rebuilds on every request (for development). */
export function createClientBundler({ rebuildEachTime = false } = {}): ClientBundler {
  const contexts = new Map<string, Promise<BuildContext>>();
  const cache = new Map<string, Promise<string>>();

  const ctxFor = (entry: string) => {
    let ctx = contexts.get(entry);
    if (!ctx) {
      ctx = context({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2021',
        write: false,
        sourcemap: 'inline',
        logLevel: 'silent',
        legalComments: 'none',
      });
      contexts.set(entry, ctx);
    }
    return ctx;
  };

  const build = async (entry: string) => {
    const result = await (await ctxFor(entry)).rebuild();
    const file = result.outputFiles?.[0];
    if (!file) throw new Error(`esbuild produced no output for ${entry}`);
    return file.text;
  };

  return {
    async get(name) {
      const entry = CLIENT_ENTRIES[name];
      if (!entry) return null;
      if (rebuildEachTime) return build(entry);
      let text = cache.get(name);
      if (!text) {
        text = build(entry);
        cache.set(name, text);
        text.catch(() => cache.delete(name));
      }
      return text;
    },
    async close() {
      const all = [...contexts.values()];
      contexts.clear();
      await Promise.all(all.map(async (c) => (await c.catch(() => null))?.dispose()));
    },
  };
}
