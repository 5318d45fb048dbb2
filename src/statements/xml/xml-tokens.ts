/**
 * A streaming XML tokenizer for statement intake: decoded text goes in chunk by chunk, element
 * starts, text and element ends come out, with the line and column of every start tag, in memory
 * bounded by the largest single token (a tag, a text run), never by the document. It checks
 * well-formedness as it goes (matching tags, one root, quoted and unique attributes, nothing but
 * blanks outside the root) and refuses a DOCTYPE, so no entity can be declared: only the five XML
 * entities, character references and a short list of common HTML names are decoded, the same
 * set as the in-memory parser used before (fast-xml-parser with htmlEntities). Unknown entities
 * are kept as written.
 */

export interface XmlHandler {
  /** An element starts; `line` and `column` (1-based) are those of its `<`. */
  open(name: string, attributes: ReadonlyMap<string, string>, line: number, column: number): void;
  /** Character data inside the current element (entities decoded; CDATA as written). */
  text(text: string): void;
  close(name: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** `doctype` for a refused DOCTYPE, `invalid` for anything not well-formed. */
    readonly kind: 'doctype' | 'invalid',
  ) {
    super(message);
  }
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'",
  nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026',
  laquo: '\u00ab', raquo: '\u00bb', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022',
  para: '\u00b6', sect: '\u00a7', deg: '\u00b0', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  cent: '\u00a2', pound: '\u00a3', curren: '\u00a4', yen: '\u00a5', euro: '\u20ac', inr: '\u20b9', rub: '\u20bd', won: '\u20a9',
};

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/g;

/** Decodes the entities of a text or attribute value. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

const NAME = /^[\p{L}_:][\p{L}\p{N}_:.\-\u00B7]*/u;
const ATTRIBUTE = /\s+([\p{L}_:][\p{L}\p{N}_:.\-\u00B7]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/uy;
const TAG_END = /\s*(\/?)$/y;
const NO_ATTRIBUTES = new Map<string, string>();

/** The streaming tokenizer: `push` decoded chunks, then `end`. Throws XmlSyntaxError. */
export class XmlTokenizer {
  #buf = '';
  #line = 1;
  /** Offset in #buf of the current line's first character (may be negative after a trim). */
  #lineStart = 0;
  readonly #stack: string[] = [];
  #rootSeen = false;

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    this.#buf += chunk;
    this.#run(false);
  }

  end(): void {
    this.#run(true);
    if (this.#buf.trim() !== '') this.#fail('the document ends inside a tag, comment or CDATA section', 0);
    const open = this.#stack[this.#stack.length - 1];
    if (open !== undefined) this.#fail(`the document ends before </${open}>`, this.#buf.length);
    if (!this.#rootSeen) this.#fail('the document has no root element', this.#buf.length);
  }

  /** Line and column of offset `at` of the buffer. */
  #where(at: number): [number, number] {
    let line = this.#line;
    let start = this.#lineStart;
    for (let i = this.#buf.indexOf('\n', Math.max(0, start)); i !== -1 && i < at; i = this.#buf.indexOf('\n', i + 1)) {
      line++;
      start = i + 1;
    }
    return [line, at - start + 1];
  }

  #fail(message: string, at: number, kind: 'doctype' | 'invalid' = 'invalid'): never {
    const [line, column] = this.#where(at);
    throw new XmlSyntaxError(message, line, column, kind);
  }

  /** Drops the consumed part of the buffer, keeping the line count. */
  #consume(to: number): void {
    for (let i = this.#buf.indexOf('\n', Math.max(0, this.#lineStart)); i !== -1 && i < to; i = this.#buf.indexOf('\n', i + 1)) {
      this.#line++;
      this.#lineStart = i + 1;
    }
    this.#buf = this.#buf.slice(to);
    this.#lineStart -= to;
  }

  #run(final: boolean): void {
    for (;;) {
      const buf = this.#buf;
      if (buf.length === 0) return;
      if (buf.charCodeAt(0) !== 60 /* < */) {
        const lt = buf.indexOf('<');
        if (lt === -1 && !final) return; // the text may go on in the next chunk
        const to = lt === -1 ? buf.length : lt;
        this.#text(buf.slice(0, to), 0);
        this.#consume(to);
        continue;
      }
      const used = this.#markup(buf, final);
      if (used === 0) return; // incomplete: wait for more
      this.#consume(used);
    }
  }

  #text(raw: string, at: number): void {
    if (this.#stack.length > 0) this.handler.text(decodeEntities(raw));
    else if (raw.trim() !== '') this.#fail('text outside the root element', at + raw.search(/\S/));
  }

  /** Handles the markup at the start of `buf`; returns the characters used, 0 when incomplete. */
  #markup(buf: string, final: boolean): number {
    const upTo = (close: string, from: number): number => {
      const i = buf.indexOf(close, from);
      return i === -1 ? 0 : i + close.length;
    };
    if (buf.length < 2) return final ? this.#fail('a tag is not closed with >', 0) : 0;
    const second = buf.charCodeAt(1);
    if (second === 63 /* ? */) return upTo('?>', 2);
    if (second === 33 /* ! */) return this.#declaration(buf, final, upTo);
    const end = tagEnd(buf);
    if (end === -1) return final ? this.#fail('a tag is not closed with >', 0) : 0;
    const body = buf.slice(1, end);
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      const open = this.#stack.pop();
      if (open === undefined) this.#fail(`</${name}> closes no element`, 0);
      if (open !== name) this.#fail(`</${name}> does not close <${open}>`, 0);
      this.handler.close(name);
      return end + 1;
    }
    const m = NAME.exec(body);
    if (m === null) this.#fail('an element name is expected after <', 1);
    const name = m[0];
    // `<name>`: no attribute to read, one shared empty map (the loop below cannot match).
    const attributes: Map<string, string> = body.length === name.length ? NO_ATTRIBUTES : new Map<string, string>();
    let pos = name.length;
    for (;;) {
      ATTRIBUTE.lastIndex = pos;
      const a = ATTRIBUTE.exec(body);
      if (a === null) break;
      const key = a[1] as string;
      if (attributes.has(key)) this.#fail(`attribute ${key} is repeated`, 1 + pos);
      attributes.set(key, decodeEntities(a[2] ?? a[3] ?? ''));
      pos = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = pos;
    const tail = TAG_END.exec(body);
    if (tail === null) this.#fail(`malformed attributes in <${name}>`, 1 + pos);
    if (this.#stack.length === 0 && this.#rootSeen) this.#fail('a second root element', 0);
    this.#rootSeen = true;
    const [line, column] = this.#where(0);
    this.handler.open(name, attributes, line, column);
    if (tail[1] === '/') this.handler.close(name);
    else this.#stack.push(name);
    return end + 1;
  }
  /** `<!...`: a comment, a CDATA section, or a refused DOCTYPE; 0 when incomplete. */
  #declaration(buf: string, final: boolean, upTo: (close: string, from: number) => number): number {
    if (buf.startsWith('<!--')) return upTo('-->', 4);
    if (buf.startsWith('<![CDATA[')) {
      const end = upTo(']]>', 9);
      if (end === 0) return 0;
      if (this.#stack.length === 0) this.#fail('CDATA outside the root element', 0);
      this.handler.text(buf.slice(9, end - 3));
      return end;
    }
    if (buf.length < 9 && !final) return 0;
    if (buf.slice(0, 9).toUpperCase() === '<!DOCTYPE') this.#fail('a DOCTYPE is not accepted', 0, 'doctype');
    return this.#fail('unexpected markup declaration', 0);
  }
}

/** Index of the `>` that ends the tag starting at 0, outside quoted values; -1 if not yet read. */
function tagEnd(buf: string): number {
  let quote = 0;
  for (let i = 1; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}
