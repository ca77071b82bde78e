import { createRoute } from '@hono/zod-openapi';
import { IndexValueRequest, IndexValueResponse, ReplayRequest, ReplayResponse, StreamStatsResponse, WalkRequest, WalkResponse } from '../schemas/market-data-control.js';
import { BODY_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import { STREAM_RULES, WALK_RULES } from '../schemas/market-data-rules.js';
import { ERRORS } from '../errors.js';

const tags = ['Sandbox'];
const security: Array<Record<string, string[]>> = [{}, { sandboxToken: [] }];

export const sandboxMarketWalk = createRoute({
  operationId: 'sandboxMarketWalk',
  method: 'post',
  path: '/__sandbox/market/walk',
  tags,
  security,
  summary: 'Start or stop the seeded random walk of prices',
  description: `Every intervalMs (real time) each chosen listing trades once at a price at most ${WALK_RULES.maxStepShare * 100}% (and at least one tick) away, drawn from the seed's market-walk stream (same seed, same steps), kept inside the band: open orders fill and the stream sends ticks as for any trade. Steps happen only while the sandbox clock says the market is open (09:15-15:30 IST, Monday to Friday); freeze or set the clock to a session time to walk. A reset stops the walk. With several replicas, run the walk on one of them.`,
  request: { body: jsonBody(WalkRequest) },
  responses: { ...okJson(WalkResponse, 'Walk started'), ...failures(...BODY_ERRORS, 'MARKET_SYMBOL_NOT_FOUND', 'CONTROL_FORBIDDEN') },
});

export const sandboxMarketReplay = createRoute({
  operationId: 'sandboxMarketReplay',
  method: 'post',
  path: '/__sandbox/market/replay',
  tags,
  security,
  summary: 'Replay a CSV of ticks',
  description: `Each line trades its instrument (or moves its index) at its price, in order, as PUT /__sandbox/market/prices does: open orders fill, candles and the stream follow. Every line is checked first (symbol known, price positive): a bad line refuses the whole replay with its line number and nothing is applied. A price outside the band stops the replay at that line (the lines before it stay applied). With intervalMs the lines after the first follow on a timer; a reset stops them.`,
  request: { body: jsonBody(ReplayRequest) },
  responses: { ...okJson(ReplayResponse, 'Replayed'), ...failures(...BODY_ERRORS, 'MARKET_SYMBOL_NOT_FOUND', 'MARKET_PRICE_OUT_OF_BAND', 'CONTROL_FORBIDDEN') },
});

export const sandboxSetIndexValue = createRoute({
  operationId: 'sandboxSetIndexValue',
  method: 'put',
  path: '/__sandbox/market/indices',
  tags,
  security,
  summary: "Set an index's value",
  description: 'Moves an index (NIFTY 50, SENSEX, ...): indexQuote, index candles, option Greeks (the spot) and the stream follow. Within previous close ± the band.',
  request: { body: jsonBody(IndexValueRequest) },
  responses: { ...okJson(IndexValueResponse, 'Index value set'), ...failures(...BODY_ERRORS, 'MARKET_SYMBOL_NOT_FOUND', 'MARKET_PRICE_OUT_OF_BAND', 'CONTROL_FORBIDDEN') },
});

export const sandboxStream = createRoute({
  operationId: 'sandboxStream',
  method: 'get',
  path: '/__sandbox/stream',
  tags,
  security,
  summary: "The live stream's figures, and its contract",
  description: `The stream is served as Samco serves wss://stream.samco.in: a WebSocket upgrade at the root path "/" of the sandbox's own origin (ws://127.0.0.1:4010), so a client changes only the host. The upgrade must carry x-session-token; without a live session it is refused with HTTP 401 and the REST 401 JSON body (${ERRORS.SESSION_REQUIRED.message} / ${ERRORS.SESSION_INVALID.message} / ...), never a close frame (Samco documents neither). The client sends {"request":{"streaming_type":"quote"|"quote2","data":{"symbols":[{"symbol":"3045_NSE"}]},"request_type":"subscribe"|"unsubscribe","response_format":"json"}} followed by "\\n" in the same or a later message: text is buffered per connection and acted on at each newline, so a frame without its newline does nothing (as documented); key order and spacing do not matter; request_type and response_format in any case; "marketdata" and "marketDepth" are taken as quote2. Symbols are ScripMaster symbolCodes (3045_NSE, 438612_MFO) and bare negative index ids (-21); unknown symbols are ignored; a connection holds at most ${STREAM_RULES.maxSymbols} symbols (more are ignored); a repeated subscribe is harmless. On subscribe the current state is sent once per symbol, then a tick on every price change of that symbol: {"response":{"data":{...},"streaming_type":"quote"}} (sym, ltp, ltq, o, h, l, c = previous close, ch, chPer, avgPr, vol, ttv, tBQ, tSQ, bPr, bSz, aPr, aSz, oI, oIChg, yH, yL, lTrdT, ltt, lttUTC) or "quote2" (symbol, bidValues, askValues, tbq, taq, delta, gamma, theta, vega, iv, ltt, lttUTC), one JSON object per message, the wrapped form being the only one the Java SDK dispatches. The server pings every ${STREAM_RULES.pingIntervalMs / 1000} s and ends a connection that did not answer the previous ping; it sends no heartbeat message. When the session ends (08:00 IST expiry, logout, revocation, regenerated secret) the socket is closed with ${STREAM_RULES.sessionEndedCode} and the REST 401 text as reason (checked every ${STREAM_RULES.sessionCheckMs / 1000} s). A consumer whose unsent data exceeds ${STREAM_RULES.maxBufferedBytes} bytes is sent, once it drains, only the newest tick of each of its symbols (the ones in between are dropped: each tick carries the symbol's whole state, so the last one it gets is always current); the market and other consumers never wait for it. Frames over ${STREAM_RULES.maxFrameBytes} bytes close the connection (1009).`,
  responses: { ...okJson(StreamStatsResponse, 'Stream'), ...failures('CONTROL_FORBIDDEN') },
});
