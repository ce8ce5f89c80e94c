// Builds the gadget with vite (the production bundle an administrator uploads) and rebuilds it on change.
// Prints one line per build; the first successful build prints READY_LINE so `npm start` knows dist/ is whole.
import { build } from 'vite';
import { resolve } from 'node:path';

export const READY_LINE = 'finesse-blend: gadget build ready';

const outDir = resolve(process.env['FINESSE_BLEND_OUT_DIR'] ?? 'dist');
let ready = false;

const output = await build({
  configFile: resolve(import.meta.dirname, '../../vite.config.ts'),
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, watch: {} },
});
if (Array.isArray(output) || !('on' in output)) throw new Error('vite did not start a watcher');
const watcher = output;

watcher.on('event', (event) => {
  if (event.code === 'BUNDLE_END') {
    void event.result.close();
    if (!ready) {
      ready = true;
      console.log(READY_LINE);
    } else {
      console.log(`finesse-blend: gadget rebuilt (${event.duration} ms)`);
    }
  } else if (event.code === 'ERROR') {
    void event.result?.close();
    console.error(`finesse-blend: gadget build failed: ${event.error.message}`);
    if (!ready) process.exit(1);
  }
});

const stop = () => {
  void watcher.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by `npm start` with an IPC channel: when that parent goes away, so does the watcher.
process.on('disconnect', stop);
