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

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A spinner on a terminal for anything that takes more than a second
 * (`delayMs`), with how long it has been; nothing anywhere else (logs, CI,
 * pipes), so that output stays the command's alone.
 */
export class Spinner {
  private frame = 0;
  private shown = false;
  private readonly started = Date.now();
  private readonly delay: NodeJS.Timeout;
  private ticker?: NodeJS.Timeout;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    delayMs = 1000,
  ) {
    this.delay = setTimeout(() => this.start(), delayMs);
    this.delay.unref();
  }

  /** A line of its own above the spinner. */
  log(line: string): void {
    this.clear();
    this.stream.write(line + '\n');
    if (this.ticker) this.draw();
  }

  stop(): void {
    clearTimeout(this.delay);
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.clear();
  }

  private start(): void {
    if (!this.stream.isTTY) return;
    this.ticker = setInterval(() => this.draw(), 100);
    this.ticker.unref();
    this.draw();
  }

  private draw(): void {
    const seconds = Math.floor((Date.now() - this.started) / 1000);
    this.stream.write(`\r\x1b[K${FRAMES[this.frame++ % FRAMES.length]} ${this.label}… ${seconds} s`);
    this.shown = true;
  }

  private clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
