/**
 * One read at a time, shared by everyone who asks while it is due. A caller
 * never gets a read that started before it asked: one that arrives while a
 * read runs waits for the next, which starts when that one ends and serves
 * every caller that arrived meanwhile. So each answer still reflects
 * everything committed before its caller asked, while many concurrent callers
 * (a dashboard's panels, ten connections) cost two reads in flight at most
 * instead of one each.
 */
export class SharedRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    // Settled either way before the next starts: a failed read fails only the callers it served.
    this.next ??= this.running.then(ended, ended).then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<T> {
    const read = this.read();
    this.running = read;
    const clear = () => {
      if (this.running === read) this.running = null;
    };
    read.then(clear, clear);
    return read;
  }
}

function ended(): void {}
