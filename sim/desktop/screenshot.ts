// Takes the README's screenshot of the running harness: the product gadget built by vite, an agent signed in
// and made Ready from the header menu. Run: node --import tsx sim/desktop/screenshot.ts [out.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startDesktopWorld } from './desktop-world.ts';
import { launchChromium } from './chromium.ts';
import { chooseState, signIn } from './desktop-driver.ts';

const out = resolve(process.argv[2] ?? 'docs/desktop.png');
const distDir = mkdtempSync(join(tmpdir(), 'fb-shot-dist-'));
try {
  await build({
    configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: distDir, emptyOutDir: true },
  });
  const desktop = await startDesktopWorld({ distDir });
  try {
    const chromium = await launchChromium(1280, 800);
    try {
      const page = await chromium.browser.newPage();
      const user = desktop.world.simulator.users.find((u) => !u.supervisor);
      if (!user) throw new Error('the simulator has no agent');
      await signIn(page, desktop.desktopUrl, { id: user.id, password: user.password, extension: user.extension });
      await chooseState(page, 'READY');
      await page.waitForFunction(() => document.getElementById('state-label')?.textContent?.startsWith('Ready'));
      await page.waitForFunction(
        () => {
          const frame = document.querySelector<HTMLIFrameElement>('iframe.gadget-frame');
          const el = frame?.contentDocument?.querySelector('finesse-blend-agent');
          return (el?.shadowRoot?.textContent ?? '').includes('READY');
        },
        { timeout: 10_000 },
      );
      await new Promise((r) => setTimeout(r, 2500)); // let the state timer tick past zero
      await page.screenshot({ path: out as `${string}.png` });
      console.log(`screenshot written to ${out}`);
    } finally {
      await chromium.close();
    }
  } finally {
    await desktop.stop();
  }
} finally {
  rmSync(distDir, { recursive: true, force: true });
}
