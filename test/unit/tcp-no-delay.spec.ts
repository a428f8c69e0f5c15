import net = require('node:net');
import tls = require('node:tls');
import { once } from 'node:events';
import { disableNagleOnClientSockets } from '../../src/database/tcp-no-delay';

describe('disableNagleOnClientSockets', () => {
  it('sets TCP_NODELAY on sockets opened with net.connect, as the Neo4j driver opens them, and wraps once', async () => {
    const server = net.createServer((socket) => socket.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as net.AddressInfo;
    const setNoDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    try {
      disableNagleOnClientSockets();
      const wrapped = [net.connect, tls.connect];
      disableNagleOnClientSockets();
      expect([net.connect, tls.connect]).toEqual(wrapped);

      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      expect(setNoDelay.mock.calls).toEqual([[true]]);
      await once(socket, 'close');
    } finally {
      setNoDelay.mockRestore();
      server.close();
    }
  });
});
