import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { requestJson, start, stop, type Server } from './servers.js';

/**
 * The stream's fan-out: N subscribers (one `ws` connection each, 100 symbols each) in this
 * process; each round moves the 100 symbols once (one replay of 100 ticks through the control
 * API) and waits until every subscriber has every tick. Figures: ticks delivered per second over
 * all rounds, and the p99 delay from the round's price change (the replay request leaving) to a
 * tick's arrival. The same client against a bare `ws` server that, on POST /burst, sends every
 * connection the same 100 frames (the sandbox's own frames, captured first): what the transport
 * costs without any market.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/mock/cli.js');
const FIXTURES = join(ROOT, 'fixtures/default.json');
const SYMBOLS = 100;

/** A bare ws server: every connection gets the frames of each POST /burst (its body: a JSON array of frames). */
const BARE_WS = `
const http = require('node:http');
const { WebSocketServer } = require(${JSON.stringify(join(ROOT, 'node_modules/ws'))});
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.url === '/burst') { for (const f of JSON.parse(body)) for (const c of wss.clients) c.send(f); }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"Success"}');
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
server.listen(Number(process.argv[1]), '127.0.0.1');
`;

type Listing = { exchange: string; symbol: string; code: string; price: number; tick: number };

function listings(csv: string): Listing[] {
  const rows = csv.trim().split('\n').slice(1);
  return rows.slice(0, SYMBOLS).map((line) => {
    const [exchange, , code, tradingSymbol, , lastPrice, , , , , tick] = line.split(',');
    return { exchange: exchange!, symbol: tradingSymbol!, code: code!, price: Number(lastPrice), tick: Number(tick) };
  });
}

const replayCsv = (ls: Listing[], round: number) => ls.map((l) => `${l.exchange},${l.symbol},${(Math.round((l.price * (1 + 0.001 * ((round % 5) + 1))) / l.tick) * l.tick).toFixed(4)}`).join('\n');

export type FanOut = { subscribers: number; ticksPerSecond: number; p99Ms: number; delivered: number };

async function connect(url: string, token: string | null, n: number, codes: string[]) {
  const sockets: WebSocket[] = [];
  const frame = `${JSON.stringify({ request: { streaming_type: 'quote', data: { symbols: codes.map((symbol) => ({ symbol })) }, request_type: 'subscribe', response_format: 'json' } })}\n`;
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async () => {
        const ws = new WebSocket(url, token ? { headers: { 'x-session-token': token } } : {});
        await new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
        ws.send(frame);
        sockets.push(ws);
      }),
    );
  }
  return sockets;
}

async function measure(sockets: WebSocket[], fire: (round: number) => Promise<void>, rounds: number, perRound: number): Promise<Omit<FanOut, 'subscribers'>> {
  const delays: number[] = [];
  let received = 0;
  let roundStart = 0;
  let resolveRound: (() => void) | null = null;
  let expected = 0;
  for (const ws of sockets) {
    ws.removeAllListeners('message');
    ws.on('message', () => {
      if (!resolveRound) return;
      delays.push(performance.now() - roundStart);
      received++;
      if (received >= expected) resolveRound();
    });
  }
  const began = performance.now();
  for (let r = 0; r < rounds; r++) {
    expected = received + sockets.length * perRound;
    const done = new Promise<void>((resolve) => (resolveRound = resolve));
    roundStart = performance.now();
    await fire(r);
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    resolveRound = null;
  }
  const seconds = (performance.now() - began) / 1000;
  delays.sort((a, b) => a - b);
  return { ticksPerSecond: received / seconds, p99Ms: delays[Math.floor(delays.length * 0.99)] ?? Number.NaN, delivered: received };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

export async function streamBench(counts: number[], rounds = 20): Promise<{ sandbox: FanOut[]; bare: FanOut[] }> {
  const fixture = JSON.parse(readFileSync(FIXTURES, 'utf8')) as { accounts: Array<{ apps?: Array<{ status: string; apiKey: string; apiSecret: string }> }> };
  const app = fixture.accounts.flatMap((a) => a.apps ?? []).find((x) => x.status === 'Active')!;
  const servers: Server[] = [];
  try {
    const sandbox = await start('stream-sandbox', process.execPath, (port) => [CLI, '--port', String(port), '--quiet', '--fixtures', FIXTURES], '/__sandbox/info');
    servers.push(sandbox);
    const bare = await start('bare-ws', process.execPath, (port) => ['-e', BARE_WS, String(port)], '/');
    servers.push(bare);
    const token = (await requestJson('POST', `${sandbox.url}/session/token`, { apiKey: app.apiKey, apiSecret: app.apiSecret })).body.sessionToken as string;
    const csv = await (await fetch(`${sandbox.url}/doc/ScripMaster.csv`)).text();
    const ls = listings(csv);
    const codes = ls.map((l) => l.code);
    // The sandbox's own frames, for the bare server to send: one capture of a round.
    const [probe] = await connect(sandbox.url.replace('http', 'ws'), token, 1, codes);
    const frames: string[] = [];
    probe!.on('message', (d) => frames.push(d.toString()));
    await settle();
    frames.length = 0;
    await requestJson('POST', `${sandbox.url}/__sandbox/market/replay`, { csv: replayCsv(ls, 0) });
    await settle();
    probe!.terminate();
    const bareFrames = JSON.stringify(frames.slice(0, SYMBOLS));

    const out = { sandbox: [] as FanOut[], bare: [] as FanOut[] };
    for (const n of counts) {
      const s = await connect(sandbox.url.replace('http', 'ws'), token, n, codes);
      await settle();
      const fireSandbox = async (r: number) => {
        await requestJson('POST', `${sandbox.url}/__sandbox/market/replay`, { csv: replayCsv(ls, r + 1) });
      };
      out.sandbox.push({ subscribers: n, ...(await measure(s, fireSandbox, rounds, ls.length)) });
      for (const ws of s) ws.terminate();
      const b = await connect(bare.url.replace('http', 'ws'), null, n, codes);
      await settle();
      const fireBare = async () => {
        await fetch(`${bare.url}/burst`, { method: 'POST', body: bareFrames });
      };
      out.bare.push({ subscribers: n, ...(await measure(b, fireBare, rounds, ls.length)) });
      for (const ws of b) ws.terminate();
      await settle();
    }
    return out;
  } finally {
    await Promise.all(servers.map(stop));
  }
}

// `node dist/bench/stream.js`: the stream's figures alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const counts = (process.env.STREAM_SUBSCRIBERS ?? '1,100,1000').split(',').map(Number);
  streamBench(counts, Number(process.env.STREAM_ROUNDS ?? 20))
    .then(({ sandbox, bare }) => {
      console.log('| subscribers (100 symbols each) | sandbox ticks/s | bare ws ticks/s | sandbox / bare | sandbox p99 ms | bare p99 ms |');
      console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
      sandbox.forEach((s, i) => {
        const b = bare[i]!;
        console.log(
          `| ${s.subscribers} | ${Math.round(s.ticksPerSecond)} | ${Math.round(b.ticksPerSecond)} | ${Math.round((s.ticksPerSecond / b.ticksPerSecond) * 100)}% | ${s.p99Ms.toFixed(1)} | ${b.p99Ms.toFixed(1)} |`,
        );
      });
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
