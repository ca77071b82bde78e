/** The stream's figures, for the control API: the HTTP app is built before any server (and stream) exists, so it reads them through this. */
export type StreamStats = { connections: number; subscriptions: number; ticksSent: number; ticksDropped: number };

export interface StreamStatsSource {
  stats(): StreamStats;
}

/** Where the running stream (if any) reports; zeros when the sandbox is used in-process without a server. */
export class StreamStatsBoard implements StreamStatsSource {
  private source: StreamStatsSource | null = null;
  attach(source: StreamStatsSource | null) {
    this.source = source;
  }
  stats(): StreamStats {
    return this.source?.stats() ?? { connections: 0, subscriptions: 0, ticksSent: 0, ticksDropped: 0 };
  }
}
