// A separate process for the durability tests (run on the build): `hold` opens a store and keeps it open,
// `loop` commits one batch after another and prints each acknowledged version, until it is killed.
import { PostgresDurability } from '../../dist/mock/store/postgres-durability.js';
import { SqliteDurability } from '../../dist/mock/store/sqlite-durability.js';

const [kind, where, mode] = process.argv.slice(2);
const store = kind === 'postgres' ? new PostgresDurability(where) : new SqliteDurability(where);
let loaded;
try {
  loaded = await store.open();
} catch (error) {
  process.stdout.write(`${JSON.stringify({ refused: error.name, message: error.message })}\n`);
  process.exit(3);
}
process.stdout.write(`${JSON.stringify({ opened: loaded.version })}\n`);
if (mode === 'hold') {
  process.stdin.resume();
  process.stdin.on('end', () => store.close().then(() => process.exit(0)));
} else {
  let version = loaded.version;
  for (;;) {
    await store.begin(version);
    const next = version + 1;
    version = await store.commit({ changes: [{ table: 'acks', key: `v${next}`, row: { version: next, pad: 'x'.repeat(200) } }], meta: { last: next } });
    process.stdout.write(`ack ${version}\n`);
  }
}
