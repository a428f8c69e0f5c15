import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Neo4jExecutor } from '../database/executor';

/** One write to a blueprint as its watchers hear of it. */
export interface BlueprintChangeEvent {
  blueprintKey: string;
  /** The version the write made; null when the blueprint was deleted. */
  version: number | null;
  at: string;
  operation: string;
  author: string | null;
}

/** How often the database is asked while anyone watches; a write through this instance asks at once. */
export const CHANGE_POLL_MS = 250;

type Listener = (event: BlueprintChangeEvent) => void;

interface Watched {
  /** The newest version heard of; null while the blueprint does not exist. */
  version: number | null;
  listeners: Set<Listener>;
}

/**
 * The changes of watched blueprints, read from the database: every version a
 * write makes is in the blueprint's history, so watching the revisions (one
 * indexed read for all watched keys) hears the writes of every app instance
 * on the database, not only this one's. Nothing is polled while nobody
 * watches.
 */
@Injectable()
export class BlueprintChangeFeed implements OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;

  constructor(private readonly executor: Neo4jExecutor) {}

  /**
   * Calls `listener` with every change of `key` after this resolves; the
   * returned function stops it. The first watcher of a key reads where it is,
   * so that no write after the subscription is missed.
   */
  async watch(key: string, listener: Listener): Promise<() => void> {
    let entry = this.watched.get(key);
    if (!entry) {
      const [row] = await this.executor.read((runner) => runner.run('live-changes', { watched: [{ key, version: null }] }));
      entry = this.watched.get(key) ?? { version: row?.revision == null ? null : Number(row.revision), listeners: new Set() };
      this.watched.set(key, entry);
    }
    entry.listeners.add(listener);
    this.schedule();
    return () => {
      const current = this.watched.get(key);
      current?.listeners.delete(listener);
      if (current && current.listeners.size === 0) this.watched.delete(key);
      if (this.watched.size === 0) this.stop();
    };
  }

  /** A write committed through this instance: ask now rather than at the next tick. */
  wake(): void {
    if (this.watched.size > 0) void this.poll();
  }

  onModuleDestroy(): void {
    this.watched.clear();
    this.stop();
  }

  private schedule(): void {
    this.timer ??= setInterval(() => void this.poll(), CHANGE_POLL_MS);
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One poll at a time; a wake during one makes another right after it. */
  private poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = this.pollOnce()
      .catch((error: Error) => this.logger.warn({ message: 'reading blueprint changes failed; trying again', error: error.message }))
      .finally(() => {
        this.polling = undefined;
        if (this.pollAgain) {
          this.pollAgain = false;
          void this.poll();
        }
      });
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    if (this.watched.size === 0) return;
    const watched = [...this.watched].map(([key, entry]) => ({ key, version: entry.version }));
    const rows = await this.executor.read((runner) => runner.run('live-changes', { watched }));
    for (const row of rows) {
      const key = row.key as string;
      const entry = this.watched.get(key);
      if (!entry) continue;
      const revision = row.revision == null ? null : Number(row.revision);
      const versions = row.versions as { version: unknown; at: string; operation: string; author: string | null }[];
      const events: BlueprintChangeEvent[] = [];
      // Gone, or gone and made again since the last look: its watchers hear of the delete first.
      if (entry.version !== null && (revision === null || revision < entry.version)) {
        events.push({ blueprintKey: key, version: null, at: new Date().toISOString(), operation: 'deleteBlueprint', author: null });
        entry.version = null;
        // Made again: its new versions are read from the first on the next look.
        if (revision !== null) {
          this.pollAgain = true;
          for (const listener of entry.listeners) listener(events[0]);
          continue;
        }
      }
      for (const v of versions) {
        const version = Number(v.version);
        if (entry.version !== null && version <= entry.version) continue;
        events.push({ blueprintKey: key, version, at: v.at, operation: v.operation, author: v.author ?? null });
      }
      // Seen is what was heard, not the revision: a statement may read a revision whose version it read before
      // that write committed. Such a version is heard at the next look, at once.
      const heard = versions.length > 0 ? Number(versions[versions.length - 1].version) : null;
      if (heard !== null && (entry.version === null || heard > entry.version)) entry.version = heard;
      if (heard !== null && revision !== null && revision > heard) this.pollAgain = true;
      for (const event of events) for (const listener of entry.listeners) listener(event);
    }
  }
}
