// `npm run deploy`: uploads the release made by `npm run package` to the 3rdpartygadget SFTP account of each
// Finesse node in turn (stopping at the first that fails), verifies it, swaps it in keeping the version it replaces,
// and prints what the administrator does next. `--rollback` puts the kept version back. Run with --help.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ReadStream } from 'node:tty';
import { pathToFileURL } from 'node:url';
import ssh2 from 'ssh2';
import { DeployError, explain, type ErrorContext } from './errors.ts';
import { remotePaths, rollback, swapIn, upload, type FlowContext, type Progress } from './flow.ts';
import {
  DEFAULT_FOLDER,
  DEFAULT_PASSWORD_ENV,
  DEFAULT_PORT,
  DEFAULT_REMOTE_ROOT,
  DEFAULT_USER,
  parseOptions,
  USAGE,
  type DeployOptions,
} from './options.ts';
import { promptHidden } from './prompt.ts';
import { readPackage, type ReadPackage as ReleasePackage } from '../package/read-package.ts';
import { connect, type RemoteFs } from './remote.ts';

export interface DeployIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress rewrites one line on a terminal, and prints plain lines otherwise. */
  outIsTTY: boolean;
  /** Asks for a secret without echo; absent when there is no terminal to ask on. */
  askSecret?: (question: string) => Promise<string>;
  /** Opens the SFTP connection (tests may wrap it); the real one by default. */
  connect?: typeof connect;
}

interface Credentials {
  password?: string;
  privateKey?: Buffer;
  passphrase?: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function progressLine(p: Progress): string {
  return `  files ${p.filesDone}/${p.filesTotal}, ${kb(p.bytesDone)} of ${kb(p.bytesTotal)}  ${p.path}`;
}

async function loadPackage(options: DeployOptions): Promise<ReleasePackage> {
  if (!existsSync(options.packagePath))
    throw new DeployError(
      `There is no release at ${options.packagePath}.`,
      'Run npm run package first (or give the release zip or folder with --package).',
    );
  let pkg: ReleasePackage;
  try {
    pkg = await readPackage(options.packagePath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeployError(
      reason,
      'Give --package the zip or folder that npm run package wrote, or run npm run package again.',
    );
  }
  if (options.folder !== null && options.folder !== pkg.folder)
    throw new DeployError(
      `The package was built for the folder ${pkg.folder}, not ${options.folder}: its gadget.xml loads its scripts from /3rdpartygadget/files/${pkg.folder}/.`,
      `Build it for that folder with npm run package -- --folder ${options.folder}, or leave out --folder.`,
    );
  return pkg;
}

function readKey(options: DeployOptions): Buffer | undefined {
  if (options.key === null) return undefined;
  if ('text' in options.key) return Buffer.from(options.key.text);
  try {
    return readFileSync(options.key.file);
  } catch {
    throw new DeployError(
      `The key file ${options.key.file} could not be read.`,
      'Check the path given with --key (or FINESSE_SFTP_KEY) and that this user may read it.',
    );
  }
}

/**
 * The passphrase a key needs: none for a plain key, the given one when it opens the key, else asked for on a
 * terminal. A key that cannot be opened is a DeployError that says why.
 */
async function keyPassphrase(key: Buffer, given: string | undefined, io: DeployIo): Promise<string | undefined> {
  const problem = (passphrase?: string) => {
    const parsed = ssh2.utils.parseKey(key, passphrase);
    return parsed instanceof Error ? parsed.message : null;
  };
  let trouble = problem(given);
  if (trouble === null) return given;
  if (/no passphrase given/i.test(trouble)) {
    if (!io.askSecret)
      throw new DeployError(
        'The private key is encrypted and no passphrase was given.',
        'Put the passphrase in FINESSE_SFTP_KEY_PASSPHRASE, or run the command in a terminal to be asked for it.',
      );
    const typed = await io.askSecret('Passphrase for the private key: ');
    trouble = problem(typed);
    if (trouble === null) return typed;
  }
  if (/bad passphrase|decrypt/i.test(trouble))
    throw new DeployError(
      'The passphrase does not open the private key.',
      'Check FINESSE_SFTP_KEY_PASSPHRASE (or what was typed) against the passphrase the key was made with.',
    );
  throw new DeployError(
    'The private key could not be read.',
    'Give an OpenSSH or PEM private key file with --key (or FINESSE_SFTP_KEY).',
  );
}

async function credentialsFor(
  host: string,
  options: DeployOptions,
  env: NodeJS.ProcessEnv,
  io: DeployIo,
): Promise<Credentials> {
  const privateKey = readKey(options);
  const password = env[options.passwordEnv] || undefined;
  let passphrase = env.FINESSE_SFTP_KEY_PASSPHRASE || undefined;
  if (privateKey !== undefined) passphrase = await keyPassphrase(privateKey, passphrase, io);
  if (privateKey !== undefined || password !== undefined) {
    return {
      ...(password !== undefined ? { password } : {}),
      ...(privateKey !== undefined ? { privateKey } : {}),
      ...(passphrase !== undefined ? { passphrase } : {}),
    };
  }
  if (options.passwordEnv !== DEFAULT_PASSWORD_ENV)
    throw new DeployError(
      `The environment variable ${options.passwordEnv} (named by --password-env) is not set.`,
      'Set it to the 3rdpartygadget password, or leave out --password-env to be asked for the password.',
    );
  if (!io.askSecret)
    throw new DeployError(
      `No password or key was given for ${options.user}@${host}, and there is no terminal to ask for one.`,
      'Set FINESSE_SFTP_PASSWORD (or FINESSE_SFTP_KEY with a key file) in the environment of this command.',
    );
  const typed = await io.askSecret(`Password for ${options.user}@${host}: `);
  if (typed === '') throw new DeployError('No password was typed.', 'Run the command again and type the password.');
  return { password: typed };
}

/** Replaces any secret that would appear in a line with asterisks (a last guard; messages never hold them). */
function redactor(secrets: () => string[]): (text: string) => string {
  return (text) => secrets().reduce((t, s) => (s.length >= 3 ? t.split(s).join('***') : t), text);
}

/** The flags that point a rollback at the same place (only those that differ from the defaults). */
function rollbackArgs(options: DeployOptions, hosts: string[], folder: string): string {
  return [
    ...hosts.map((h) => `--host ${h}`),
    ...(options.port !== DEFAULT_PORT ? [`--port ${options.port}`] : []),
    ...(options.user !== DEFAULT_USER ? [`--user ${options.user}`] : []),
    ...(folder !== DEFAULT_FOLDER ? [`--folder ${folder}`] : []),
    ...(options.remoteRoot !== DEFAULT_REMOTE_ROOT ? [`--remote-root ${options.remoteRoot}`] : []),
  ].join(' ');
}

function nextSteps(options: DeployOptions, pkg: ReleasePackage, hosts: string[], paths: { live: string }): string {
  const snippet =
    options.packagePath.endsWith('.zip') || options.packagePath.endsWith('.ZIP')
      ? `layout-snippet.xml inside ${options.packagePath}`
      : join(dirname(options.packagePath.replace(/\/+$/, '')), 'layout-snippet.xml');
  const urls = hosts.map((h) => `       https://${h}/3rdpartygadget/files/${pkg.folder}/gadget.xml`).join('\n');
  return [
    '',
    'Next steps:',
    `  1. Layout: add the gadgets from ${snippet} to the desktop layout (Finesse administration,`,
    '     Desktop Layout, or the team layout), if they are not there yet.',
    '  2. Cache: a Finesse administrator runs `utils webproxy cache clear shindig` on each node',
    '     (or restarts Cisco Finesse Tomcat: `utils service restart Cisco Finesse Tomcat`); agents then reload the',
    '     desktop (and clear the browser cache if the old gadget still shows).',
    '  3. Check that the gadget answers (a browser shows its XML):',
    urls,
    `  To go back: npm run deploy -- ${rollbackArgs(options, hosts, pkg.folder)} --rollback` +
      ` (${paths.live} and ${paths.live}.previous swap places).`,
    '',
  ].join('\n');
}

export async function runDeploy(argv: string[], env: NodeJS.ProcessEnv, io: DeployIo): Promise<number> {
  const secrets: string[] = [];
  const redact = redactor(() => secrets);
  const out = (text: string) => io.out(redact(text));
  const err = (text: string) => io.err(redact(text));
  let options: DeployOptions;
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    return report(error, err);
  }
  if (options.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const envPassword = env[options.passwordEnv];
  if (envPassword) secrets.push(envPassword);
  if (env.FINESSE_SFTP_KEY_PASSPHRASE) secrets.push(env.FINESSE_SFTP_KEY_PASSPHRASE);

  let pkg: ReleasePackage | null = null;
  try {
    if (!options.rollback) pkg = await loadPackage(options);
  } catch (error) {
    return report(error, err);
  }
  const folder = pkg?.folder ?? options.folder ?? DEFAULT_FOLDER;
  const paths = remotePaths(options.remoteRoot, folder);

  if (options.dryRun && pkg) {
    const total = pkg.files.reduce((s, f) => s + f.bytes.byteLength, 0);
    const where = options.hosts.length ? options.hosts.join(', ') : '(no host given)';
    out(
      `Dry run: would upload ${pkg.files.length} files (${kb(total)}) of ${pkg.folder} ${pkg.version} to ` +
        `${where}, into ${paths.uploading}, then make it ${paths.live} (the current one kept as ${paths.previous}).\n`,
    );
    for (const f of pkg.files) out(`  ${f.path}  ${f.bytes.byteLength} bytes\n`);
    return 0;
  }
  if (options.dryRun) {
    out(
      `Dry run: would swap ${paths.live} and ${paths.previous} on ${options.hosts.join(', ') || '(no host given)'}; nothing is connected to.\n`,
    );
    return 0;
  }

  const open = io.connect ?? connect;
  const done: string[] = [];
  for (const [index, host] of options.hosts.entries()) {
    const errors: Omit<ErrorContext, 'stage' | 'path'> = {
      host,
      port: options.port,
      user: options.user,
      auth: options.key !== null && !envPassword ? 'key' : 'password',
      live: paths.live,
      timeoutMs: options.timeoutMs,
    };
    let remote: RemoteFs | null = null;
    let progressShown = false;
    try {
      const creds = await credentialsFor(host, options, env, io);
      if (creds.password) secrets.push(creds.password);
      if (creds.passphrase) secrets.push(creds.passphrase);
      out(`Connecting to ${options.user}@${host}:${options.port} ...\n`);
      try {
        remote = await open(
          {
            host,
            port: options.port,
            user: options.user,
            ...creds,
            knownHostsFile: options.knownHostsFile,
            timeoutMs: options.timeoutMs,
          },
          (line) => out(`${line}\n`),
        );
      } catch (error) {
        throw explain(error, { ...errors, stage: 'connect' });
      }
      const ctx: FlowContext = {
        remote,
        paths,
        errors,
        onProgress: (p) => {
          progressShown = true;
          if (io.outIsTTY) out(`\r\x1b[K${progressLine(p)}`);
          else out(`${progressLine(p)}\n`);
        },
        onNote: (line) => out(`${line}\n`),
      };
      if (options.rollback) {
        const { live, kept } = await rollback(ctx);
        out(
          `${host}: ${paths.live} is version ${live} again; ${kept === 'none' ? 'nothing' : `version ${kept}`} is kept in ${paths.previous}.\n`,
        );
      } else if (pkg) {
        out(`Uploading ${pkg.folder} ${pkg.version} to ${host}:${paths.uploading}\n`);
        await upload(ctx, pkg);
        if (progressShown && io.outIsTTY) out('\n');
        progressShown = false;
        out(`  verified: ${pkg.files.length} files, sizes and VERSION match\n`);
        const { kept } = await swapIn(ctx, pkg);
        out(
          `${host}: ${paths.live} is now version ${pkg.version}` +
            `${kept ? `; the version it replaced is kept in ${paths.previous}` : ''}.\n`,
        );
      }
      done.push(host);
    } catch (error) {
      if (progressShown && io.outIsTTY) out('\n'); // end the progress line before the error
      const where =
        options.hosts.length > 1
          ? ` Stopped at node ${index + 1} of ${options.hosts.length} (${host})` +
            `${done.length ? `; ${done.join(', ')} ${done.length === 1 ? 'has' : 'have'} the ${options.rollback ? 'rolled-back' : 'new'} version already` : ''}.`
          : '';
      return report(error, err, where);
    } finally {
      await remote?.close();
    }
  }
  if (pkg) out(nextSteps(options, pkg, done, paths));
  else
    out(
      `\nA Finesse administrator now clears the gadget cache on each node: \`utils webproxy cache clear shindig\` (or restarts Cisco Finesse Tomcat).\n`,
    );
  return 0;
}

/** Prints a failure as its sentence and its advice (no stack trace) and gives the exit code. */
function report(error: unknown, err: (text: string) => void, where = ''): number {
  if (error instanceof DeployError) {
    err(`Error: ${error.message}${where}\n${error.advice}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(
    `Error: the deploy failed unexpectedly: ${message}.${where}\nRun the command again; if it keeps failing, report this message.\n`,
  );
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const stdin = process.stdin;
  const io: DeployIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    outIsTTY: process.stdout.isTTY === true,
    ...(stdin instanceof ReadStream && stdin.isTTY
      ? { askSecret: (q: string) => promptHidden(q, stdin, process.stderr) }
      : {}),
  };
  process.exitCode = await runDeploy(process.argv.slice(2), process.env, io);
}
