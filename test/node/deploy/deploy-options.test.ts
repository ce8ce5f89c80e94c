// The deploy command's options and its words for each failure, without a server: flags and environment,
// the refused --password flag, the package checks, --dry-run, and how each low-level error reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeployError, explain, type ErrorContext } from '../../../scripts/deploy/errors.ts';
import { parseOptions } from '../../../scripts/deploy/options.ts';
import { deploy, makeRelease } from './deploy-kit.ts';

function refusal(fn: () => unknown): DeployError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DeployError, String(error));
    return error;
  }
  assert.fail('expected a DeployError');
}

test('hosts come from repeated flags or a comma list; defaults follow Cisco (port 22, 3rdpartygadget, /files)', () => {
  const o = parseOptions(['--host', 'fin1.example.com,fin2.example.com', '--host', 'fin3'], {});
  assert.deepEqual(o.hosts, ['fin1.example.com', 'fin2.example.com', 'fin3']);
  assert.equal(o.port, 22);
  assert.equal(o.user, '3rdpartygadget');
  assert.equal(o.remoteRoot, '/files');
  assert.equal(o.packagePath, join('release', 'finesse-blend'));
  assert.equal(o.passwordEnv, 'FINESSE_SFTP_PASSWORD');
  assert.match(o.knownHostsFile, /\.ssh\/known_hosts$/);
  const fromEnv = parseOptions([], {
    FINESSE_SFTP_HOST: 'fin9',
    FINESSE_SFTP_PORT: '2222',
    FINESSE_SFTP_USER: 'someone',
    FINESSE_SFTP_KEY: '/keys/id',
  });
  assert.deepEqual(
    [fromEnv.hosts, fromEnv.port, fromEnv.user, fromEnv.key],
    [['fin9'], 2222, 'someone', { file: '/keys/id' }],
  );
  assert.deepEqual(parseOptions(['--host', 'x', '--folder', 'blend-v2'], {}).packagePath, join('release', 'blend-v2'));
});

test('a --password flag is refused, in either form, without repeating the value', () => {
  for (const argv of [
    ['--host', 'x', '--password', 'Secret-123'],
    ['--host', 'x', '--password=Secret-123'],
  ]) {
    const e = refusal(() => parseOptions(argv, {}));
    assert.match(e.message, /visible in the process list and kept in shell history/);
    assert.match(e.advice, /FINESSE_SFTP_PASSWORD/);
    assert.ok(!`${e.message}${e.advice}`.includes('Secret-123'));
  }
});

test('bad options are named with what to do', () => {
  assert.match(refusal(() => parseOptions([], {})).advice, /--host/);
  assert.match(refusal(() => parseOptions(['--host', 'x', '--port', '99999'], {})).message, /not a port number/);
  assert.match(
    refusal(() => parseOptions(['--host', 'x', '--folder', '../up'], {})).message,
    /--folder "\.\.\/up" cannot be used/,
  );
  assert.match(
    refusal(() => parseOptions(['--host', 'x', '--folder', 'blend.previous'], {})).message,
    /npm run deploy uses/,
  );
  assert.match(refusal(() => parseOptions(['--host', 'x', '--remote-root', 'files'], {})).message, /absolute/);
  assert.match(refusal(() => parseOptions(['--host', 'x', '--colour'], {})).advice, /--help/);
});

test('a missing release says to run npm run package first; a release for another folder is refused', async () => {
  const missing = await deploy(['--host', 'x', '--package', join(tmpdir(), 'no-such-release')], {});
  assert.equal(missing.code, 1);
  assert.match(missing.err, /There is no release at .*no-such-release/);
  assert.match(missing.err, /Run npm run package first/);
  const other = await deploy(['--host', 'x', '--package', makeRelease('1.0.0'), '--folder', 'blend-v2'], {});
  assert.equal(other.code, 1);
  assert.match(other.err, /built for the folder finesse-blend, not blend-v2/);
});

test('--dry-run lists every file and size and connects to nothing', async () => {
  const rel = makeRelease('1.2.3+abcdef0');
  const result = await deploy(['--host', 'fin1.example.invalid', '--package', rel, '--dry-run'], {});
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /would upload 4 files .* of finesse-blend 1\.2\.3\+abcdef0 to fin1\.example\.invalid/);
  assert.match(result.out, /\/files\/finesse-blend\.uploading/);
  assert.match(result.out, /messages\/en\.xml {2}60 bytes/);
  assert.doesNotMatch(result.out, /Connecting/);
  const rollback = await deploy(['--host', 'fin1.example.invalid', '--dry-run', '--rollback'], {});
  assert.equal(rollback.code, 0, rollback.err);
  assert.match(
    rollback.out,
    /would swap \/files\/finesse-blend and \/files\/finesse-blend\.previous on fin1\.example\.invalid/,
  );
  assert.doesNotMatch(rollback.out, /Connecting/);
});

const ctx: ErrorContext = {
  host: 'fin1.example.com',
  port: 22,
  user: '3rdpartygadget',
  stage: 'connect',
  auth: 'password',
  live: '/files/finesse-blend',
  timeoutMs: 20_000,
};

test('each low-level failure reads as one sentence with advice', () => {
  const words = (error: unknown, more: Partial<ErrorContext> = {}) => {
    const e = explain(error, { ...ctx, ...more });
    return `${e.message} | ${e.advice}`;
  };
  const err = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
  assert.match(words(err('connect EHOSTUNREACH', { code: 'EHOSTUNREACH' })), /no route to that host.*port 22/);
  assert.match(words(err('getaddrinfo ENOTFOUND', { code: 'ENOTFOUND' })), /fin1\.example\.com could not be found/);
  assert.match(words(err('Timed out while waiting for handshake', {})), /did not answer within 20 s.*firewall/);
  assert.match(
    words(err('All configured authentication methods failed', { level: 'client-authentication' }), { auth: 'key' }),
    /refused the key.*authorized keys/,
  );
  assert.match(
    words(err('Write stream error: Failure /files/x/a.js', { code: 4 }), { stage: 'upload', path: '/files/x/a.js' }),
    /could not write \/files\/x\/a\.js: the Finesse server's disk is probably full\. Nothing was switched/,
  );
  assert.match(words(err('ENOSPC', { code: 'ENOSPC' }), { stage: 'upload' }), /disk is probably full/);
  assert.match(
    words(err('Permission denied', { code: 3 }), { stage: 'prepare', path: '/x' }),
    /denied 3rdpartygadget permission to write \/x\..*may write only under \/files/,
  );
  assert.match(
    words(err('Encrypted private OpenSSH key detected, but no passphrase given', {})),
    /FINESSE_SFTP_KEY_PASSPHRASE/,
  );
  assert.doesNotMatch(
    words(err('boom', { code: 4 }), { stage: 'swap' }),
    /Nothing was switched/,
    'a swap failure claims nothing',
  );
});
