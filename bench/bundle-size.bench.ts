// The agent gadget's (and the team gadget's) size as an administrator uploads it and an agent's browser downloads it, against a
// baseline built in the same run: a bare Lit element bundled the same way (IIFE, minified).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { build } from 'vite';

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
  const team = await bundle(join(process.cwd(), 'src/boot/team-gadget.ts'), join(work, 'team'), false);
  const sizes = (s: string) => ({
    raw: Buffer.byteLength(s),
    gzip: gzipSync(s, { level: 9 }).length,
    brotli: brotliCompressSync(s).length,
  });
  const b = sizes(baseline);
  const p = sizes(product);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log('bundle                    raw         gzip        brotli');
  console.log(`baseline (bare Lit)       ${kb(b.raw).padEnd(12)}${kb(b.gzip).padEnd(12)}${kb(b.brotli)}`);
  console.log(`agent gadget              ${kb(p.raw).padEnd(12)}${kb(p.gzip).padEnd(12)}${kb(p.brotli)}`);
  const m = sizes(team);
  console.log(`team gadget               ${kb(m.raw).padEnd(12)}${kb(m.gzip).padEnd(12)}${kb(m.brotli)}`);
  console.log(
    `ratio (agent)             ${(p.raw / b.raw).toFixed(1)}x${' '.repeat(9)}${(p.gzip / b.gzip).toFixed(1)}x${' '.repeat(9)}${(p.brotli / b.brotli).toFixed(1)}x`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
