import { describe, expect, it } from 'vitest';
import { AdapterError } from '../errors.ts';
import { childElement, childElements, decodeXmlText, parseXml, textContent } from './tree.ts';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof AdapterError ? e.code : 'OTHER';
  }
  return undefined;
};

describe('safe XML reading', () => {
  it('refuses DOCTYPE and ENTITY declarations before parsing (billion laughs, XXE)', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(code(() => parseXml(laughs))).toBe('XML_DOCTYPE_FORBIDDEN');
    const xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    expect(code(() => parseXml(xxe))).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(code(() => parseXml('<x/><!doctype y>'))).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('decodes only predefined entities and character references; other references stay as written', () => {
    const root = parseXml('<a t="1 &lt; 2 &amp;&amp; x">Nguy&#7877;n &#x110;&#xE0;o &amp; &unknown; &#0;</a>');
    expect(textContent(root)).toBe('Nguyễn Đào & &unknown; &#0;');
    expect(root.attributes.t).toBe('1 < 2 && x');
    expect(decodeXmlText('&quot;&apos;&gt;')).toBe(`"'>`);
  });

  it('resolves namespaces: match by URI, not by prefix', () => {
    const root = parseXml(
      '<edXML xmlns="urn:q"><x:Env xmlns:x="urn:q"><y:Head xmlns:y="urn:q"/><Head xmlns="urn:other"/></x:Env></edXML>',
    );
    expect(root.ns).toBe('urn:q');
    const env = childElement(root, 'urn:q', 'Env');
    expect(env?.name).toBe('x:Env');
    expect(childElements(env!, 'urn:q', 'Head').map((e) => e.name)).toEqual(['y:Head']);
    expect(childElements(env!, 'urn:other', 'Head')).toHaveLength(1);
    expect(childElements(env!, '*', 'Head')).toHaveLength(2);
  });

  it('CDATA is text, comments are dropped', () => {
    expect(textContent(parseXml('<a><!-- no --><![CDATA[<b>&amp;</b>]]></a>'))).toBe('<b>&amp;</b>');
  });

  it('malformed documents, unbound prefixes and limits', () => {
    expect(code(() => parseXml('<a><b></a>'))).toBe('XML_MALFORMED');
    expect(code(() => parseXml('<p:a/>'))).toBe('XML_MALFORMED');
    expect(code(() => parseXml('<a/><b/>'))).toBe('XML_MALFORMED');
    expect(code(() => parseXml('<a>x</a>', { maxLength: 3 }))).toBe('XML_LIMIT');
    expect(code(() => parseXml(`${'<a>'.repeat(10)}${'</a>'.repeat(10)}`, { maxDepth: 5 }))).toBe('XML_LIMIT');
  });
});
