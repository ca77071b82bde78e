import { StreamRequest } from '../../spec/schemas/market-data-stream.js';

export type StreamingType = 'quote' | 'quote2';
export type StreamCommand = { type: StreamingType; action: 'subscribe' | 'unsubscribe'; symbols: string[] };

/** quote2's other names: the depth page's parameter table says "marketdata"; third-party clients say "marketDepth". */
const TYPES: Record<string, StreamingType> = { quote: 'quote', quote2: 'quote2', marketdata: 'quote2', marketdepth: 'quote2' };

/**
 * Reads one newline-terminated line a client sent: Samco's subscribe/unsubscribe frame, in any key
 * order or spacing, request_type in any case. Anything else is null (ignored, as Samco sends no
 * error frame).
 */
export function parseCommand(line: string): StreamCommand | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = StreamRequest.safeParse(json);
  if (!parsed.success) return null;
  const { streaming_type, request_type, data } = parsed.data.request;
  const type = TYPES[streaming_type.trim().toLowerCase()];
  const action = request_type.trim().toLowerCase();
  if (!type || (action !== 'subscribe' && action !== 'unsubscribe')) return null;
  return { type, action, symbols: data.symbols.map((s) => s.symbol.trim()) };
}

/**
 * A connection's text so far: complete lines come out, the rest waits for its newline (a frame
 * without "\n" does nothing, as documented). Returns null when the unfinished text exceeds `max`.
 */
export class LineBuffer {
  private pending = '';
  constructor(private readonly max: number) {}

  push(text: string): string[] | null {
    this.pending += text;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    if (this.pending.length > this.max) return null;
    return lines.filter((l) => l.trim() !== '');
  }
}
