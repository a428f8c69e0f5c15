import net = require('node:net');
import tls = require('node:tls');

/** Marks the wrapped `connect`, so that installing again (even from another copy of this module) wraps once. */
const WRAPPED = Symbol.for('blueprint-graph.tcp-no-delay');

/**
 * Turns Nagle's algorithm off on the client sockets this process opens.
 *
 * The Neo4j JavaScript driver leaves it on, and often sends a statement's
 * messages in two small writes: the second then waits for the server's
 * delayed ACK, 40 ms on Linux, on every statement of a transaction (an import
 * of 16 statements spent most of its time waiting). The driver has no socket
 * option, so `connect` of `net` and `tls` (which it calls at connect time) is
 * wrapped once. Other client sockets of the process only gain from it:
 * request-response protocols want no delay.
 */
export function disableNagleOnClientSockets(): void {
  for (const module of [net, tls] as { connect: ((...args: unknown[]) => net.Socket) & { [WRAPPED]?: true } }[]) {
    if (module.connect[WRAPPED]) continue;
    const connect = module.connect;
    module.connect = Object.assign(
      function connectWithoutDelay(this: unknown, ...args: unknown[]): net.Socket {
        return connect.apply(this, args).setNoDelay(true);
      },
      { [WRAPPED]: true as const },
    );
  }
}
