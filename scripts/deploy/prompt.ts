// Asks for a secret on the terminal without showing what is typed.
import type { ReadStream } from 'node:tty';

export function promptHidden(question: string, input: ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const wasRaw = input.isRaw;
    // Echo off before the question shows, so nothing typed right after it is echoed.
    input.setRawMode(true);
    output.write(question);
    input.resume();
    const done = (error: Error | null) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.removeListener('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else if (ch >= ' ') answer += ch;
      }
    };
    input.on('data', onData);
  });
}
