// `npm run package -- [--folder NAME] [--out DIR]`: builds both gadgets for /3rdpartygadget/files/<folder>/ and writes
// the release (the folder, layout-snippet.xml, INSTALL.md and the zip) into DIR (release/ by default).
import { relative } from 'node:path';
import { parsePackageArgs, PACKAGE_USAGE } from './package-options.ts';
import { makePackage } from './make-package.ts';

// npm runs scripts in the project's root; INIT_CWD is where the administrator typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const parsed = parsePackageArgs(process.argv.slice(2), cwd);
if (!parsed.ok) {
  console.error(`finesse-blend: ${parsed.error}`);
  process.exit(2);
}
if (parsed.value.help) {
  console.log(`Usage: ${PACKAGE_USAGE}
  --folder NAME  the folder under /3rdpartygadget/files/ the gadgets are served from (default finesse-blend)
  --out DIR      where the release is written (default release/)
  --source-maps  keep the scripts' source maps in the package (left out by default)`);
  process.exit(0);
}

const show = (path: string) => relative(cwd, path) || '.';
try {
  const p = await makePackage({
    folder: parsed.value.folder,
    out: parsed.value.out,
    sourceMaps: parsed.value.sourceMaps,
  });
  console.log(`finesse-blend: package ${p.version} for /3rdpartygadget/files/${p.folder}/`);
  console.log(
    `  ${show(p.dir)}/  ${p.files} files, ${(p.bytes / 1024).toFixed(0)} kB: upload this folder into /files/`,
  );
  console.log(`  ${show(p.zip)}  the folder, the layout snippet and the guide, in one file`);
  console.log(`  ${show(p.layoutSnippet)}  where the gadgets go in the desktop layout`);
  console.log(`  ${show(p.installGuide)}  the install guide`);
  console.log(`Next: npm run deploy, or follow ${show(p.installGuide)}.`);
} catch (e) {
  console.error(`finesse-blend: no package made. ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
