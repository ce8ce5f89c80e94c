// Builds the agent gadget as one classic (IIFE) script plus the gadget.xml that loads it.
// Shindig renders gadget content in an iframe under /gadgets/ifr, so the script is loaded by an absolute path
// under the folder the administrator uploads to: /3rdpartygadget/files/<GADGET_FOLDER>/.
import { defineConfig, type Plugin } from 'vite';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { messageBundles } from './scripts/gadget-bundles.ts';

export const GADGET_FOLDER = process.env.GADGET_FOLDER ?? 'finesse-blend';
export const BUNDLE_NAME = 'finesse-blend.js';

const SOURCE_BASE = '/3rdpartygadget/files/finesse-blend/';

/**
 * Emits gadget.xml, the <Locale> message bundles generated from the UI's catalogues (messages/), and everything under
 * gadget/, pointed at the deployed folder.
 */
function gadgetFiles(folder: string): Plugin {
  const root = import.meta.dirname;
  const base = `/3rdpartygadget/files/${folder}/`;
  const rebase = (text: string) => text.replaceAll(SOURCE_BASE, base);
  const walk = (dir: string): string[] =>
    !existsSync(dir)
      ? []
      : readdirSync(dir).flatMap((name) => {
          const full = join(dir, name);
          return statSync(full).isDirectory() ? walk(full) : [full];
        });
  return {
    name: 'finesse-blend-gadget-files',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'gadget.xml',
        source: rebase(readFileSync(join(root, 'gadget.xml'), 'utf8')),
      });
      for (const bundle of messageBundles()) {
        this.emitFile({ type: 'asset', fileName: `messages/${bundle.fileName}`, source: bundle.xml });
      }
      const gadgetDir = join(root, 'gadget');
      for (const file of walk(gadgetDir)) {
        const text = readFileSync(file, 'utf8');
        this.emitFile({ type: 'asset', fileName: relative(gadgetDir, file), source: rebase(text) });
      }
    },
  };
}

export default defineConfig({
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: true,
    lib: {
      entry: resolve(import.meta.dirname, 'src/boot/agent-gadget.ts'),
      name: 'FinesseBlend',
      formats: ['iife'],
      fileName: () => BUNDLE_NAME,
    },
  },
  plugins: [gadgetFiles(GADGET_FOLDER)],
});
