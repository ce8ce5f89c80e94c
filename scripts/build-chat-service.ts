// `npm run build:chat-service [-- --outdir DIR]`: the chat service for production, in dist-chat-service/ by default.
// chat-service.mjs is server/main.ts with every package it uses bundled in, for plain `node` (no tsx);
// finesse-blend-chat.js beside it is the customer chat widget's script, bundled ahead of time and served as it is (the service never loads
// esbuild at run time). esbuild is a build tool only: build on a build machine, or where dev dependencies are installed.
import { build, type Plugin } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
    // ws's optional native speed-ups: tried in a try/catch, absent here.
    external: ['bufferutil', 'utf-8-validate'],
    plugins: [prebuiltWidgetScript],
    logLevel: 'warning',
    legalComments: 'none',
  });
  await build({ ...WIDGET_SCRIPT_BUILD, outfile: join(outdir, PREBUILT_WIDGET_SCRIPT) });
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
