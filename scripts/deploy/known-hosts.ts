// The server's host key against an OpenSSH known_hosts file: plain and hashed (`|1|salt|hash`) host fields,
// `[host]:port` for ports other than 22, comma lists, `*`/`?` wildcards and `!` negations, and the @revoked marker.
// A host seen for the first time is recorded (OpenSSH's accept-new); a host whose recorded key differs is refused.
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KnownKey {
  /** 1-based line number in the file. */
  line: number;
  keyType: string;
  /** The public key blob, base64, as in the file. */
  key: string;
  revoked: boolean;
}

export type HostKeyVerdict =
  | { kind: 'known' }
  | { kind: 'new'; keyType: string; fingerprint: string }
  | { kind: 'changed'; keyType: string; fingerprint: string; offendingLine: number }
  | { kind: 'revoked'; fingerprint: string; line: number };

/** The name OpenSSH looks a host up by: `host` on port 22, `[host]:port` otherwise. */
export function hostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `SHA256:<base64 without padding>` of the key blob, as ssh-keygen -l prints it. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type written inside the blob (its first SSH string), e.g. ssh-ed25519. */
export function blobKeyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('latin1');
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function hashedMatches(field: string, name: string): boolean {
  const [, magic, salt, hash] = field.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return mac === hash;
}

/** True when the host field of a known_hosts line names `name` (and no negated pattern excludes it). */
export function hostFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|')) return hashedMatches(field, name);
  let matched = false;
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (globToRegExp(pattern.slice(1)).test(name)) return false;
    } else if (globToRegExp(pattern).test(name)) matched = true;
  }
  return matched;
}

/** The keys recorded for `name` in known_hosts text (lines for other hosts, comments, @cert-authority skipped). */
export function keysFor(text: string, name: string): KnownKey[] {
  const keys: KnownKey[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let fields = line.split(/\s+/);
    let revoked = false;
    if (fields[0]?.startsWith('@')) {
      if (fields[0] === '@revoked') revoked = true;
      else return; // @cert-authority: certificates are not used here
      fields = fields.slice(1);
    }
    const [hosts, keyType, key] = fields;
    if (!hosts || !keyType || !key) return;
    if (hostFieldMatches(hosts, name)) keys.push({ line: index + 1, keyType, key, revoked });
  });
  return keys;
}

/** Host key algorithms ssh2 knows, in its default order. */
const DEFAULT_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/**
 * The host key algorithms to offer: those of the keys already recorded for the host first (so a server with several
 * host keys shows the one on file rather than look changed), then the rest.
 */
export function preferredAlgorithms(known: KnownKey[]): string[] {
  const first: string[] = [];
  for (const { keyType } of known) {
    const algorithms = keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [keyType];
    for (const a of algorithms) if (DEFAULT_HOST_KEY_ALGORITHMS.includes(a) && !first.includes(a)) first.push(a);
  }
  return [...first, ...DEFAULT_HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))];
}

/** Judges the key a server showed against what is recorded for it. */
export function judgeHostKey(known: KnownKey[], blob: Buffer): HostKeyVerdict {
  const key = blob.toString('base64');
  const print = fingerprint(blob);
  const revoked = known.find((k) => k.revoked && k.key === key);
  if (revoked) return { kind: 'revoked', fingerprint: print, line: revoked.line };
  const current = known.filter((k) => !k.revoked);
  if (current.some((k) => k.key === key)) return { kind: 'known' };
  const keyType = blobKeyType(blob);
  if (current.length === 0) return { kind: 'new', keyType, fingerprint: print };
  const offending = current.find((k) => k.keyType === keyType) ?? current[0]!;
  return { kind: 'changed', keyType, fingerprint: print, offendingLine: offending.line };
}

export function readKnownHosts(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Appends `name keytype key` to the file, creating it (and its folder, 0700) when absent. */
export function recordHostKey(file: string, name: string, blob: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const before = readKnownHosts(file);
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}${name} ${blobKeyType(blob)} ${blob.toString('base64')}\n`, { mode: 0o600 });
}
