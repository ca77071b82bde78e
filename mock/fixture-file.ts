import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { FixtureAccount, type FixtureAccountData, FixtureSet, type FixtureSetData } from '../spec/schemas/fixtures.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const ACCOUNTS_KEY = Buffer.from('accounts');
/** The set's own maximum of accounts (FixtureSet's `accounts` array). */
const MAX_ACCOUNTS = 200_000;

/**
 * Reads and validates a fixture file; throws with the file name and the first problems.
 *
 * A set of 100,000 accounts is a 170 MB file: read whole, its text, its parsed tree and the
 * validated copy would all be alive at once, and the process would keep that peak (V8 returns
 * little of it). So the file is read in chunks and its top-level `accounts` array parsed and
 * validated one account at a time; the rest of the set (with `accounts: []`) is validated as a
 * whole. The result is what `FixtureSet.parse(JSON.parse(text))` gives; anything this reader
 * does not follow (a repeated `accounts` key, an element that is not an object, a problem
 * anywhere) is read again the plain way, so that errors read exactly as they always did.
 */
export function readFixtureFile(path: string): FixtureSetData {
  let streamed: FixtureSetData | null = null;
  try {
    streamed = readStreamed(path);
  } catch {
    // Read again the plain way below, for its error.
  }
  return streamed ?? readWhole(path);
}

function readWhole(path: string): FixtureSetData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read fixture file ${path}: ${(error as Error).message}`);
  }
  const parsed = FixtureSet.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Fixture file ${path} is not a fixture set: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The set read account by account, or null (or a throw) when the file needs the plain reading (exported for its test). */
export function readStreamed(path: string): FixtureSetData | null {
  const rest: Buffer[] = [];
  const accounts: FixtureAccountData[] = [];
  let element: Buffer[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  // At depth 1: the last string (a key when a colon follows), and whether that colon came.
  let key: number[] | null = null;
  let keyDone = false;
  let afterColon = false;
  let sawAccounts = false;
  // 'outside': the bytes go to `rest`; 'between': inside the accounts array between elements; 'element': inside one.
  let mode: 'outside' | 'between' | 'element' = 'outside';
  let expectElement = true;
  let emptyAllowed = true;

  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const length = readSync(fd, chunk, 0, chunk.length, null);
      if (length === 0) break;
      let from = 0;
      for (let i = 0; i < length; i++) {
        const b = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) {
            inString = false;
            if (key) keyDone = true;
          } else if (key && key.length <= ACCOUNTS_KEY.length) key.push(b);
          continue;
        }
        if (mode === 'element') {
          if (b === QUOTE) inString = true;
          else if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
          else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
            depth--;
            if (depth === 2) {
              element.push(chunk.subarray(from, i + 1));
              const account = FixtureAccount.safeParse(JSON.parse(Buffer.concat(element).toString('utf8')));
              if (!account.success) return null;
              accounts.push(account.data);
              element = [];
              from = i + 1;
              mode = 'between';
            }
          }
          continue;
        }
        if (mode === 'between') {
          if (isSpace(b)) continue;
          if (b === OPEN_OBJECT && expectElement) {
            mode = 'element';
            depth++;
            from = i;
            expectElement = false;
            emptyAllowed = false;
          } else if (b === COMMA && !expectElement) expectElement = true;
          else if (b === CLOSE_ARRAY && (!expectElement || emptyAllowed)) {
            depth--;
            mode = 'outside';
            from = i;
          } else return null;
          continue;
        }
        // Outside the accounts array: kept for the plain parse of the rest.
        if (b === QUOTE) {
          inString = true;
          if (depth === 1) {
            key = [];
            keyDone = false;
            afterColon = false;
          }
        } else if (b === COLON && depth === 1 && keyDone) afterColon = true;
        else if (b === OPEN_ARRAY && depth === 1 && afterColon && key !== null && Buffer.from(key).equals(ACCOUNTS_KEY)) {
          if (sawAccounts) return null;
          sawAccounts = true;
          depth++;
          rest.push(Buffer.from(chunk.subarray(from, i + 1)));
          mode = 'between';
          expectElement = true;
          emptyAllowed = true;
        } else if (!isSpace(b)) {
          if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
          else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--;
          key = null;
          keyDone = false;
          afterColon = false;
        }
      }
      if (mode === 'element') element.push(Buffer.from(chunk.subarray(from, length)));
      else if (mode === 'outside') rest.push(Buffer.from(chunk.subarray(from, length)));
    }
  } finally {
    closeSync(fd);
  }
  if (mode !== 'outside' || inString || accounts.length > MAX_ACCOUNTS) return null;
  const set = FixtureSet.safeParse(JSON.parse(Buffer.concat(rest).toString('utf8')));
  if (!set.success) return null;
  if (sawAccounts) set.data.accounts = accounts;
  return set.data;
}
