// The offer chime in public/ (copied next to the bundle): a short, soft PCM WAV every browser plays, under 10 kB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('public/offer-chime.wav is a short, soft 16-bit mono PCM WAV under 10 kB', () => {
  const wav = readFileSync('public/offer-chime.wav');
  assert.ok(wav.length < 10_000, `${wav.length} bytes`);
  assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
  assert.equal(wav.toString('ascii', 8, 12), 'WAVE');
  assert.equal(wav.readUInt16LE(20), 1, 'PCM');
  assert.equal(wav.readUInt16LE(22), 1, 'mono');
  assert.equal(wav.readUInt16LE(34), 16, '16-bit');
  const rate = wav.readUInt32LE(24);
  const dataBytes = wav.readUInt32LE(40);
  const seconds = dataBytes / 2 / rate;
  assert.ok(seconds > 0.2 && seconds < 1, `${seconds} s`);
  let peak = 0;
  for (let i = 44; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
  assert.ok(peak > 3000 && peak < 0.5 * 32767, `soft but audible: peak ${peak}`);
  assert.equal(wav.readInt16LE(wav.length - 2), 0, 'ends in silence (no click)');
});
