// What the deploy tests share: a release folder as npm run package lays it out, and runDeploy with its output
// captured.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDeploy, type DeployIo } from '../../../scripts/deploy/deploy.ts';

/** Writes release/<folder>/ (plus layout-snippet.xml beside it) under a fresh temp dir; returns the folder's path. */
export function makeRelease(
  version: string,
  extra: Record<string, string | Uint8Array> = {},
  folder = 'finesse-blend',
) {
  const root = mkdtempSync(join(tmpdir(), 'fb-release-'));
  const dir = join(root, folder);
  const files: Record<string, string | Uint8Array> = {
    'gadget.xml': `<?xml version="1.0"?><Module><ModulePrefs title="finesse-blend ${version}"/></Module>\n`,
    'finesse-blend.js': `/* ${version} */ var FinesseBlend = ${JSON.stringify('x'.repeat(3000))};\n`,
    'messages/en.xml': '<messagebundle><msg name="title">Chat</msg></messagebundle>\n',
    VERSION: `${version}\n`,
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  writeFileSync(join(root, 'layout-snippet.xml'), '<gadget>/3rdpartygadget/files/finesse-blend/gadget.xml</gadget>\n');
  return dir;
}

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export async function deploy(argv: string[], env: NodeJS.ProcessEnv, more: Partial<DeployIo> = {}): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await runDeploy(argv, env, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    outIsTTY: false,
    ...more,
  });
  return { code, out, err };
}

/** The command line of a deploy to the test's SFTP server on loopback, with its known_hosts file. */
export function deployArgs(
  server: { readonly port: number; readonly user: string },
  pkg: string,
  knownHosts: string,
  ...more: string[]
): string[] {
  return [
    '--host',
    '127.0.0.1',
    '--port',
    String(server.port),
    '--user',
    server.user,
    '--package',
    pkg,
    '--known-hosts',
    knownHosts,
    ...more,
  ];
}
