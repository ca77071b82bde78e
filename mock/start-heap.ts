import { setFlagsFromString } from 'node:v8';

// Nearly everything the sandbox allocates while it starts lives on (schemas, routes, the market),
// so V8 would grow the young generation to its 16 MB cap for it, and those pages stay resident
// while idle (measured: idle RSS ~6 MB lower without). It is held at its 1 MB start while loading (this module is
// the CLI's first import, so it runs before the others), and free to grow again once serving:
// throughput under load is unchanged.
const GROWTH_FACTOR = 2; // V8's default --semi-space-growth-factor
setFlagsFromString('--semi-space-growth-factor=1');

/** Called once listening: the young generation grows with the load again. */
export function startupDone(): void {
  setFlagsFromString(`--semi-space-growth-factor=${GROWTH_FACTOR}`);
}
