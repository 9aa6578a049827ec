// Slack's Socket Mode end at a loopback port, for tests: apps.connections.open is
// answered with a ws:// URL on this server, whose WebSocket (the handshake and the
// framing of RFC 6455, written out here: no WebSocket server library is installed)
// says hello, answers the client's pings, delivers envelopes as Slack does and
// hands back the client's acknowledgement of each.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

function frame(opcode: number, payload: Buffer): Buffer {
  const head =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65_536
        ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(payload.length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** Complete client frames at the head of `buffer` (clients always mask), and what is left. */
function readFrames(buffer: Buffer): {
  frames: { opcode: number; payload: Buffer }[];
  rest: Buffer;
} {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    const opcode = (buffer[at] as number) & 0x0f;
    let length = (buffer[at + 1] as number) & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (buffer.length < offset + 2) break;
      length = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      if (buffer.length < offset + 8) break;
      length = Number(buffer.readBigUInt64BE(offset));
      offset += 8;
    }
    if (buffer.length < offset + 4 + length) break;
    const mask = buffer.subarray(offset, offset + 4);
    const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
    for (let i = 0; i < payload.length; i++)
      payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
    frames.push({ opcode, payload });
    at = offset + 4 + length;
  }
  return { frames, rest: Buffer.from(buffer.subarray(at)) };
}

export interface SocketStandIn {
  /** The ws:// URL apps.connections.open should answer with. */
  url: string;
  /** Resolves once a client connected and was greeted. */
  connected(): Promise<void>;
  /** Delivers an envelope; resolves with the payload the client acknowledged it with. */
  deliver(type: string, payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startSocketStandIn(): Promise<SocketStandIn> {
  let socket: Duplex | undefined;
  let greeted: (() => void) | undefined;
  const greeting = new Promise<void>((resolve) => {
    greeted = resolve;
  });
  const pending = new Map<string, (payload: unknown) => void>();
  let seq = 0;
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on("upgrade", (req, conn) => {
    const key = String(req.headers["sec-websocket-key"]);
    const accept = createHash("sha1")
      .update(key + GUID)
      .digest("base64");
    conn.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    socket = conn;
    let buffered: Buffer = Buffer.alloc(0);
    conn.on("data", (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([buffered, chunk]));
      buffered = rest;
      for (const f of frames) {
        if (f.opcode === 0x9) conn.write(frame(0xa, f.payload));
        else if (f.opcode === 0x8) conn.end(frame(0x8, Buffer.alloc(0)));
        else if (f.opcode === 0x1) {
          const message = JSON.parse(f.payload.toString("utf8")) as {
            envelope_id?: string;
            payload?: unknown;
          };
          if (message.envelope_id) pending.get(message.envelope_id)?.(message.payload ?? null);
        }
      }
    });
    conn.on("error", () => {});
    conn.write(
      frame(
        0x1,
        Buffer.from(
          JSON.stringify({
            type: "hello",
            num_connections: 1,
            connection_info: { app_id: "A0APP" },
          }),
        ),
      ),
    );
    greeted?.();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected: () => greeting,
    deliver(type, payload) {
      if (!socket) throw new Error("no client is connected");
      seq += 1;
      const envelope_id = `env-${seq}`;
      const acked = new Promise<unknown>((resolve) => pending.set(envelope_id, resolve));
      socket.write(
        frame(
          0x1,
          Buffer.from(
            JSON.stringify({
              envelope_id,
              type,
              payload,
              accepts_response_payload: true,
              retry_attempt: 0,
              retry_reason: "",
            }),
          ),
        ),
      );
      return acked;
    },
    close() {
      socket?.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
