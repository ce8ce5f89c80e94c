// The customer page's script, bundled by esbuild on first request: for `npm start` and the tests, which run the
// service from source. The production build (scripts/build-chat-service.ts) bundles it ahead of time and puts
// customer-script-prebuilt.ts in this module's place, so the built service never loads esbuild.
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** How the page script is bundled, on demand here and ahead of time by the production build. */
export const CUSTOMER_SCRIPT_BUILD: BuildOptions = {
  entryPoints: [join(import.meta.dirname, 'customer-page.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2021',
  logLevel: 'silent',
  legalComments: 'none',
};

/** The page script's text, bundled once on first call. */
export function customerScript(): () => Promise<string> {
  let bundle: Promise<string> | null = null;
  return () => {
    bundle ??= import('esbuild')
      .then(({ build }) => build({ ...CUSTOMER_SCRIPT_BUILD, write: false }))
      .then((result) => {
        const file = result.outputFiles[0];
        if (!file) throw new Error('esbuild produced no customer page script');
        return file.text;
      });
    return bundle;
  };
}
