// Free TCP ports on the loopback interface, for servers that cannot listen on port 0 themselves (Prosody).
import { createServer } from 'node:net';

/** A port nobody listens on right now (the OS picks it); another process could still take it before we do. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
