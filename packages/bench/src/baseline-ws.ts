/**
 * The floor: a bare `ws` server doing the least each scenario needs, storing nothing.
 *   /fanout  every frame received is broadcast to every socket with a per-socket `ws.send` loop;
 *   /relay?room=R  message.send frames are relayed to the room's sockets as message.created, then acked;
 *   /sync    replays stored frames: `store {pages}` keeps them; `hello` is acked; each `sync` gets the next page;
 *   /idle    sockets are only held (memory).
 * Listens on $PORT, prints `listening <port>`; exits when its stdin closes (the bench went away).
 */
import http from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ server, perMessageDeflate: false, clientTracking: false, maxPayload: 1 << 20 });
const everyone = new Set<WebSocket>();
const rooms = new Map<string, { sockets: Set<WebSocket>; seq: number }>();
const idle = new Set<WebSocket>();
let ids = 0;
let pages: string[] = [];

type Send = { ref: number | string; roomId: string; clientMsgId: string; body: string };

function relay(ws: WebSocket, roomId: string, data: Buffer): void {
  const room = rooms.get(roomId);
  if (!room) return;
  const cmd = JSON.parse(data.toString()) as Send;
  room.seq++;
  const at = new Date().toISOString();
  // The same shape and size as a Rounds message.created event and its ack.
  const message = {
    id: `m${String(++ids).padStart(15, '0')}`,
    roomId,
    seq: room.seq,
    senderId: 'u000000000000000',
    clientMsgId: cmd.clientMsgId,
    body: cmd.body,
    threadRootId: null,
    replyCount: 0,
    mentions: [],
    reactions: [],
    createdAt: at,
    editedAt: null,
    deletedAt: null,
  };
  const event = Buffer.from(JSON.stringify({ type: 'message.created', roomId, seq: room.seq, message }));
  for (const peer of room.sockets) peer.send(event, { binary: false });
  ws.send(JSON.stringify({ type: 'ack', ref: cmd.ref, data: { message, duplicate: false } }));
}

wss.on('connection', (ws, req) => {
  ws.on('error', () => ws.terminate());
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/fanout') {
    everyone.add(ws);
    ws.on('message', (data: Buffer, isBinary) => {
      for (const peer of everyone) peer.send(data, { binary: isBinary });
    });
    ws.on('close', () => everyone.delete(ws));
  } else if (url.pathname === '/relay') {
    const roomId = url.searchParams.get('room') ?? 'default';
    let room = rooms.get(roomId);
    if (!room) {
      room = { sockets: new Set(), seq: 0 };
      rooms.set(roomId, room);
    }
    room.sockets.add(ws);
    ws.on('message', (data: Buffer) => relay(ws, roomId, data));
    ws.on('close', () => room.sockets.delete(ws));
  } else if (url.pathname === '/sync') {
    let next = 0;
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('{"type":"store"')) {
        pages = (JSON.parse(text) as { pages: string[] }).pages;
        ws.send('{"type":"ack","ref":"store","data":{}}');
      } else if (text.startsWith('{"type":"hello"')) {
        ws.send('{"type":"ack","ref":"h","data":{}}');
      } else {
        ws.send(pages[next++ % pages.length] ?? '{}');
      }
    });
  } else {
    idle.add(ws);
    ws.on('close', () => idle.delete(ws));
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
