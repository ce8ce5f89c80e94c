// `npm run build:chat-service [-- --outdir DIR]`: the chat service for production, in dist-chat-service/ by default.
// chat-service.mjs is server/main.ts with every package it uses bundled in, for plain `node` (no tsx);
// finesse-blend-chat.js beside it is the customer chat widget's script, bundled ahead of time and served as it is (the service never loads
// esbuild at run time). esbuild is a build tool only: build on a build machine, or where dev dependencies are installed.
// The embedded store (PGlite) loads its WebAssembly and file-system image from beside the module that asks for
// them: those three files are copied next to chat-service.mjs, so the folder runs with no node_modules at all.
import { build, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { WIDGET_SCRIPT_BUILD } from '../server/widget/widget-script.ts';
import { PREBUILT_WIDGET_SCRIPT } from '../server/widget/widget-script-prebuilt.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'server');

/** Puts the module that reads the pre-built widget script in place of the one that bundles it on demand. */
const prebuiltWidgetScript: Plugin = {
  name: 'prebuilt-widget-script',
  setup(b) {
    b.onResolve({ filter: /\/widget-script\.ts$/ }, () => ({
      path: join(SERVER, 'widget', 'widget-script-prebuilt.ts'),
    }));
  },
};

/** PGlite's run-time files (Postgres compiled to WebAssembly, initdb, the share/ image), found at build time. */
export const PGLITE_ASSETS = ['pglite.wasm', 'pglite.data', 'initdb.wasm'] as const;

export async function buildChatService(outdir: string): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(SERVER, 'main.ts')],
    outfile: join(outdir, 'chat-service.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // ws and strophe.js's Node parts call require(); an ES module has none unless given one.
    banner: {
      js: "import { createRequire as __chatServiceRequire } from 'node:module'; const require = __chatServiceRequire(import.meta.url);",
    },
    // ws's optional native speed-ups and pg's optional native binding: tried in a try/catch, absent here.
    external: ['bufferutil', 'utf-8-validate', 'pg-native'],
    plugins: [prebuiltWidgetScript],
    logLevel: 'warning',
    legalComments: 'none',
  });
  await build({ ...WIDGET_SCRIPT_BUILD, outfile: join(outdir, PREBUILT_WIDGET_SCRIPT) });
  const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (const asset of PGLITE_ASSETS) copyFileSync(join(pgliteDist, asset), join(outdir, asset));
}

function outdirArg(args: readonly string[]): string {
  const i = args.indexOf('--outdir');
  if (i >= 0 && args[i + 1]) return args[i + 1]!;
  const inline = args.find((a) => a.startsWith('--outdir='));
  return inline ? inline.slice('--outdir='.length) : join(ROOT, 'dist-chat-service');
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const outdir = resolve(outdirArg(process.argv.slice(2)));
  await buildChatService(outdir);
  console.log(`chat service built in ${outdir}: run node ${join(outdir, 'chat-service.mjs')} --config FILE`);
}
