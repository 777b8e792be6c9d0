/**
 * The Socket.IO baseline: each socket joins the room named in its handshake query (`?room=`), and every
 * `m` event is emitted to that room (sender included, like Rounds). Listens on $PORT, prints `listening <port>`; exits when
 * its stdin closes.
 */
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const io = new Server(server, {
  transports: ['websocket'],
  perMessageDeflate: false,
  serveClient: false,
  maxHttpBufferSize: 1 << 20,
});

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room ?? 'bench');
  void socket.join(room);
  socket.on('m', (payload: unknown) => {
    io.to(room).emit('m', payload);
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
