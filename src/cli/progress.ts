/** A progress bar on a terminal; plain lines anywhere else (logs, CI). */
export class Progress {
  private done_ = 0;
  private readonly terminal: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
  ) {
    this.terminal = !!stream.isTTY;
  }

  log(line: string): void {
    if (this.terminal) this.stream.write('\r\x1b[K');
    this.stream.write(line + '\n');
    if (this.terminal) this.draw('');
  }

  tick(label: string): void {
    this.done_++;
    if (this.terminal) this.draw(label);
  }

  done(): void {
    if (this.terminal) this.stream.write('\r\x1b[K');
  }

  private draw(label: string): void {
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((this.done_ / this.total) * width);
    this.stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done_}/${this.total} ${label}`);
  }
}
