// The SFTP side of a deploy: a connection through ssh2-sftp-client that checks the server's host key against a
// known_hosts file, and the few file operations the deploy needs, behind an interface the flow is written against.
import SftpClient from 'ssh2-sftp-client';
import { DeployError } from './errors.ts';
import { FILE_MODE } from '../package/zip-file.ts';
import {
  hostName,
  judgeHostKey,
  keysFor,
  preferredAlgorithms,
  readKnownHosts,
  recordHostKey,
  type HostKeyVerdict,
} from './known-hosts.ts';

export interface RemoteEntry {
  name: string;
  /** 'd' directory, '-' file. */
  type: string;
  size: number;
}

/** What the deploy flow does on the server. Paths are absolute in the account's view (e.g. /files/x). */
export interface RemoteFs {
  exists(path: string): Promise<boolean>;
  mkdir(path: string): Promise<void>;
  write(path: string, bytes: Uint8Array): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  list(path: string): Promise<RemoteEntry[]>;
  read(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  removeTree(path: string): Promise<void>;
  /** Removes one file. */
  remove(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectSettings {
  host: string;
  port: number;
  user: string;
  password?: string;
  privateKey?: Buffer;
  passphrase?: string;
  knownHostsFile: string;
  timeoutMs: number;
}

/** Says what happened to the host key (first sight: recorded, with its fingerprint). */
export type Say = (line: string) => void;

/** The DeployError for a host key the known_hosts file contradicts. */
export function hostKeyRefusal(
  verdict: Extract<HostKeyVerdict, { kind: 'changed' | 'revoked' }>,
  name: string,
  file: string,
): DeployError {
  if (verdict.kind === 'revoked')
    return new DeployError(
      `The host key of ${name} (${verdict.fingerprint}) is marked revoked in ${file} line ${verdict.line}; nothing was uploaded.`,
      'Do not deploy to this server until its administrator has given it a new host key.',
    );
  return new DeployError(
    `The host key of ${name} has changed: it now shows ${verdict.keyType} ${verdict.fingerprint}, not the key in ${file} ` +
      `line ${verdict.offendingLine}. Nothing was uploaded.`,
    `If the Finesse server was reinstalled or given a new key, check the new fingerprint with its administrator, then ` +
      `remove line ${verdict.offendingLine} of ${file} (or run: ssh-keygen -f "${file}" -R "${name}") and deploy again. ` +
      'Otherwise someone may be intercepting the connection: do not deploy.',
  );
}

export async function connect(settings: ConnectSettings, say: Say): Promise<RemoteFs> {
  const name = hostName(settings.host, settings.port);
  const known = keysFor(readKnownHosts(settings.knownHostsFile), name);
  let refusal: DeployError | null = null;
  let authFailure: unknown = null;
  // Errors reach the connect promise; these handlers only keep the library from printing them itself.
  const client = new SftpClient('deploy', { error: () => {}, end: () => {}, close: () => {} });
  client.client.prependListener('error', (err: { level?: string }) => {
    if (err.level === 'client-authentication') authFailure = err;
  });
  try {
    await client.connect({
      host: settings.host,
      port: settings.port,
      username: settings.user,
      ...(settings.password !== undefined ? { password: settings.password } : {}),
      ...(settings.privateKey !== undefined ? { privateKey: settings.privateKey } : {}),
      ...(settings.passphrase !== undefined ? { passphrase: settings.passphrase } : {}),
      readyTimeout: settings.timeoutMs,
      algorithms: { serverHostKey: preferredAlgorithms(known) },
      hostVerifier: (key: Buffer) => {
        const verdict = judgeHostKey(known, key);
        if (verdict.kind === 'known') return true;
        if (verdict.kind === 'new') {
          recordHostKey(settings.knownHostsFile, name, key);
          say(
            `First connection to ${name}: its ${verdict.keyType} host key ${verdict.fingerprint} was added to ${settings.knownHostsFile}.`,
          );
          return true;
        }
        refusal = hostKeyRefusal(verdict, name, settings.knownHostsFile);
        return false;
      },
    });
  } catch (error) {
    await client.end().catch(() => {});
    if (refusal) throw refusal;
    throw authFailure ?? error;
  }
  return sftpRemote(client);
}

function sftpRemote(client: SftpClient): RemoteFs {
  return {
    async exists(path) {
      return (await client.exists(path)) !== false;
    },
    async mkdir(path) {
      await client.mkdir(path, false);
    },
    write(path, bytes) {
      // ssh2's writeFile, not the library's put: put's write stream closes before it reports a failed write, so a
      // full disk would pass for a short file.
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return new Promise((resolve, reject) => {
        if (!client.sftp) return reject(Object.assign(new Error('No SFTP connection'), { code: 'ECONNRESET' }));
        client.sftp.writeFile(path, buffer, { mode: FILE_MODE, flag: 'w' }, (err) => (err ? reject(err) : resolve()));
      });
    },
    async chmod(path, mode) {
      await client.chmod(path, mode);
    },
    async list(path) {
      return (await client.list(path)).map(({ name, type, size }) => ({ name, type, size }));
    },
    async read(path) {
      return client.get(path);
    },
    async rename(from, to) {
      await client.rename(from, to);
    },
    async removeTree(path) {
      await client.rmdir(path, true);
    },
    async remove(path) {
      await client.delete(path);
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
