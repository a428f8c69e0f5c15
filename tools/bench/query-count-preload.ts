import { countDriverQueries } from './driver-query-count';

/**
 * Loaded with `node -r .build/tools/bench/query-count-preload.js <server>`: counts
 * every statement the server sends through neo4j-driver (see
 * driver-query-count.ts), and, in a child process started with an IPC
 * channel, answers `{ type: 'query-count' }` with `{ type: 'query-count', count }`.
 *
 * Importing this module starts counting and listens on the IPC channel; code
 * that only wants the counter imports driver-query-count instead.
 */

export { countDriverQueries, onDriverQuery } from './driver-query-count';

export interface QueryCountReply {
  type: 'query-count';
  count: number;
}

const queryCount = countDriverQueries();

if (typeof process.send === 'function') {
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== 'query-count' || !process.connected) return;
    const reply: QueryCountReply = { type: 'query-count', count: queryCount() };
    process.send?.(reply);
  });
  // Listening on 'message' refs the channel; the counter must not keep the
  // server alive once SIGTERM has closed everything else.
  process.channel?.unref();
}
