/** A progress bar on stderr for long batches; plain lines when stderr is not a terminal. */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  step(label: string): void {
    this.done++;
    const width = 28;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(this.done).padStart(String(this.total).length)}/${this.total} ${label}`;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${bar}${this.done === this.total ? '\n' : ''}`);
    else this.stream.write(`${bar}\n`);
  }

  /** Seconds since the bar was made, one decimal. */
  elapsed(): string {
    return ((Date.now() - this.started) / 1000).toFixed(1);
  }
}
