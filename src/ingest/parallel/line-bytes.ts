/**
 * Collects NDJSON lines as UTF-8 bytes. Encoding each line straight into one growing
 * buffer is about a third cheaper than building a long string and encoding it at the end
 * (no cons-string flattening, one allocation per piece), and the bytes can be transferred
 * from a worker thread instead of copied.
 */
export class LineBytes {
  private buffer: Buffer;
  private length = 0;

  constructor(private readonly initialBytes = 1 << 18) {
    this.buffer = Buffer.allocUnsafeSlow(initialBytes);
  }

  /** Appends a line; `line` must already end with its newline. */
  add(line: string): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const room = line.length * 3;
    if (this.buffer.length - this.length < room) this.grow(room);
    this.length += this.buffer.write(line, this.length);
  }

  get byteLength(): number {
    return this.length;
  }

  /** The bytes so far, in a buffer of their own (transferable); the collector starts empty again. */
  take(): Uint8Array {
    const bytes = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
    // Pieces of one file are alike: start the next one as big as this one turned out.
    this.buffer = Buffer.allocUnsafeSlow(Math.max(this.initialBytes, Math.ceil(this.length * 1.25)));
    this.length = 0;
    return bytes;
  }

  private grow(room: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + room));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
}
