// The widget's script, bundled by esbuild on first request: for `npm start` and the tests, which run the service
// from source. The production build (scripts/build-chat-service.ts) bundles it ahead of time and puts
// widget-script-prebuilt.ts in this module's place, so the built service never loads esbuild.
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** How the widget's script is bundled (a classic script, friendlier to embed), on demand here and by the build. */
export const WIDGET_SCRIPT_BUILD: BuildOptions = {
  entryPoints: [join(import.meta.dirname, 'widget-entry.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2021',
  minify: true,
  logLevel: 'silent',
  legalComments: 'none',
};

/** The widget script's text, bundled once on first call. */
export function widgetScript(): () => Promise<string> {
  let bundle: Promise<string> | null = null;
  return () => {
    bundle ??= import('esbuild')
      .then(({ build }) => build({ ...WIDGET_SCRIPT_BUILD, write: false }))
      .then((result) => {
        const file = result.outputFiles[0];
        if (!file) throw new Error('esbuild produced no widget script');
        return file.text;
      });
    return bundle;
  };
}
