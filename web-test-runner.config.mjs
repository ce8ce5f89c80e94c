// Browser tests run in Debian's Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter, defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { CHROMIUM_FLAGS } from './scripts/chromium-flags.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // A test gets 5 s (the slowest passes in about 0.2 s); a file, from its start to its last test, 60 s (each takes a
  // second or two): a test that would hang fails, and a file that would never finish is failed, not waited for.
  testFramework: { config: { timeout: 5000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 60000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  reporters: [process.env.CI ? summaryReporter({ flatten: false }) : defaultReporter(), countingReporter()],
};
