/**
 * Seeded mutations of CWR files, shared by the mutation fuzz test (test/unit/fuzz) and the
 * campaign runner (bench/fuzz.mjs). Files are handled as latin1 text, so every byte survives and
 * a mutation may produce any byte sequence (invalid UTF-8, NUL bytes, lone CR...).
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same campaign. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

const GARBAGE_LINES = ['', ' ', 'XYZ', 'HDR', 'GRH', 'TRL', 'NWR00000000000000', 'MSG', 'ACK', '\u0000\u0001\u0002', 'ÿþ', '\u001a', 'SPU0000000X0000001'];

function splitLines(text) {
  // Keep each line's ending so that CR LF, LF and lone CR files stay what they were.
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

function body(line) {
  return line.replace(/(\r\n|\n|\r)$/, '');
}

function ending(line) {
  const m = /(\r\n|\n|\r)$/.exec(line);
  return m ? m[1] : '';
}

function randomText(r, n, printable) {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(printable ? 32 + r.int(95) : r.int(256));
  return s;
}

/** The mutations, each `(text, r) => [text, description]`. */
export const MUTATIONS = {
  flipBytes(text, r) {
    if (text.length === 0) return [text, 'flip (empty)'];
    const chars = [...text];
    const n = 1 + r.int(5);
    const at = [];
    for (let i = 0; i < n; i++) {
      const p = r.int(chars.length);
      chars[p] = String.fromCharCode(r.int(256));
      at.push(p);
    }
    return [chars.join(''), `flip bytes at ${at.join(',')}`];
  },
  cutLine(text, r) {
    const lines = splitLines(text);
    if (lines.length === 0) return [text, 'cut (empty)'];
    const i = r.int(lines.length);
    const b = body(lines[i]);
    const keep = r.int(b.length + 1);
    lines[i] = b.slice(0, keep) + ending(lines[i]);
    return [lines.join(''), `cut line ${i + 1} to ${keep}`];
  },
  duplicateLine(text, r) {
    const lines = splitLines(text);
    if (lines.length === 0) return [text, 'duplicate (empty)'];
    const i = r.int(lines.length);
    const copy = ending(lines[i]) ? lines[i] : lines[i] + '\r\n';
    lines.splice(r.int(lines.length + 1), 0, copy);
    return [lines.join(''), `duplicate line ${i + 1}`];
  },
  swapLines(text, r) {
    const lines = splitLines(text);
    if (lines.length < 2) return [text, 'swap (short)'];
    const i = r.int(lines.length);
    const j = r.int(lines.length);
    const a = body(lines[i]) + ending(lines[j]);
    const b = body(lines[j]) + ending(lines[i]);
    lines[i] = b;
    lines[j] = a;
    return [lines.join(''), `swap lines ${i + 1} and ${j + 1}`];
  },
  deleteLine(text, r) {
    const lines = splitLines(text);
    if (lines.length === 0) return [text, 'delete (empty)'];
    const i = r.int(lines.length);
    lines.splice(i, 1);
    return [lines.join(''), `delete line ${i + 1}`];
  },
  nonNumeric(text, r) {
    const digits = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits.push(i);
    if (digits.length === 0) return [text, 'non-numeric (no digits)'];
    const p = r.pick(digits);
    const n = 1 + r.int(4);
    const chars = [...text];
    for (let k = 0; k < n && p + k < chars.length; k++) if (/[0-9]/.test(chars[p + k])) chars[p + k] = r.pick(['X', ' ', '-', 'O', 'Қ']);
    return [chars.join(''), `digits made non-numeric at ${p}`];
  },
  garbageLine(text, r) {
    const lines = splitLines(text);
    const g = r.next() < 0.5 ? r.pick(GARBAGE_LINES) : randomText(r, r.int(300), r.next() < 0.7);
    lines.splice(r.int(lines.length + 1), 0, g + '\r\n');
    return [lines.join(''), `garbage line (${g.length} chars)`];
  },
  truncate(text, r) {
    const at = r.int(text.length + 1);
    return [text.slice(0, at), `truncate at byte ${at}`];
  },
  lineEndings(text, r) {
    const to = r.pick(['\n', '\r', '']);
    return [text.replace(/\r\n/g, to), `line endings to ${JSON.stringify(to)}`];
  },
};

const NAMES = Object.keys(MUTATIONS);

/** Applies 1 to 3 random mutations to a file's bytes; returns the bytes and what was done. */
export function mutate(bytes, r) {
  let text = Buffer.from(bytes).toString('latin1');
  const done = [];
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const name = r.pick(NAMES);
    const [next, what] = MUTATIONS[name](text, r);
    text = next;
    done.push(what);
  }
  return { bytes: Buffer.from(text, 'latin1'), what: done.join('; ') };
}
