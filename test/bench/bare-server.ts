// Baseline for bench:board: a bare socket.io server with no database and no application.
// A POST to /emit is answered, then its body is broadcast to every connected client, so
// a write acknowledged over HTTP and then pushed is measured the same way as on Duijie.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    io.emit('board:event', JSON.parse(body));
  });
});
const io = new Server(server);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
