/**
 * Where a text stops being JSON, as a reader counts: line and column (from 1) and what was
 * expected there. V8's own messages sometimes give no position and sometimes quote the body.
 * Null when the text is JSON, or when it nests too deep to tell.
 */
export type JsonFault = { line: number; column: number; expected: string };

export function locateJsonFault(text: string): JsonFault | null {
  let i = 0;
  const fault = (expected: string): never => {
    throw { at: i, expected };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) fault(`"${word}"`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fault('a closing " of the string');
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < ' ') fault('no raw control character (a line break) inside a string: write \\n');
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fault('four hex digits after \\u');
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fault('a valid escape after \\');
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (ch === undefined || !number || number[0] === '-')
        fault(ch === undefined ? 'a value, but the body ended' : 'a value (a string in double quotes, a number, true, false, null, an object or an array)');
      else i += number[0].length;
    }
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fault('a property name in double quotes');
      string();
      ws();
      if (text[i] !== ':') fault("':' after the property name");
      i++;
      value();
      ws();
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') fault("',' or '}' after a property value");
      i++;
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      ws();
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') fault("',' or ']' after an array element");
      i++;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fault('the end of the body after the JSON value');
    return null;
  } catch (thrown) {
    // Nesting too deep for this recursion: no position to give.
    if (thrown instanceof RangeError) return null;
    const { at, expected } = thrown as { at: number; expected: string };
    const before = text.slice(0, Math.min(at, text.length));
    const line = before.split('\n').length;
    return { line, column: before.length - before.lastIndexOf('\n'), expected };
  }
}
