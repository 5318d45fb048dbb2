import { describe, expect, it } from 'vitest';
import { decodeEntities, XmlSyntaxError, XmlTokenizer, type XmlHandler } from '../../../src/statements/xml/xml-tokens.js';

/** The events of a document fed in chunks of `size` characters. */
function events(doc: string, size = doc.length || 1): string[] {
  const out: string[] = [];
  const h: XmlHandler = {
    open: (name, attrs, line, column) => out.push(`<${name}${[...attrs].map(([k, v]) => ` ${k}=${v}`).join('')} @${line}:${column}`),
    text: (t) => {
      if (t.trim() !== '') out.push(`"${t.trim()}"`);
    },
    close: (name) => out.push(`</${name}`),
  };
  const t = new XmlTokenizer(h);
  for (let i = 0; i < doc.length; i += size) t.push(doc.slice(i, i + size));
  t.end();
  return out;
}

function failure(doc: string, size?: number): [string, number, number] {
  try {
    events(doc, size);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return [e.kind, e.line, e.column];
    throw e;
  }
  throw new Error('no error');
}

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a statement -->
<statement currency="EUR" note='a > b'>
  <line ref="X1"><title>Дала &amp; әуені &#x41;&#66;&nbsp;&unknown;</title><w>A</w><w>B</w><empty/></line>
  <line><title><![CDATA[<raw> & text]]></title></line>
</statement>
`;

describe('XmlTokenizer', () => {
  it('reads elements, attributes, text, entities, CDATA, comments and declarations, with positions', () => {
    expect(events(DOC)).toEqual([
      '<statement currency=EUR note=a > b @3:1',
      '<line ref=X1 @4:3',
      '<title @4:18',
      '"Дала & әуені AB\u00a0&unknown;"',
      '</title',
      '<w @4:76',
      '"A"',
      '</w',
      '<w @4:84',
      '"B"',
      '</w',
      '<empty @4:92',
      '</empty',
      '</line',
      '<line @5:3',
      '<title @5:9',
      '"<raw> & text"',
      '</title',
      '</line',
      '</statement',
    ]);
  });

  it.each([1, 2, 3, 5, 7, 13, 64])('gives the same events whatever the chunk size (%i)', (size) => {
    expect(events(DOC, size)).toEqual(events(DOC));
  });

  it.each([
    ['<!DOCTYPE x [<!ENTITY a "b">]><x/>', ['doctype', 1, 1]],
    ['<?xml version="1.0"?>\n  <!doctype x><x/>', ['doctype', 2, 3]],
    ['<a>\n<b>1</a>', ['invalid', 2, 5]],
    ['<a></a><b/>', ['invalid', 1, 8]],
    ['<a x="1" x="2"/>', ['invalid', 1, 9]],
    ['<a x=1/>', ['invalid', 1, 3]],
    ['text<a/>', ['invalid', 1, 1]],
    ['<a>', ['invalid', 1, 4]],
    ['<a><b', ['invalid', 1, 4]],
    ['', ['invalid', 1, 1]],
    ['<a/>\n</b>', ['invalid', 2, 1]],
    ['<1a/>', ['invalid', 1, 2]],
  ] as const)('%j is refused at %j', (doc, expected) => {
    expect(failure(doc)).toEqual(expected);
    expect(failure(doc, 1)).toEqual(expected);
  });

  it.each([
    ['&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
    ['&#1178;&#x49B;', 'Ққ'],
    ['&euro;5 &copy;', '€5 ©'],
    ['AT&T &amp &#xD800; &#0;', 'AT&T &amp &#xD800; &#0;'],
  ])('decodes %j', (raw, text) => {
    expect(decodeEntities(raw)).toBe(text);
  });
});

describe('XmlTokenizer on damaged documents', () => {
  it('2,000 random mutations either tokenize or fail with an XmlSyntaxError at a position, in any chunking', () => {
    let seed = 20261128;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = '<>/!?&;"\'=[]- \nabc#x0';
    let refused = 0;
    for (let k = 0; k < 2000; k++) {
      const chars = [...DOC];
      for (let m = 0, n = 1 + rnd(4); m < n; m++) {
        const at = rnd(chars.length);
        const op = rnd(3);
        if (op === 0) chars[at] = alphabet[rnd(alphabet.length)] as string;
        else if (op === 1) chars.splice(at, 1 + rnd(5));
        else chars.splice(at, 0, alphabet[rnd(alphabet.length)] as string);
      }
      const doc = chars.join('');
      const outcome = (size: number): string => {
        try {
          return events(doc, size).join('|');
        } catch (e) {
          if (!(e instanceof XmlSyntaxError)) throw e;
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
          return `error ${e.kind} ${e.line}:${e.column}`;
        }
      };
      const whole = outcome(doc.length || 1);
      if (whole.startsWith('error')) refused++;
      expect(outcome(1 + rnd(40))).toBe(whole);
    }
    expect(refused).toBeGreaterThan(500);
  });
});
