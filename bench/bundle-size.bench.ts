// The agent gadget's and the team gadget's size as an administrator uploads them and a desktop downloads them, and
// the customer chat widget's as a customer's browser downloads it from the chat service, against a baseline built in
// the same run: a bare Lit element bundled the same way (IIFE, minified).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { build } from 'vite';
import { build as esbuild } from 'esbuild';
import { WIDGET_SCRIPT_BUILD } from '../server/widget/widget-script.ts';

// Inside the project, so the baseline entry resolves 'lit' from node_modules.
mkdirSync('.tmp', { recursive: true });
const work = mkdtempSync(join(process.cwd(), '.tmp', 'bundle-bench-'));

async function bundle(entry: string, outDir: string, configFile: string | false): Promise<string> {
  await build({
    configFile,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2021',
      lib: { entry, name: 'Bench', formats: ['iife'], fileName: () => 'bundle.js' },
    },
  });
  return readFileSync(join(outDir, 'bundle.js'), 'utf8');
}

try {
  const baselineEntry = join(work, 'baseline.ts');
  writeFileSync(
    baselineEntry,
    [
      "import { LitElement, html } from 'lit';",
      'class Hello extends LitElement { override render() { return html`<p>hello</p>`; } }',
      "customElements.define('bench-hello', Hello);",
    ].join('\n'),
  );
  const baseline = await bundle(baselineEntry, join(work, 'baseline'), false);
  const product = await bundle(
    join(process.cwd(), 'src/boot/agent-gadget.ts'),
    join(work, 'product'),
    'vite.config.ts',
  );
  // The widget exactly as the chat service serves it (the production build's options).
  const widgetBuild = await esbuild({ ...WIDGET_SCRIPT_BUILD, write: false });
  const widget = widgetBuild.outputFiles[0]?.text ?? '';
  const team = await bundle(join(process.cwd(), 'src/boot/team-gadget.ts'), join(work, 'team'), false);
  const sizes = (s: string) => ({
    raw: Buffer.byteLength(s),
    gzip: gzipSync(s, { level: 9 }).length,
    brotli: brotliCompressSync(s).length,
  });
  const b = sizes(baseline);
  const p = sizes(product);
  const w = sizes(widget);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log('bundle                    raw         gzip        brotli');
  console.log(`baseline (bare Lit)       ${kb(b.raw).padEnd(12)}${kb(b.gzip).padEnd(12)}${kb(b.brotli)}`);
  console.log(`agent gadget              ${kb(p.raw).padEnd(12)}${kb(p.gzip).padEnd(12)}${kb(p.brotli)}`);
  const m = sizes(team);
  console.log(`team gadget               ${kb(m.raw).padEnd(12)}${kb(m.gzip).padEnd(12)}${kb(m.brotli)}`);
  console.log(`customer chat widget      ${kb(w.raw).padEnd(12)}${kb(w.gzip).padEnd(12)}${kb(w.brotli)}`);
  console.log(
    `widget / baseline         ${(w.raw / b.raw).toFixed(1)}x${' '.repeat(9)}${(w.gzip / b.gzip).toFixed(1)}x${' '.repeat(9)}${(w.brotli / b.brotli).toFixed(1)}x`,
  );
  console.log(
    `gadget / baseline         ${(p.raw / b.raw).toFixed(1)}x${' '.repeat(9)}${(p.gzip / b.gzip).toFixed(1)}x${' '.repeat(9)}${(p.brotli / b.brotli).toFixed(1)}x`,
  );
  console.log(
    `team gadget / baseline    ${(m.raw / b.raw).toFixed(1)}x${' '.repeat(9)}${(m.gzip / b.gzip).toFixed(1)}x${' '.repeat(9)}${(m.brotli / b.brotli).toFixed(1)}x`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
