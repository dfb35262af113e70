/**
 * Where each element sits in the text, in document order. Signing inserts the `Signature` into the
 * original text at its parent's end tag instead of re-serializing a DOM, so every byte the caller
 * wrote (prefixes such as edXML's, whitespace, attribute quoting) stays as it was.
 *
 * Only call this on text {@link prescanXml} accepted (no DTD, well-formed tags).
 *
 * @module
 */

/** One element's offsets (UTF-16 code units in the decoded text). */
export interface ElementSpan {
  /** `<` of the start tag. */
  start: number;
  /** After the `>` of the start tag. */
  openEnd: number;
  /** `<` of the end tag (equal to `openEnd - 2` for `<a/>`). */
  close: number;
  /** The start tag ends with `/>`. */
  selfClosing: boolean;
}

/** The spans of every element, in document order (the order of a depth-first DOM walk). */
export function elementSpans(s: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  const open: ElementSpan[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    if (s.startsWith('<!--', lt)) {
      i = s.indexOf('-->', lt + 4) + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      i = s.indexOf(']]>', lt + 9) + 3;
      continue;
    }
    if (s.startsWith('<?', lt)) {
      i = s.indexOf('?>', lt + 2) + 2;
      continue;
    }
    if (s.startsWith('</', lt)) {
      const span = open.pop();
      if (span) span.close = lt;
      i = s.indexOf('>', lt + 2) + 1;
      continue;
    }
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const ch = s.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e) break;
    }
    const selfClosing = s.charCodeAt(j - 1) === 0x2f;
    const span: ElementSpan = { start: lt, openEnd: j + 1, close: selfClosing ? j - 1 : -1, selfClosing };
    out.push(span);
    if (!selfClosing) open.push(span);
    i = j + 1;
  }
  return out;
}
