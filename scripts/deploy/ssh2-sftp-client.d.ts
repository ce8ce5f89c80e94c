// The part of ssh2-sftp-client (v12) the deploy command uses. The package ships no types of its own; connect
// options are ssh2's, passed through unchanged.
declare module 'ssh2-sftp-client' {
  import type { EventEmitter } from 'node:events';

  export interface ConnectOptions {
    host: string;
    port: number;
    username: string;
    password?: string;
    privateKey?: string | Buffer;
    passphrase?: string;
    readyTimeout?: number;
    /** Returns true to accept the server's host key (the raw public key blob in SSH wire format). */
    hostVerifier?: (key: Buffer) => boolean;
    algorithms?: { serverHostKey?: string[] };
    tryKeyboard?: boolean;
  }

  export interface FileInfo {
    /** 'd' directory, '-' file, 'l' link. */
    type: string;
    name: string;
    size: number;
  }

  export interface FileStats {
    mode: number;
    size: number;
    isDirectory: boolean;
    isFile: boolean;
  }

  export default class SftpClient {
    constructor(name?: string, callbacks?: { error?: (err: Error) => void; end?: () => void; close?: () => void });
    /** The ssh2 Client underneath, whose 'error' events carry a `level` (e.g. 'client-authentication'). */
    client: EventEmitter;
    /** ssh2's SFTP session once connected. */
    sftp:
      | {
          writeFile(
            path: string,
            data: Buffer,
            options: { mode: number; flag?: string },
            callback: (err?: Error | null) => void,
          ): void;
        }
      | undefined;
    connect(options: ConnectOptions): Promise<unknown>;
    list(path: string): Promise<FileInfo[]>;
    stat(path: string): Promise<FileStats>;
    exists(path: string): Promise<false | 'd' | '-' | 'l'>;
    mkdir(path: string, recursive?: boolean): Promise<string>;
    rmdir(path: string, recursive?: boolean): Promise<string>;
    put(
      data: Buffer,
      path: string,
      options?: { writeStreamOptions?: { mode?: number; flags?: string } },
    ): Promise<string>;
    get(path: string): Promise<Buffer>;
    delete(path: string, notFoundOK?: boolean): Promise<string>;
    rename(from: string, to: string): Promise<string>;
    chmod(path: string, mode: number): Promise<string>;
    end(): Promise<boolean>;
  }
}

// The one part of ssh2 itself the deploy uses: reading a private key (to know whether it needs a passphrase).
declare module 'ssh2' {
  export const utils: {
    /** The parsed key, or an Error saying why it cannot be read (e.g. encrypted and no passphrase given). */
    parseKey(data: Buffer | string, passphrase?: string): unknown;
  };
}
