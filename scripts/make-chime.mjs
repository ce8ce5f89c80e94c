// Writes public/offer-chime.wav: the soft two-tone chime the gadget plays for a chat offer while it is out of sight.
// Generated here rather than taken from anywhere: two sine tones (E5 then A5) with a short attack and a gentle decay,
// 16-bit mono at 8 kHz, under 10 kB. Run `node scripts/make-chime.mjs` after changing it; the file is committed.
import { writeFileSync } from 'node:fs';

const RATE = 8000;
const TONES = [
  { hz: 659.25, start: 0, length: 0.22 },
  { hz: 880.0, start: 0.16, length: 0.27 },
];
const SECONDS = 0.45;
const PEAK = 0.35; // soft: about a third of full scale

const samples = new Float64Array(Math.round(RATE * SECONDS));
for (const tone of TONES) {
  const first = Math.round(tone.start * RATE);
  const count = Math.round(tone.length * RATE);
  for (let i = 0; i < count && first + i < samples.length; i++) {
    const t = i / RATE;
    const attack = Math.min(1, t / 0.012);
    const decay = Math.exp(-t * 9) * Math.min(1, (tone.length - t) / 0.03); // fade to silence at the end, no click
    samples[first + i] += PEAK * attack * decay * Math.sin(2 * Math.PI * tone.hz * t);
  }
}

const data = Buffer.alloc(samples.length * 2);
samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2));
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8);
header.write('fmt ', 12);
header.writeUInt32LE(16, 16); // PCM chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28); // bytes per second
header.writeUInt16LE(2, 32); // block align
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36);
header.writeUInt32LE(data.length, 40);
const file = new URL('../public/offer-chime.wav', import.meta.url);
writeFileSync(file, Buffer.concat([header, data]));
console.log(`wrote ${file.pathname.split('/').slice(-2).join('/')} (${44 + data.length} bytes)`);
