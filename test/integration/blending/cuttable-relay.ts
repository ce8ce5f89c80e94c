// A TCP relay in front of a server, for a network cut: clients connect through it, and cut() closes every
// connection at once (both sides), as a broken network would. It keeps listening, so clients can connect again.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class CuttableRelay {
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  #port = 0;

  private constructor(target: { readonly host: string; readonly port: number }) {
    this.#server = createServer((client) => {
      const upstream = createConnection(target);
      this.#track(client);
      this.#track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  /** Listens on a free loopback port and relays every connection to host:port. */
  static async start(target: { readonly host: string; readonly port: number }): Promise<CuttableRelay> {
    const relay = new CuttableRelay(target);
    await new Promise<void>((resolve, reject) => {
      relay.#server.once('error', reject);
      relay.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = relay.#server.address();
    if (address === null || typeof address === 'string') throw new Error('the relay has no TCP port');
    relay.#port = address.port;
    return relay;
  }

  /** The relay's port on 127.0.0.1. */
  get port(): number {
    return this.#port;
  }

  /** Connections open through the relay now (each client counts twice: its side and the server's). */
  get sockets(): number {
    return this.#sockets.size;
  }

  /** Closes every relayed connection at once, with no goodbye in the protocol above. */
  cut(): void {
    for (const socket of [...this.#sockets]) socket.destroy();
  }

  /** Cuts, then stops listening. */
  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }
}
