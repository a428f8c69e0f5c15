import net = require('node:net');
import { once } from 'node:events';
import { disableNagleOnClientSockets } from '../../src/database/tcp-no-delay';

describe('disableNagleOnClientSockets', () => {
  it('sets TCP_NODELAY on sockets opened with net.connect, as the Neo4j driver opens them', async () => {
    const server = net.createServer((socket) => socket.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as net.AddressInfo;
    const setNoDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    try {
      const before = net.connect(port, '127.0.0.1');
      expect(setNoDelay).not.toHaveBeenCalled();
      before.destroy();

      disableNagleOnClientSockets();
      disableNagleOnClientSockets(); // installing twice wraps once
      const socket = net.connect(port, '127.0.0.1');
      expect(setNoDelay.mock.calls).toEqual([[true]]);
      await once(socket, 'close');
    } finally {
      setNoDelay.mockRestore();
      server.close();
    }
  });
});
