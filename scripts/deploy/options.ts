// `npm run deploy` options, from flags first and the environment second. Secrets come only from the environment,
// a key file or a prompt: a --password flag is refused, since the process list and shell history would show it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FOLDER, folderNameProblem } from '../package/package-options.ts';
import { DeployError } from './errors.ts';

export interface DeployOptions {
  hosts: string[];
  port: number;
  user: string;
  /** The environment variable the password is read from. */
  passwordEnv: string;
  /** A key file's path, or the key itself when FINESSE_SFTP_KEY holds one. */
  key: { file: string } | { text: string } | null;
  packagePath: string;
  /** Set when given: the package must have been built for this folder. */
  folder: string | null;
  remoteRoot: string;
  knownHostsFile: string;
  dryRun: boolean;
  rollback: boolean;
  timeoutMs: number;
  help: boolean;
}

export { DEFAULT_FOLDER };

/** The defaults a flag falls back to (the rollback hint repeats only the flags that differ from them). */
export const DEFAULT_PORT = 22;
/** The account Cisco documents for third-party gadgets. */
export const DEFAULT_USER = '3rdpartygadget';
/** Where Cisco documents the account's uploads go. */
export const DEFAULT_REMOTE_ROOT = '/files';
export const DEFAULT_PASSWORD_ENV = 'FINESSE_SFTP_PASSWORD';

export const USAGE = `Usage: npm run deploy -- --host FINESSE [--host OTHER-NODE] [options]

Uploads the release made by npm run package to each Finesse node's 3rdpartygadget SFTP account.

  --host NAME          Finesse server (repeat, or comma list, for both nodes)  [FINESSE_SFTP_HOST]
  --port N             SSH port (${DEFAULT_PORT})                                          [FINESSE_SFTP_PORT]
  --user NAME          SFTP account (${DEFAULT_USER})                          [FINESSE_SFTP_USER]
  --password-env NAME  environment variable holding the password (${DEFAULT_PASSWORD_ENV})
  --key FILE           private key instead of a password                      [FINESSE_SFTP_KEY]
                       (its passphrase in FINESSE_SFTP_KEY_PASSPHRASE)
  --package PATH       release zip or folder (release/<folder>/)
  --folder NAME        folder under /files (${DEFAULT_FOLDER}); the package must be built for it
  --remote-root PATH   the account's upload folder (${DEFAULT_REMOTE_ROOT})
  --known-hosts FILE   OpenSSH known_hosts file (~/.ssh/known_hosts)
  --timeout SECONDS    how long to wait for a server to answer (20)
  --dry-run            list what would be uploaded, connect to nothing
  --rollback           put the kept previous version back live

With no password or key given, the command asks for the password when run in a terminal.`;

function fail(message: string, advice: string): never {
  throw new DeployError(message, advice);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): DeployOptions {
  if (argv.some((a) => a === '--password' || a.startsWith('--password=')))
    fail(
      'The --password option is refused: a password on the command line is visible in the process list and kept in shell history.',
      'Put it in the FINESSE_SFTP_PASSWORD environment variable, or leave it out to be asked for it.',
    );
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', multiple: true },
        port: { type: 'string' },
        user: { type: 'string' },
        'password-env': { type: 'string' },
        key: { type: 'string' },
        package: { type: 'string' },
        folder: { type: 'string' },
        'remote-root': { type: 'string' },
        'known-hosts': { type: 'string' },
        timeout: { type: 'string' },
        'dry-run': { type: 'boolean' },
        rollback: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message.replace(/\.?$/, '.')}`, 'Run npm run deploy -- --help for the options.');
  }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const hostValues = (values.host as string[] | undefined) ?? (env.FINESSE_SFTP_HOST ? [env.FINESSE_SFTP_HOST] : []);
  const hosts = hostValues
    .flatMap((h) => h.split(','))
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const help = values.help === true;
  const dryRun = values['dry-run'] === true;
  if (hosts.length === 0 && !help && !dryRun)
    fail(
      'No Finesse server given.',
      'Add --host with the Finesse server name (twice, or as a comma list, for both nodes), or set FINESSE_SFTP_HOST.',
    );
  const portText = str('port') ?? env.FINESSE_SFTP_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`The port "${portText}" is not a port number.`, 'Give --port a number from 1 to 65535 (SSH is 22).');
  const timeoutText = str('timeout') ?? '20';
  const timeout = Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0)
    fail(`The timeout "${timeoutText}" is not a number of seconds.`, 'Give --timeout a number of seconds, e.g. 20.');
  const folder = str('folder') ?? null;
  const folderProblem = folder === null ? null : folderNameProblem(folder);
  if (folderProblem !== null) fail(folderProblem, 'Give --folder the name the package was built for.');
  const remoteRoot = str('remote-root') ?? DEFAULT_REMOTE_ROOT;
  if (!remoteRoot.startsWith('/'))
    fail(
      `The remote root "${remoteRoot}" is not an absolute path.`,
      `Keep the default ${DEFAULT_REMOTE_ROOT}, where Cisco documents uploads go.`,
    );
  const keyPath = str('key');
  const keyEnv = env.FINESSE_SFTP_KEY;
  const key = keyPath
    ? { file: keyPath }
    : keyEnv
      ? keyEnv.includes('PRIVATE KEY-----')
        ? { text: keyEnv }
        : { file: keyEnv }
      : null;
  return {
    hosts,
    port,
    user: str('user') ?? env.FINESSE_SFTP_USER ?? DEFAULT_USER,
    passwordEnv: str('password-env') ?? DEFAULT_PASSWORD_ENV,
    key,
    packagePath: str('package') ?? join('release', folder ?? DEFAULT_FOLDER),
    folder,
    remoteRoot,
    knownHostsFile: str('known-hosts') ?? join(homedir(), '.ssh', 'known_hosts'),
    dryRun,
    rollback: values.rollback === true,
    timeoutMs: timeout * 1000,
    help,
  };
}
