// Builds the agent gadget as one classic (IIFE) script plus the gadget.xml that loads it, and the supervisor's team
// gadget (gadget/team-gadget.xml) as a second classic script beside it, from the same sources.
// Shindig renders gadget content in an iframe under /gadgets/ifr, so the script is loaded by an absolute path
// under the folder the administrator uploads to: /3rdpartygadget/files/<GADGET_FOLDER>/. Each URL in the gadget specs
// carries its file's version (?v=<release>-<content hash>), and a VERSION file names the whole build.
import { build, defineConfig, type Plugin, type Rollup } from 'vite';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { messageBundles } from './scripts/gadget-bundles.ts';
import { packageVersion, versionSpecUrls } from './scripts/package/versioned-urls.ts';

export const GADGET_FOLDER = process.env.GADGET_FOLDER ?? 'finesse-blend';
export const BUNDLE_NAME = 'finesse-blend.js';
export const TEAM_BUNDLE_NAME = 'finesse-blend-team.js';

const SOURCE_BASE = '/3rdpartygadget/files/finesse-blend/';

/** The release (package.json's version) every version mark starts with. */
export const RELEASE = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }
).version;

function walkFiles(dir: string): string[] {
  return !existsSync(dir)
    ? []
    : readdirSync(dir).flatMap((name) => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? walkFiles(full) : [full];
      });
}

/**
 * Emits gadget.xml, the <Locale> message bundles generated from the UI's catalogues (messages/), and everything under
 * gadget/, pointed at the deployed folder.
 */
function gadgetFiles(folder: string): Plugin {
  const root = import.meta.dirname;
  const base = `/3rdpartygadget/files/${folder}/`;
  const rebase = (text: string) => text.replaceAll(SOURCE_BASE, base);
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
      for (const file of walkFiles(gadgetDir)) {
        const text = readFileSync(file, 'utf8');
        this.emitFile({ type: 'asset', fileName: relative(gadgetDir, file), source: rebase(text) });
      }
    },
  };
}

/**
 * The team gadget's classic script: a second library build of src/boot/team-gadget.ts (an IIFE has one entry),
 * kept in memory and emitted into this build's output, so one `vite build` writes both gadgets.
 */
const TEAM_ONLY_SOURCES = [
  'src/boot/team-gadget.ts',
  'src/app/team-session.ts',
  'src/app/team-model.ts',
  'src/ui/team-view.ts',
];

function teamGadgetScript(): Plugin {
  let sourcemap = true;
  return {
    name: 'finesse-blend-team-script',
    apply: 'build',
    configResolved(config) {
      sourcemap = Boolean(config.build.sourcemap);
    },
    buildStart() {
      // The agent gadget's build does not import the team gadget's own modules: watch them too (npm start rebuilds).
      for (const file of TEAM_ONLY_SOURCES) this.addWatchFile(resolve(import.meta.dirname, file));
    },
    async generateBundle() {
      const outputs = await build({
        configFile: false,
        logLevel: 'silent',
        publicDir: false,
        build: {
          write: false,
          target: 'es2021',
          sourcemap,
          lib: {
            entry: resolve(import.meta.dirname, 'src/boot/team-gadget.ts'),
            name: 'FinesseBlendTeam',
            formats: ['iife'],
            fileName: () => TEAM_BUNDLE_NAME,
          },
        },
      });
      const list = (Array.isArray(outputs) ? outputs : [outputs]) as Rollup.RollupOutput[];
      for (const output of list) {
        for (const file of output.output) {
          this.emitFile({
            type: 'asset',
            fileName: file.fileName,
            source: file.type === 'chunk' ? file.code : file.source,
          });
        }
      }
    },
  };
}

/**
 * Runs after every other plugin's generateBundle, so it sees both gadgets' scripts, the specs and the message bundles:
 * gives each spec URL under the upload folder its file's version, then adds VERSION (release+hash of all files).
 * public/ is copied beside the build by vite, outside the bundle: its files are read from there.
 */
function versionedUrls(folder: string, release: string): Plugin {
  let publicDir = '';
  return {
    name: 'finesse-blend-versioned-urls',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const contents = new Map<string, string | Uint8Array>();
        if (publicDir) {
          for (const file of walkFiles(publicDir)) {
            contents.set(relative(publicDir, file).split(sep).join('/'), readFileSync(file));
          }
        }
        for (const [name, file] of Object.entries(bundle)) {
          contents.set(name, file.type === 'chunk' ? file.code : file.source);
        }
        for (const [name, file] of Object.entries(bundle)) {
          if (file.type !== 'asset' || !name.endsWith('.xml')) continue;
          const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          if (!text.includes('<Module')) continue;
          const { xml, missing } = versionSpecUrls(text, folder, release, (path) => contents.get(path));
          for (const path of missing) this.warn(`${name} refers to ${path}, which this build does not write`);
          file.source = xml;
          contents.set(name, xml);
        }
        this.emitFile({ type: 'asset', fileName: 'VERSION', source: `${packageVersion(release, contents)}\n` });
      },
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
  plugins: [gadgetFiles(GADGET_FOLDER), teamGadgetScript(), versionedUrls(GADGET_FOLDER, RELEASE)],
});
