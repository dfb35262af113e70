/**
 * A strict JSON reader for JWS headers and JSON serializations: RFC 8259 syntax, bounded depth, and
 * duplicate member names refused. RFC 7515 §4 lets a recipient either reject duplicate header
 * names or keep the last one; keeping the last one is how `JSON.parse` lets an attacker show one
 * value to a library and another to a human or a second parser, so this SDK rejects (as DSS does).
 *
 * @module
 */

/** Thrown for malformed JSON or a duplicate member name. */
export class StrictJsonError extends Error {
  /** `duplicate`: a member name occurs twice in one object. */
  readonly kind: 'malformed' | 'duplicate' | 'too-deep';
  constructor(kind: 'malformed' | 'duplicate' | 'too-deep', message: string) {
    super(message);
    this.name = 'StrictJsonError';
    this.kind = kind;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/** Parses `text` as one JSON value. */
export function parseStrictJson(text: string, maxDepth = 64): unknown {
  let i = 0;
  const ws = (): void => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const fail = (what: string): never => {
    throw new StrictJsonError('malformed', `${what} at ${i}`);
  };
  const str = (): string => {
    const start = i;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in string');
      i += c === 0x5c ? 2 : 1;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('bad string escape');
    }
  };
  const value = (depth: number): unknown => {
    if (depth > maxDepth) throw new StrictJsonError('too-deep', `nesting deeper than ${maxDepth}`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a member name');
        const k = str();
        if (seen.has(k)) throw new StrictJsonError('duplicate', `duplicate member "${k}"`);
        seen.add(k);
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        const v = value(depth + 1);
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return out;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('unexpected character');
    i = NUMBER.lastIndex;
    return Number(m[0]);
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}
