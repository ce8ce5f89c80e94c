/**
 * A credential that cannot leak by accident: printing, logging or serializing it shows "[redacted]".
 * Only `reveal()` gives the value, at the one place that builds the Authorization header.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The raw value; call it only where the credential is sent. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Secret([redacted])';
  }
}
