import * as path from 'node:path';

/**
 * Counts every statement this process sends through neo4j-driver, whoever
 * sends it, by wrapping `run` on the prototypes of the driver's Session and
 * Transaction: the classes of the neo4j-driver-core copy that neo4j-driver
 * itself loads, so every driver of the process is covered.
 *
 * Each statement passes exactly one of the two:
 * - `session.run` is an auto-commit statement; it goes to the connection
 *   directly, never through a Transaction.
 * - `tx.run` of an explicit transaction, and of a managed one: `executeRead`
 *   and `executeWrite` (and `driver.executeQuery`, which uses them) hand the
 *   work a ManagedTransaction whose `run` is the Transaction's own `run`,
 *   bound when the transaction begins, so wrapping ManagedTransaction as well
 *   would count twice. A retried transaction runs its statements again, and
 *   they are counted again: they went to the database again.
 * Beginning, committing and closing send no statement and are not counted.
 */

type Run = (this: unknown, ...args: unknown[]) => unknown;

interface Prototype {
  run: Run;
  [COUNTER]?: Counter;
}

interface Counter {
  count: number;
  listeners: Set<(query: string) => void>;
}

/** Marks the wrapped prototypes (shared by every copy of this module), so that installing again wraps once. */
const COUNTER = Symbol.for('blueprint-graph.driver-query-count');

function driverCore(): { Session: { prototype: Prototype }; Transaction: { prototype: Prototype } } {
  // The copy neo4j-driver resolves, not whichever another package might bring.
  const driverDir = path.dirname(require.resolve('neo4j-driver/package.json'));
  return require(require.resolve('neo4j-driver-core', { paths: [driverDir] }));
}

function install(): Counter {
  const { Session, Transaction } = driverCore();
  const installed = Session.prototype[COUNTER];
  if (installed) return installed;
  const counter: Counter = { count: 0, listeners: new Set() };
  for (const prototype of [Session.prototype, Transaction.prototype]) {
    const run = prototype.run;
    prototype.run = function countedRun(this: unknown, ...args: unknown[]): unknown {
      counter.count++;
      if (counter.listeners.size > 0) {
        const query = args[0];
        const text = typeof query === 'string' ? query : String((query as { text?: unknown } | null)?.text ?? '');
        for (const listener of counter.listeners) listener(text);
      }
      return run.apply(this, args);
    };
    prototype[COUNTER] = counter;
  }
  return counter;
}

/**
 * Starts counting (once per process; later calls share the count) and returns
 * a reader of the statements sent since counting started. Callers take
 * differences around the work they measure.
 */
export function countDriverQueries(): () => number {
  const counter = install();
  return () => counter.count;
}

/** Calls `listener` with the text of every statement from now on, until the returned function is called. */
export function onDriverQuery(listener: (query: string) => void): () => void {
  const counter = install();
  counter.listeners.add(listener);
  return () => counter.listeners.delete(listener);
}
