// The host key check reads known_hosts as OpenSSH writes it: plain and hashed (ssh-keygen -H) names,
// [host]:port, wildcards and negations, @revoked; it tells new, known, changed and revoked keys apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fingerprint,
  hostFieldMatches,
  hostName,
  judgeHostKey,
  keysFor,
  preferredAlgorithms,
  recordHostKey,
} from '../../../scripts/deploy/known-hosts.ts';

const dir = mkdtempSync(join(tmpdir(), 'fb-known-hosts-'));

function newKey(type: 'ed25519' | 'ecdsa' | 'rsa', name: string): { line: string; blob: Buffer } {
  const file = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-f', file]);
  const line = readFileSync(`${file}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  return { line, blob: Buffer.from(line.split(' ')[1]!, 'base64') };
}

const a = newKey('ed25519', 'a');
const b = newKey('ed25519', 'b');
const e = newKey('ecdsa', 'e');

test('host names: bare on port 22, [host]:port otherwise', () => {
  assert.equal(hostName('finesse1.example.com', 22), 'finesse1.example.com');
  assert.equal(hostName('10.0.0.5', 2222), '[10.0.0.5]:2222');
});

test('the fingerprint is the one ssh-keygen prints', () => {
  const file = join(dir, 'a.pub');
  const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', file]).toString().split(' ')[1];
  assert.equal(fingerprint(a.blob), printed);
});

test('patterns: comma lists, * and ?, negation, case', () => {
  assert.ok(hostFieldMatches('fin1.example.com,10.0.0.5', '10.0.0.5'));
  assert.ok(hostFieldMatches('*.example.com', 'FIN1.example.com'));
  assert.ok(hostFieldMatches('fin?.example.com', 'fin2.example.com'));
  assert.ok(!hostFieldMatches('*.example.com,!fin2.example.com', 'fin2.example.com'));
  assert.ok(!hostFieldMatches('fin1.example.com', 'fin1.example.com.evil'));
  assert.ok(hostFieldMatches('[10.0.0.5]:2222', '[10.0.0.5]:2222'));
  assert.ok(!hostFieldMatches('10.0.0.5', '[10.0.0.5]:2222'), 'a port-22 entry does not vouch for another port');
});

test('hashed entries written by ssh-keygen -H are found by name, and only by that name', () => {
  const file = join(dir, 'hashed_known_hosts');
  writeFileSync(file, `fin1.example.com ${a.line}\n[fin2.example.com]:2222 ${b.line}\n`);
  execFileSync('ssh-keygen', ['-q', '-H', '-f', file], { stdio: 'pipe' });
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('|1|'), 'the file was hashed');
  assert.deepEqual(
    keysFor(text, 'fin1.example.com').map((k) => k.key),
    [a.line.split(' ')[1]],
  );
  assert.deepEqual(
    keysFor(text, '[fin2.example.com]:2222').map((k) => k.key),
    [b.line.split(' ')[1]],
  );
  assert.deepEqual(keysFor(text, 'fin2.example.com'), []);
});

test('verdicts: new, known, changed (naming the line), revoked', () => {
  const text = `# comment\n\nother.example.com ${b.line}\nfin1.example.com ${a.line}\n@revoked * ${b.line}\n@cert-authority *.example.com ${e.line}\n`;
  assert.equal(judgeHostKey(keysFor(text, 'new.example.net'), e.blob).kind, 'new');
  assert.deepEqual(judgeHostKey(keysFor(text, 'fin1.example.com'), a.blob), { kind: 'known' });
  const changed = judgeHostKey(keysFor(text, 'fin1.example.com'), e.blob);
  assert.equal(changed.kind, 'changed');
  assert.equal(changed.kind === 'changed' && changed.offendingLine, 4);
  assert.equal(changed.kind === 'changed' && changed.keyType, 'ecdsa-sha2-nistp256');
  const revoked = judgeHostKey(keysFor(text, 'anything.example.org'), b.blob);
  assert.deepEqual(revoked, { kind: 'revoked', fingerprint: fingerprint(b.blob), line: 5 });
});

test('the algorithms of keys on file are offered first, so a server with several host keys shows the known one', () => {
  const text = `fin1.example.com ${e.line}\nfin2.example.com ssh-rsa AAAA\n`;
  assert.equal(preferredAlgorithms(keysFor(text, 'fin1.example.com'))[0], 'ecdsa-sha2-nistp256');
  assert.deepEqual(preferredAlgorithms(keysFor(text, 'fin2.example.com')).slice(0, 3), [
    'rsa-sha2-512',
    'rsa-sha2-256',
    'ssh-rsa',
  ]);
  assert.equal(preferredAlgorithms([])[0], 'ssh-ed25519');
  assert.equal(new Set(preferredAlgorithms(keysFor(text, 'fin1.example.com'))).size, 7, 'no algorithm twice');
});

test('a new key is recorded in a form OpenSSH reads back (ssh-keygen -F finds it)', () => {
  const file = join(dir, 'sub', 'known_hosts');
  recordHostKey(file, '[127.0.0.1]:2222', a.blob);
  recordHostKey(file, 'fin1.example.com', b.blob);
  const found = execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2222', '-f', file]).toString();
  assert.ok(found.includes(a.line), found);
  assert.deepEqual(
    keysFor(readFileSync(file, 'utf8'), 'fin1.example.com').map((k) => k.line),
    [2],
  );
});
