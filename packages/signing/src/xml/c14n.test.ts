/**
 * Canonicalization details that the xmlsec1 cross-checks do not reach: comments and processing
 * instructions around the document element, the XML declaration, inherited xml:* attributes,
 * xmlns="" resets, and exclusive c14n's InclusiveNamespaces.
 */
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { c14nMethod, canonicalize } from './c14n.ts';
import { parseXml } from './parse.ts';

function doc(xml: string): { doc: never; root: Element } {
  const r = parseXml(new TextEncoder().encode(xml));
  if (!r.ok) throw new Error(r.detail);
  return { doc: r.doc as never, root: r.root };
}

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

describe('canonicalize', () => {
  it('drops the XML declaration and keeps comments / PIs around the document element only WithComments', () => {
    const d = doc('<?xml version="1.0"?>\n<?pi a?>\n<!--c1-->\n<e a="1"   b=\'2\'><!--in--><f/></e>\n<!--c2-->\n');
    const m = c14nMethod(C14N);
    const mc = c14nMethod(`${C14N}#WithComments`);
    if (!m || !mc) throw new Error('method');
    expect(canonicalize({ apex: d.doc }, m)).toBe('<?pi a?>\n<e a="1" b="2"><f></f></e>');
    expect(canonicalize({ apex: d.doc }, mc)).toBe(
      '<?pi a?>\n<!--c1-->\n<e a="1" b="2"><!--in--><f></f></e>\n<!--c2-->',
    );
  });

  it('escapes text and attributes as C14N requires', () => {
    const d = doc('<e a="&lt;&amp;&quot;&#9;&#10;&#13;>">&lt;&amp;&gt;&#13;"\'</e>');
    expect(canonicalize({ apex: d.root }, { kind: 'c14n10', comments: false })).toBe(
      '<e a="&lt;&amp;&quot;&#x9;&#xA;&#xD;>">&lt;&amp;&gt;&#xD;"\'</e>',
    );
  });

  it('inclusive: a subtree inherits namespaces and xml:* attributes; xmlns="" resets a default', () => {
    const d = doc('<r xmlns="urn:r" xmlns:p="urn:p" xml:lang="vi"><s><t xmlns=""><p:u/></t></s></r>');
    const s = d.root.firstChild as Element;
    expect(canonicalize({ apex: s }, { kind: 'c14n10', comments: false })).toBe(
      '<s xmlns="urn:r" xmlns:p="urn:p" xml:lang="vi"><t xmlns=""><p:u></p:u></t></s>',
    );
    expect(canonicalize({ apex: s }, { kind: 'exc', comments: false })).toBe(
      '<s xmlns="urn:r"><t xmlns=""><p:u xmlns:p="urn:p"></p:u></t></s>',
    );
    expect(canonicalize({ apex: s }, { kind: 'exc', comments: false, inclusivePrefixes: ['p'] })).toBe(
      '<s xmlns="urn:r" xmlns:p="urn:p"><t xmlns=""><p:u></p:u></t></s>',
    );
  });

  it('sorts namespace declarations before attributes, attributes by namespace URI then local name', () => {
    const d = doc('<e xmlns:b="urn:b" xmlns:a="urn:z" b:x="1" a:y="2" z="3" xmlns="urn:d"/>');
    expect(canonicalize({ apex: d.root }, { kind: 'c14n10', comments: false })).toBe(
      '<e xmlns="urn:d" xmlns:a="urn:z" xmlns:b="urn:b" z="3" b:x="1" a:y="2"></e>',
    );
  });

  it('leaves excluded subtrees out (the enveloped-signature transform)', () => {
    const d = doc('<e><Signature>x</Signature><f/></e>');
    const sig = d.root.firstChild as Element;
    expect(canonicalize({ apex: d.doc, exclude: new Set([sig as never]) }, { kind: 'exc', comments: false })).toBe(
      '<e><f></f></e>',
    );
  });
});
