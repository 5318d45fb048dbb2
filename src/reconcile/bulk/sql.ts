/**
 * The SQL of the set-based path. A statement line takes this path only when SQL alone decides it
 * exactly as the reconciler would: identifiers in their plain form (ISWC T+10 digits, work codes
 * of digits and capitals, IPI name numbers of 11 digits, territories of digits), a unique work by
 * the remitting society's work code, or else (the code naming no work) by ISWC, no review decision on its key, and either no
 * party named or a party named by an IPI that is on the work. Every other line is left to the
 * reconciler (src/reconcile/engine.ts), so both paths give the same stored result.
 *
 * Who is paid depends on the work, the right and the territory: such a combination is one integer
 * key, k = work id x 2^18 + right (PR 0, MR 1, SR 2) x 2^16 + territory number (rx_terr), so the
 * working tables are keyed by integers. Temporary tables (this connection, dropped after the run):
 * - rx_terr: the statement's territories, numbered, blank or contained in World (TIS hierarchy);
 * - rx_match: per line with a society work code, the lowest and highest work it names;
 * - rx_line: the lines of this path, with work (m > 0 by society work code, < 0 by ISWC), key,
 *   decision key, named party and amounts;
 * - rx_wt: per key, each party of the work with its collection share and membership;
 *   rx_reg: per key, the members' shares added up, how many positions have a member's share
 *   and, when one does, its party;
 * - rx_amt: per line, the amount after bank charges and in local currency (only when scaling);
 * - rx_amb: ISWCs that more than one work has; rx_dec: keys with a review decision;
 * - rx_find: line findings of both paths; rx_dup: duplicate keys of lines that may repeat;
 * - rx_touch / rx_paid: works and rights that may have claims, and who was paid on them;
 * - rx_keys: keys whose weights are to be worked out; rx_members: the summary's totals per party.
 */

export const TEMP_TABLES = ['rx_terr', 'rx_amb', 'rx_match', 'rx_line', 'rx_keys', 'rx_wt', 'rx_reg', 'rx_amt', 'rx_dec', 'rx_find', 'rx_dup', 'rx_touch', 'rx_paid', 'rx_members'] as const;

export const CREATE_TEMP = `
CREATE TEMP TABLE rx_terr (tid INTEGER PRIMARY KEY, tkey TEXT NOT NULL UNIQUE, blank INTEGER NOT NULL, world INTEGER NOT NULL);
CREATE TEMP TABLE rx_match (line_id INTEGER PRIMARY KEY, s_lo INTEGER, s_hi INTEGER);
CREATE TEMP TABLE rx_line (
  line_id      INTEGER PRIMARY KEY,
  m            INTEGER NOT NULL,
  k            INTEGER NOT NULL,
  decision_key TEXT,
  ipi          TEXT,
  position     INTEGER,
  net          INTEGER NOT NULL,
  local        INTEGER
);
CREATE TEMP TABLE rx_keys (k INTEGER PRIMARY KEY);
CREATE TEMP TABLE rx_wt (k INTEGER NOT NULL, position INTEGER NOT NULL, party_id INTEGER NOT NULL, weight INTEGER NOT NULL, member INTEGER NOT NULL, PRIMARY KEY (k, position)) WITHOUT ROWID;
CREATE TEMP TABLE rx_reg (k INTEGER PRIMARY KEY, reg INTEGER NOT NULL, n INTEGER NOT NULL, party_id INTEGER);
CREATE TEMP TABLE rx_amt (line_id INTEGER PRIMARY KEY, net INTEGER NOT NULL, local INTEGER);
CREATE TEMP TABLE rx_dec (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE rx_amb (iswc TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE rx_find (line_id INTEGER NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL, row_id INTEGER, work_id INTEGER, party_id INTEGER, detail TEXT NOT NULL);
CREATE TEMP TABLE rx_dup (line_id INTEGER PRIMARY KEY, h INTEGER NOT NULL);
CREATE TEMP TABLE rx_touch (work_id INTEGER NOT NULL, right TEXT NOT NULL, first INTEGER, k INTEGER, self INTEGER, PRIMARY KEY (work_id, right)) WITHOUT ROWID;
CREATE TEMP TABLE rx_members (party_id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, local INTEGER, n INTEGER NOT NULL);
CREATE TEMP TABLE rx_paid (work_id INTEGER NOT NULL, right TEXT NOT NULL, party_id INTEGER NOT NULL, PRIMARY KEY (work_id, right, party_id)) WITHOUT ROWID;
`;

/** The statement's lines in the reconciled currency (named parameters :lo, :hi, :stmt, :cur). */
const LINES_OF_STATEMENT = 'sl.id BETWEEN :lo AND :hi AND +sl.statement_id = :stmt AND sl.currency = :cur';

/** A territory's key: '' for a blank one (spaces only); its number is rx_terr.tid. */
const TKEY = (col: string): string => `CASE WHEN trim(coalesce(${col}, '')) = '' THEN '' ELSE ${col} END`;
/** Territories per statement the keys can number. */
export const MAX_TERRITORIES = 65_536;
const RIGHT_INDEX = (col: string): string => `CASE coalesce(${col}, 'PR') WHEN 'PR' THEN 0 WHEN 'MR' THEN 1 ELSE 2 END`;
/** The key of a work, right and territory number. */
const KEY = (work: string, right: string, tid: string): string => `(${work}) * 262144 + (${RIGHT_INDEX(right)}) * 65536 + (${tid})`;
const K_WORK = (k: string): string => `(${k}) / 262144`;
const K_RIGHT = (k: string): string => `((${k}) / 65536) % 4`;
const K_TID = (k: string): string => `(${k}) % 65536`;

export const DISTINCT_TERRITORIES = `SELECT DISTINCT ${TKEY('sl.territory')} FROM statement_lines sl WHERE ${LINES_OF_STATEMENT}`;

const D = '[0-9]';
const ISWC_GLOB = `'T${D.repeat(10)}'`;
const IPI_GLOB = `'${D.repeat(11)}'`;
const CODE_OK = `sl.society_work_code NOT GLOB '*[^0-9A-Z./_-]*'`;
/** The work code key (workNumberKey) of a plain code: without leading zeros; none for zeros. */
const CODE_KEY = `CASE WHEN ltrim(sl.society_work_code, '0') = '' THEN NULL ELSE ltrim(sl.society_work_code, '0') END`;

/** Amounts after bank charges / in local currency of every line, from the statement's running
 * total (in id order) and its images (SQL functions, exact bigint arithmetic). */
export const FILL_AMOUNTS = `
INSERT INTO rx_amt (line_id, net, local)
SELECT id, cwrkit_rx_net(cum) - cwrkit_rx_net(cum - amount), cwrkit_rx_local(cum) - cwrkit_rx_local(cum - amount)
FROM (SELECT sl.id, sl.amount, SUM(sl.amount) OVER (ORDER BY sl.id ROWS UNBOUNDED PRECEDING) AS cum FROM statement_lines sl WHERE ${LINES_OF_STATEMENT})`;

/** Works of each line's society work code (both identifier tables), lowest and highest: a code
 * names one work when they are equal. Parameters :lo :hi :stmt :cur :soc3 :socShort. */
export function matchSql(): string[] {
  const upsert = 'ON CONFLICT (line_id) DO UPDATE SET s_lo = min(s_lo, excluded.s_lo), s_hi = max(s_hi, excluded.s_hi)';
  const coded = `${LINES_OF_STATEMENT} AND ${CODE_OK} AND ${CODE_KEY} IS NOT NULL`;
  return [
    `INSERT INTO rx_match (line_id, s_lo, s_hi) SELECT sl.id, i.work_id, i.work_id FROM statement_lines sl
       JOIN work_identifiers i ON i.kind = 'society' AND i.value IN (${CODE_KEY}, sl.society_work_code) AND i.issuer IN (:soc3, :socShort)
       WHERE ${coded} ${upsert}`,
    `INSERT INTO rx_match (line_id, s_lo, s_hi) SELECT sl.id, r.work_id, r.work_id FROM statement_lines sl
       JOIN registrations r ON r.society = :soc3 AND r.society_work_number IN (${CODE_KEY}, sl.society_work_code)
       WHERE ${coded} ${upsert}`,
  ];
}

export interface EligibleOptions {
  /** Amounts were scaled into rx_amt. */
  readonly scaled: boolean;
  /** work_identifiers holds ISWC rows (older catalogues): a work there counts too. */
  readonly iswcIdentifiers: boolean;
  /** Every party's IPI name number is stored as 11 digits (or none): lines naming a party by
   * IPI can be settled here. */
  readonly plainPartyIpis: boolean;
}

/** Largest amount (minor units) the path takes: amount x share stays inside 64-bit integers. */
const MAX_AMOUNT = 10_000_000_000_000;

/** Lines this path settles, with their work: the one work of the society work code, or (the code
 * naming none) the one work of the ISWC. */
export function eligibleSql(o: EligibleOptions): string {
  const ipiOk = `sl.ipi_name_number GLOB ${IPI_GLOB} AND sl.ipi_name_number <> '00000000000'`;
  const blankName = `(sl.party_name IS NULL OR trim(sl.party_name) = '')`;
  const blankIpi = `(sl.ipi_name_number IS NULL OR trim(sl.ipi_name_number) = '' OR sl.ipi_name_number = '00000000000')`;
  const party = o.plainPartyIpis ? `((${blankIpi} AND ${blankName}) OR (${ipiOk}))` : `(${blankIpi} AND ${blankName})`;
  const bySociety = 'x.s_lo = x.s_hi';
  const m = `CASE WHEN ${bySociety} THEN x.s_lo ELSE -w.id END`;
  // By ISWC when the work code names no work (a code naming several goes to the reconciler, which
  // may still pick one by title and writers): the one work with that ISWC, in either table.
  const onlyWork = `sl.iswc NOT IN (SELECT iswc FROM rx_amb)${
    o.iswcIdentifiers ? ` AND NOT EXISTS (SELECT 1 FROM work_identifiers i2 WHERE i2.kind = 'iswc' AND i2.value = sl.iswc AND i2.work_id <> w.id)` : ''
  }`;
  return `
INSERT INTO rx_line (line_id, m, k, decision_key, ipi, position, net, local)
SELECT sl.id, ${m}, ${KEY(`abs(${m})`, 'sl.right', 't.tid')},
       CASE WHEN ${CODE_KEY} IS NOT NULL THEN ${CODE_KEY} WHEN sl.title IS NULL THEN NULL ELSE cwrkit_rx_title_decision(sl.title) END,
       CASE WHEN ${ipiOk} THEN sl.ipi_name_number END,
       ${o.plainPartyIpis ? `CASE WHEN ${ipiOk} THEN (SELECT min(wp.position) FROM work_parties wp JOIN parties p ON p.id = wp.party_id WHERE wp.work_id = abs(${m}) AND p.ipi_name_number = sl.ipi_name_number) END` : 'NULL'},
       ${o.scaled ? 'a.net, a.local' : 'sl.amount, NULL'}
FROM statement_lines sl
LEFT JOIN rx_match x ON x.line_id = sl.id
LEFT JOIN works w ON x.s_lo IS NULL AND sl.iswc GLOB ${ISWC_GLOB} AND w.iswc = sl.iswc
JOIN rx_terr t ON t.tkey = ${TKEY('sl.territory')}${o.scaled ? ' JOIN rx_amt a ON a.line_id = sl.id' : ''}
WHERE ${LINES_OF_STATEMENT}
  AND (${bySociety} OR (w.id IS NOT NULL AND ${onlyWork}))
  AND (sl.society_work_code IS NULL OR ${CODE_OK})
  AND (sl.iswc IS NULL OR trim(sl.iswc) = '' OR sl.iswc GLOB ${ISWC_GLOB})
  AND ${party}
  AND (sl.territory IS NULL OR sl.territory NOT GLOB '*[^0-9 ]*')
  AND abs(sl.amount) <= ${MAX_AMOUNT}${o.scaled ? ` AND abs(a.net) <= ${MAX_AMOUNT} AND (a.local IS NULL OR abs(a.local) <= ${MAX_AMOUNT})` : ''}`;
}

/** ISWCs of more than one work (the catalogue's ISWC index read in order, once per run). */
export const FILL_AMBIGUOUS = 'INSERT INTO rx_amb (iswc) SELECT iswc FROM works WHERE iswc IS NOT NULL GROUP BY iswc HAVING count(*) > 1';

/** Lines with a review decision on their key go back to the reconciler. */
export const DROP_DECIDED = 'DELETE FROM rx_line WHERE decision_key IN (SELECT key FROM rx_dec)';

/** A line naming a party by an IPI that is not on the work goes back to the reconciler (it tries
 * the name next); the others carry the party's position (the first with that IPI). */
export const DROP_UNNAMED = 'DELETE FROM rx_line WHERE ipi IS NOT NULL AND position IS NULL';

const byRight = (r: string, pr: string, mr: string, sr: string): string => `CASE ${r} WHEN 0 THEN ${pr} WHEN 1 THEN ${mr} ELSE ${sr} END`;
const pad3 = (x: string): string => `CASE WHEN length(${x}) >= 3 THEN ${x} ELSE substr('000' || ${x}, -3) END`;

/**
 * Collection share of a work party for the key's right and territory, as parties.collectionShare
 * reads it: with territory records, an exclusion containing the territory gives 0, else the first
 * inclusion containing it (any inclusion for a blank territory); without them, the ownership
 * share applies worldwide.
 */
const WEIGHT = (() => {
  const r = K_RIGHT('c.k');
  const own = byRight(r, 'wp.pr_share', 'wp.mr_share', 'wp.sr_share');
  const cs = byRight(r, 'cs.pr_share', 'cs.mr_share', 'cs.sr_share');
  const mine = 'cs.work_id = wp.work_id AND cs.position = wp.position';
  return `CASE
    WHEN NOT EXISTS (SELECT 1 FROM collection_shares cs WHERE ${mine}) THEN CASE WHEN t.blank OR t.world THEN coalesce(${own}, 0) ELSE 0 END
    WHEN t.blank THEN coalesce((SELECT coalesce(${cs}, 0) FROM collection_shares cs WHERE ${mine} AND cs.include = 1 ORDER BY cs.n LIMIT 1), 0)
    WHEN EXISTS (SELECT 1 FROM collection_shares cs WHERE ${mine} AND cs.include = 0 AND cwrkit_rx_contains(cs.territory, t.tkey)) THEN 0
    ELSE coalesce((SELECT coalesce(${cs}, 0) FROM collection_shares cs WHERE ${mine} AND cs.include = 1 AND cwrkit_rx_contains(cs.territory, t.tkey) ORDER BY cs.n LIMIT 1), 0)
  END`;
})();

/** Membership of the receiving society (:r3) for the right: the work's own society codes when it
 * has any, else the party's affiliation (the first by society code). */
const MEMBER = (() => {
  const r = K_RIGHT('c.k');
  const soc = byRight(r, 'wp.pr_society', 'wp.mr_society', 'wp.sr_society');
  return `CASE
    WHEN coalesce(wp.pr_society, '') <> '' OR coalesce(wp.mr_society, '') <> '' OR coalesce(wp.sr_society, '') <> ''
      THEN coalesce(${soc}, '') <> '' AND ${pad3(soc)} = :r3
    ELSE coalesce((SELECT ${pad3('min(a.society)')} FROM party_affiliations a WHERE a.party_id = wp.party_id AND a.right = ${byRight(r, "'PR'", "'MR'", "'SR'")}) = :r3, 0)
  END`;
})();

/** Weights and membership of the parties of each key in rx_keys (keys to do: filled by
 * LINE_KEYS or TOUCHED_KEYS; a table, as a DISTINCT subquery here made SQLite several times
 * slower), then the member totals of those keys (none for a work without parties: nobody to pay). */
export const FILL_WEIGHTS = [
  `INSERT OR IGNORE INTO rx_wt (k, position, party_id, weight, member)
   SELECT c.k, wp.position, wp.party_id, ${WEIGHT}, ${MEMBER}
   FROM rx_keys c JOIN rx_terr t ON t.tid = ${K_TID('c.k')} JOIN work_parties wp ON wp.work_id = ${K_WORK('c.k')}`,
  `INSERT OR IGNORE INTO rx_reg (k, reg, n, party_id)
   SELECT c.k, coalesce(sum(CASE WHEN w.member = 1 AND w.weight > 0 THEN w.weight END), 0), count(CASE WHEN w.member = 1 AND w.weight > 0 THEN 1 END),
          max(CASE WHEN w.member = 1 AND w.weight > 0 THEN w.party_id END)
   FROM rx_keys c JOIN rx_wt w ON w.k = c.k GROUP BY c.k`,
  'DELETE FROM rx_keys',
];
export const LINE_KEYS = 'INSERT OR IGNORE INTO rx_keys (k) SELECT k FROM rx_line';

/** Line results of the path (:base + statement line id is the row id; :rec the reconciliation):
 * `named` for the lines naming a party (by position), else those naming none. */
export function storeLinesSql(named: boolean): string {
  const paid = named ? 'pw.member = 1' : 'g.n > 0';
  return `
INSERT INTO reconciliation_lines (id, reconciliation_id, statement_line_id, line_ref, decision_key, status, method, confidence, match_key, work_id, party_id,
  party_method, right, territory, share_paid, share_registered, amount, net, local, unallocated, local_unallocated, reason, candidates)
SELECT :base + l.line_id, :rec, l.line_id, sl.line_ref, l.decision_key, 'matched',
  CASE WHEN l.m > 0 THEN 'society-code' ELSE 'iswc' END, 1.0,
  CASE WHEN l.m > 0 THEN :soc3 || ':' || ltrim(sl.society_work_code, '0') ELSE sl.iswc END,
  abs(l.m), ${named ? "pw.party_id, 'ipi-name'" : 'NULL, NULL'}, sl.right, sl.territory, sl.share,
  ${named ? 'pw.weight' : 'coalesce(g.reg, 0)'},
  sl.amount, l.net, l.local,
  CASE WHEN ${paid} THEN 0 ELSE l.net END,
  CASE WHEN l.local IS NULL THEN NULL WHEN ${paid} THEN 0 ELSE l.local END,
  CASE WHEN ${paid} THEN NULL ELSE '${named ? 'not-a-member' : 'no-member-share'}' END,
  NULL
FROM rx_line l JOIN statement_lines sl ON sl.id = l.line_id
${named ? 'JOIN rx_wt pw ON pw.k = l.k AND pw.position = l.position WHERE l.position IS NOT NULL' : 'LEFT JOIN rx_reg g ON g.k = l.k WHERE l.position IS NULL'}`;
}

/** Money to members: a named member takes the line; otherwise the members with a share split it
 * by largest remainder (ties to the earlier position), negative amounts as the negated split; a
 * party on the work twice gets one part with both. */
export const STORE_NAMED = `
INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local)
SELECT :base + l.line_id, w.party_id, 10000, l.net, l.local FROM rx_line l JOIN rx_wt w ON w.k = l.k AND w.position = l.position AND w.member = 1
WHERE l.position IS NOT NULL`;
export const STORE_SINGLE = `
INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local)
SELECT :base + l.line_id, g.party_id, g.reg, l.net, l.local FROM rx_line l JOIN rx_reg g ON g.k = l.k AND g.n = 1
WHERE l.position IS NULL`;
export const STORE_SPLIT = `
INSERT INTO reconciliation_allocations (line_id, party_id, weight, amount, local)
SELECT :base + line_id, party_id, sum(weight), sum(amount), sum(local) FROM (
  SELECT line_id, party_id, position, weight,
    sgn * (q + (rk <= a - sq)) AS amount,
    CASE WHEN la IS NULL THEN NULL ELSE lsgn * (lq + (lrk <= la - slq)) END AS local
  FROM (
    SELECT *, SUM(q) OVER w AS sq, ROW_NUMBER() OVER (PARTITION BY line_id ORDER BY r DESC, position) AS rk,
           SUM(lq) OVER w AS slq, ROW_NUMBER() OVER (PARTITION BY line_id ORDER BY lr DESC, position) AS lrk
    FROM (
      SELECT l.line_id, wt.position, wt.party_id, wt.weight,
             abs(l.net) AS a, CASE WHEN l.net < 0 THEN -1 ELSE 1 END AS sgn,
             abs(l.net) * wt.weight / g.reg AS q, abs(l.net) * wt.weight % g.reg AS r,
             abs(l.local) AS la, CASE WHEN l.local < 0 THEN -1 ELSE 1 END AS lsgn,
             abs(l.local) * wt.weight / g.reg AS lq, abs(l.local) * wt.weight % g.reg AS lr
      FROM rx_line l JOIN rx_reg g ON g.k = l.k AND g.n > 1 JOIN rx_wt wt ON wt.k = l.k AND wt.member = 1 AND wt.weight > 0
      WHERE l.position IS NULL
    )
    WINDOW w AS (PARTITION BY line_id)
  )
) GROUP BY line_id, party_id`;

/** Share paid against share registered, on the path's lines. */
export const SHARE_FINDINGS = `
INSERT INTO rx_find (line_id, ord, kind, row_id, work_id, party_id, detail)
SELECT rl.statement_line_id, 2, 'share-discrepancy', rl.id, rl.work_id, rl.party_id, json_object('paid', rl.share_paid, 'registered', rl.share_registered)
FROM rx_line l JOIN reconciliation_lines rl ON rl.id = :base + l.line_id
WHERE rl.share_paid IS NOT NULL AND rl.share_registered IS NOT NULL AND abs(rl.share_paid - rl.share_registered) > :tol`;

/** Duplicate keys of the lines that share their ISWC and amount with another line (equal keys
 * imply both equal). */
export const FILL_DUPLICATE_KEYS = `
INSERT INTO rx_dup (line_id, h)
SELECT sl.id, cwrkit_rx_dup(sl.society_work_code, sl.iswc, sl.title, sl.ipi_name_number, sl.party_name, sl.right, sl.territory, sl.usage_start, sl.usage_end, sl.share, sl.amount)
FROM statement_lines sl
WHERE ${LINES_OF_STATEMENT}
  AND (coalesce(sl.iswc, ''), sl.amount) IN (
    SELECT coalesce(iswc, ''), amount FROM statement_lines sl WHERE ${LINES_OF_STATEMENT} GROUP BY 1, 2 HAVING count(*) > 1)`;
export const DUPLICATE_FINDINGS = `
INSERT INTO rx_find (line_id, ord, kind, row_id, work_id, party_id, detail)
SELECT d.line_id, 0, 'duplicate-line', :base + d.line_id, rl.work_id, NULL, json_object('firstLine', f.first)
FROM rx_dup d JOIN (SELECT h, min(line_id) AS first FROM rx_dup GROUP BY h) f ON f.h = d.h AND d.line_id > f.first
JOIN reconciliation_lines rl ON rl.id = :base + d.line_id`;

/** The line findings of both paths into the results, in line order (then as the reconciler
 * lists them: duplicate, party not on the work, share). */
export const STORE_LINE_FINDINGS = `
INSERT INTO reconciliation_findings (reconciliation_id, kind, line_id, work_id, party_id, detail)
SELECT :rec, kind, row_id, work_id, party_id, detail FROM rx_find ORDER BY line_id, ord`;

/**
 * Claim candidates: per matched work and right, the members (for the territory of its first line)
 * whom no line paid. A line split over its work's members pays them all, so only a work and right
 * met first by another kind of line (naming a party, or leaving money unallocated) can have any.
 * Two ways to gather those, same rows: when few lines name a party or leave money unallocated
 * (TOUCH_CANDIDATES, TOUCH_FIRST, DROP_PAID_TOUCH), their works and rights first, then the first
 * line of each; when many do, as in a statement with a line per interested party, one grouped
 * scan of every line (TOUCH_ALL: a sort of the run's lines, cheaper than an update per work).
 * Then their members and payments. (:base :lo :hi :rec)
 */
const RUN_LINES = 'rl.id BETWEEN :base + :lo AND :base + :hi AND rl.reconciliation_id = :rec';
/** Matched lines, and those that name a party or leave money unallocated. */
export const TOUCH_COUNT = `SELECT count(*), coalesce(sum(rl.party_id IS NOT NULL OR rl.reason IS NOT NULL), 0) FROM reconciliation_lines rl WHERE ${RUN_LINES} AND rl.status = 'matched'`;
export const TOUCH_CANDIDATES = `
INSERT OR IGNORE INTO rx_touch (work_id, right) SELECT rl.work_id, coalesce(rl.right, 'PR') FROM reconciliation_lines rl
WHERE ${RUN_LINES} AND rl.status = 'matched' AND (rl.party_id IS NOT NULL OR rl.reason IS NOT NULL)`;
/** Each work and right's first line, its territory and whether it paid every member (columns
 * beside min() come from the row with the minimum, as SQLite defines: sum() is not min or max). */
const FIRST_LINES = (where: string): string => `
  SELECT rl.work_id, coalesce(rl.right, 'PR') AS right, min(rl.id) AS first, rl.territory AS territory, rl.party_id IS NULL AND rl.reason IS NULL AS self,
         sum(rl.party_id IS NOT NULL OR rl.reason IS NOT NULL) AS touched
  FROM reconciliation_lines rl
  WHERE ${RUN_LINES} AND rl.status = 'matched'${where}
  GROUP BY 1, 2`;
export const TOUCH_FIRST = `
UPDATE rx_touch SET first = f.first, k = ${KEY('f.work_id', 'f.right', 't.tid')}, self = f.self FROM (${FIRST_LINES(" AND (rl.work_id, coalesce(rl.right, 'PR')) IN (SELECT work_id, right FROM rx_touch)")}
) f JOIN rx_terr t ON t.tkey = ${TKEY('f.territory')}
WHERE f.work_id = rx_touch.work_id AND f.right = rx_touch.right`;
export const TOUCH_ALL = `
INSERT INTO rx_touch (work_id, right, first, k, self)
SELECT f.work_id, f.right, f.first, ${KEY('f.work_id', 'f.right', 't.tid')}, 0 FROM (${FIRST_LINES('')}
) f JOIN rx_terr t ON t.tkey = ${TKEY('f.territory')}
WHERE f.touched > 0 AND NOT f.self`;
export const DROP_PAID_TOUCH = 'DELETE FROM rx_touch WHERE self = 1';
export const TOUCHED_KEYS = 'INSERT OR IGNORE INTO rx_keys (k) SELECT k FROM rx_touch WHERE k NOT IN (SELECT k FROM rx_reg)';
export const FILL_PAID = `
INSERT OR IGNORE INTO rx_paid (work_id, right, party_id)
SELECT rl.work_id, t.right, a.party_id
FROM reconciliation_lines rl CROSS JOIN rx_touch t ON t.work_id = rl.work_id AND t.right = coalesce(rl.right, 'PR')
JOIN reconciliation_allocations a ON a.line_id = rl.id
WHERE ${RUN_LINES}`;
export const CLAIM_FINDINGS = `
SELECT t.work_id, w.party_id, t.right, min(w.position) AS pos FROM rx_touch t JOIN rx_wt w ON w.k = t.k AND w.member = 1 AND w.weight > 0
WHERE NOT EXISTS (SELECT 1 FROM rx_paid p WHERE p.work_id = t.work_id AND p.right = t.right AND p.party_id = w.party_id)
GROUP BY t.work_id, t.right, w.party_id
ORDER BY t.first, pos`;
