import { join } from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReconcileService, writeReports } from '../../../src/app/reconcile.js';
import { decide, reviewList } from '../../../src/app/review.js';
import { openCatalogue } from '../../../src/catalogue/db.js';
import { ReportReader } from '../../../src/reconcile/report.js';
import { guardText } from '../../../src/reporting/csv-reconcile.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { line } from './fixtures.js';
import { MemoryStatements, seedWorks } from './seed.js';

describe('guardText', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['＝1', "'＝1"],
    ['Dala', 'Dala'],
    [null, ''],
  ])('%j', (v, out) => expect(guardText(v)).toBe(out));
});

describe('reports, explain and review', () => {
  const tmp = useTempDir();

  it('writes an escaped self-contained HTML report and guarded CSV files, explains a line, and reviews', () => {
    const dir = tmp();
    const db = openCatalogue(join(dir, 'c.db'));
    const [w1, w2] = seedWorks(db, [
      { title: '<script>alert(1)</script> & Қара', swn: 'SW1', iswc: 'T0345246801', writers: [{ name: '=HYPERLINK("x")', ipi: '00014107338', society: '177', share: 10000 }] },
      { title: 'Steppe Song', swn: 'SW2', writers: [{ name: 'OTHER', ipi: '00025436718', society: '052', share: 10000 }] },
    ]);
    const st = new MemoryStatements();
    st.add({ id: 3, fromSociety: '052', currency: 'EUR', scale: 2, declaredTotal: null, rate: null }, [
      line({ id: 1, ref: 'R-1', iswc: 'T0345246801', amount: -250n }),
      line({ id: 2, ref: '=cmd', title: 'Steppe Song', amount: 999n }),
      line({ id: 3, ref: 'R-3', title: 'Unknown <b>', amount: 1n }),
    ]);
    const { reconciliationId } = new ReconcileService(db, st).reconcile(3, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    const html = join(dir, 'r.html');
    const written = writeReports(db, 3, { html, csvDir: join(dir, 'csv') });
    expect(written).toHaveLength(4);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/https?:\/\/|<script|src=|@import|url\(/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Қара');
    expect(text).toContain('<svg');
    for (const f of written) expect((statSync(f).mode & 0o777).toString(8)).toBe('600');
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual(['statement-3-member-lines.csv', 'statement-3-members.csv', 'statement-3-unmatched.csv']);
    const members = readFileSync(join(dir, 'csv', 'statement-3-members.csv'), 'utf8');
    expect(members).toContain(`'=HYPERLINK`);
    expect(members).toContain(',-2.50,EUR,');
    const memberLines = readFileSync(join(dir, 'csv', 'statement-3-member-lines.csv'), 'utf8').trim().split('\n');
    expect(memberLines[0]).toBe('ipi,name,statement_line,line_ref,work_id,title,right,territory,weight,amount,currency,local_amount,local_currency');
    expect(memberLines.slice(1)).toEqual([`00014107338,"'=HYPERLINK(""x"")",1,R-1,${w1},<script>alert(1)</script> & Қара,PR,0398,10000,-2.50,EUR,,`]);
    const unmatched = readFileSync(join(dir, 'csv', 'statement-3-unmatched.csv'), 'utf8');
    expect(unmatched).toContain("'=cmd");

    const items = reviewList(db, 3);
    expect(items.map((i) => [i.status, i.ref])).toEqual([
      ['review', '=cmd'],
      ['unmatched', 'R-3'],
    ]);
    const explained = new ReportReader(db).explain(items[0]?.id ?? 0);
    expect(explained?.path.map((p) => p.step)).toEqual(['key', 'work', 'share', 'rate', 'amount']);
    const matchedLine = new ReportReader(db).report(reconciliationId)?.lines[0];
    const path = new ReportReader(db).explain(matchedLine?.id ?? 0);
    expect(path?.path.map((p) => p.step)).toEqual(['key', 'work', 'share', 'rate', 'amount', 'member']);
    expect(path?.path[1]?.text).toContain(`work ${w1}`);

    const d = decide(db, items[0]?.id ?? 0, 'accept', null);
    expect(d).toMatchObject({ work: w2, fromSociety: '052', decision: 'accept' });
    const again = new ReconcileService(db, st).reconcile(3, { society: '177', localCurrency: 'KZT', rate: null, received: null });
    expect(again.summary.byMethod.decision).toBe(1);
    expect(() => decide(db, 99999, 'accept', null)).toThrow(/no reconciled line/);
    db.close();
  });
});
