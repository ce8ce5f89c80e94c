// What went wrong in a deploy, in one sentence an administrator can act on, plus what to do about it. Every failure
// the command can meet ends as a DeployError; nothing else reaches the terminal (no stack traces), and no message
// ever carries a password, passphrase or key.

/** A failure told in words: `message` says what happened, `advice` what to do. */
export class DeployError extends Error {
  constructor(
    message: string,
    readonly advice: string,
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

/** SFTP status codes (RFC draft-ietf-secsh-filexfer-02, as ssh2 reports them). */
export const SFTP_STATUS = { noSuchFile: 2, permissionDenied: 3, failure: 4, opUnsupported: 8 } as const;

/** Where in a deploy an error happened: it decides both the words and what state the server is left in. */
export type Stage = 'connect' | 'prepare' | 'upload' | 'verify' | 'swap' | 'rollback';

export interface ErrorContext {
  host: string;
  port: number;
  user: string;
  stage: Stage;
  auth: 'password' | 'key';
  /** The path being worked on when it failed (remote). */
  path?: string;
  /** The live folder, e.g. /files/finesse-blend. */
  live: string;
  timeoutMs: number;
}

interface RawError {
  message?: unknown;
  code?: unknown;
  level?: unknown;
}

function untouched(ctx: ErrorContext): string {
  return ctx.stage === 'swap' || ctx.stage === 'rollback'
    ? ''
    : ` Nothing was switched: the live version in ${ctx.live} is untouched.`;
}

/** Turns whatever ssh2 / ssh2-sftp-client threw into a DeployError (a DeployError passes through as it is). */
export function explain(error: unknown, ctx: ErrorContext): DeployError {
  if (error instanceof DeployError) return error;
  const raw = (typeof error === 'object' && error !== null ? error : {}) as RawError;
  const message = typeof raw.message === 'string' ? raw.message : String(error);
  const code = raw.code;
  const where = `${ctx.host}:${ctx.port}`;

  if (raw.level === 'client-authentication' || /authentication methods failed/i.test(message)) {
    return ctx.auth === 'password'
      ? new DeployError(
          `The Finesse server ${ctx.host} refused the password for ${ctx.user}.`,
          'Check the password set on that node with `utils reset_3rdpartygadget_password` (5 to 32 characters; ' +
            'in Finesse 15.0 each node has its own) and give it in FINESSE_SFTP_PASSWORD.',
        )
      : new DeployError(
          `The Finesse server ${ctx.host} refused the key for ${ctx.user}.`,
          "Check that the key's public half is in the account's authorized keys, or deploy with the password " +
            '(FINESSE_SFTP_PASSWORD) that `utils reset_3rdpartygadget_password` sets.',
        );
  }
  if (code === 'ECONNREFUSED')
    return new DeployError(
      `Could not connect to ${where}: the connection was refused.`,
      `Check the host name and port, and that port ${ctx.port} (SSH) of the Finesse server is open from this machine.`,
    );
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return new DeployError(
      `Could not reach ${where}: there is no route to that host.`,
      `Check the host name, the network between here and the Finesse server, and that port ${ctx.port} is open from this machine.`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new DeployError(
      `The host name ${ctx.host} could not be found.`,
      'Check the spelling of the Finesse server name (as in the desktop URL), or give its IP address.',
    );
  if (code === 'ETIMEDOUT' || /timed out/i.test(message))
    return new DeployError(
      `${where} did not answer within ${Math.round(ctx.timeoutMs / 1000)} s.`,
      `Check the host name, and that port ${ctx.port} of the Finesse server is open from this machine (a firewall may be dropping it).`,
    );
  if (/passphrase/i.test(message) && ctx.stage === 'connect')
    return new DeployError(
      'The private key is encrypted and no passphrase was given.',
      'Put the passphrase in FINESSE_SFTP_KEY_PASSPHRASE, or run the command in a terminal to be asked for it.',
    );
  if (/cannot parse privatekey|unsupported key format/i.test(message))
    return new DeployError(
      'The private key could not be read.',
      'Give an OpenSSH or PEM private key file with --key (or FINESSE_SFTP_KEY), and its passphrase if it has one.',
    );
  const path = ctx.path ? ` ${ctx.path}` : '';
  if (code === SFTP_STATUS.permissionDenied || code === 'EACCES')
    return new DeployError(
      `The server denied ${ctx.user} permission to write${path}.${untouched(ctx)}`,
      'The 3rdpartygadget account may write only under /files: keep --remote-root at /files (the default).',
    );
  if (ctx.stage === 'upload' && (code === SFTP_STATUS.failure || code === 'ENOSPC' || /no space/i.test(message)))
    return new DeployError(
      `The server could not write${path}: the Finesse server's disk is probably full.${untouched(ctx)}`,
      'Free space on the Finesse server (old gadget folders under /files, e.g. the kept .previous one) and deploy again.',
    );
  if (/host denied|verification failed/i.test(message))
    return new DeployError(
      `The host key of ${where} was refused.`,
      'Check the known hosts file given with --known-hosts.',
    );
  if (code === 'ECONNRESET' || /unexpected (end|close)/i.test(message) || /no response from server/i.test(message))
    return new DeployError(
      `The connection to ${where} was closed by the server during the ${ctx.stage} step.${untouched(ctx)}`,
      'Run the command again; if it keeps happening, check that the account may use SFTP on that node.',
    );
  return new DeployError(
    `The ${ctx.stage} step on ${where} failed${path}: ${message.replace(/^\w+(->\w+)*:\s*/, '')}.${untouched(ctx)}`,
    'Run the command again; if it fails the same way, check the Finesse server with its administrator.',
  );
}
