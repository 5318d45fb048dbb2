/** Work content rules: writers present (TX-1), version and roles (TX-14), public domain (TX-15),
 * work type and distribution category needs (TX-17), composite fields (TX-18). */
import type { Transaction } from '../../../formats/cwr/structure.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s , numAt, strAt } from '../support.js';
import { REGISTRATION_TYPES, workModel } from './work-model.js';

export const WORK_NO_WRITER = defineRule({
  id: 'work-no-writer',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 12 (TX-1); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '012' },
  summary: 'A work registration has no writer record (SWR or OWR).',
  message: () => 'the work has no writer (no SWR or OWR record): the transaction is rejected',
});

export const WORK_NO_AUTHOR = defineRule({
  id: 'work-no-author',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 15 (TX-1); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '015' },
  summary: 'No writer is a composer or author (C, A or CA).',
  message: () => 'no writer is a composer or author (designation C, A or CA): the transaction is rejected',
});

export const VERSION_ROLES = defineRule({
  id: 'version-roles',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edits 10, 23, 45 and field edits 14-15 (TX-14); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '010' },
  summary: 'Version type and writer roles disagree (MOD needs an arranger/adaptor/translator and arrangement + adaptation codes; ORI forbids AR/AD/SR; MUS forbids text roles).',
  message: (p) => `${s(p, 'why')}: the transaction is rejected`,
});

export const PUBLIC_DOMAIN_SHARES = defineRule({
  id: 'public-domain-shares',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edit 24 (TX-15); public domain = PR society 000/099 or last name PUBLIC DOMAIN/DP (cwrkit reading); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '024' },
  summary: 'All writers are public domain but PR ownership is not zero.',
  message: (p) => `all writers are public domain, yet ${s(p, 'total')} of PR ownership is claimed: it must be zero; the transaction is rejected`,
});

export const WORK_TYPE_NEEDS = defineRule({
  id: 'work-type-needs',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR transaction edits 3, 39; NWR field edit 7 (TX-17); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '039' },
  summary: 'Work type FM needs an ORN with a production title; category SER needs INS/IND and a duration.',
  message: (p) => `${s(p, 'why')}: the transaction is rejected`,
});

export const COMPOSITE_FIELDS = defineRule({
  id: 'composite-fields',
  level: 'transaction',
  cisac: 'CWR 2.2 NWR field edits 18-20 (TX-18); v3 WRK where the layout has the fields: unverified',
  msg: { record: 'NWR', number: '018', messageLevel: 'F' },
  summary: 'Composite type and composite component count go together, and the count is more than 1.',
  message: (p) => `${s(p, 'why')}: the transaction is rejected`,
});

const MOD_ROLES = new Set(['AR', 'AD', 'SR', 'SA', 'TR']);
const ORI_FORBIDDEN = new Set(['AR', 'AD', 'SR']);
const TEXT_ROLES = new Set(['CA', 'A', 'SA', 'TR']);
const AUTHORS = new Set(['C', 'A', 'CA']);
const PD_SOCIETIES = new Set(['000', '099', '0', '99']);

export function checkWork(tx: Transaction, ctx: CheckContext): void {
  if (!REGISTRATION_TYPES.has(tx.header.type)) return;
  const w = workModel(tx);
  if (!w) return;
  const h = w.header;
  if (w.writers.length === 0) {
    reportAt(ctx, WORK_NO_WRITER, h, null);
  } else {
    const roles = w.writers.map((p) => strAt(p.rec, 'writer_designation_code'));
    if (!roles.some((r) => AUTHORS.has(r))) reportAt(ctx, WORK_NO_AUTHOR, h, null);
    const version = strAt(h, 'version_type');
    if (version === 'MOD') {
      if (!roles.some((r) => MOD_ROLES.has(r))) reportAt(ctx, VERSION_ROLES, h, 'version_type', { why: 'a modified version (MOD) needs a writer with role AR, AD, SR, SA or TR' });
      if (h.layout?.byName.has('music_arrangement') && strAt(h, 'music_arrangement') === '') reportAt(ctx, VERSION_ROLES, h, 'music_arrangement', { why: 'a modified version (MOD) needs a music arrangement code', msgRecord: 'NWR', msgLevel: 'F', msgNumber: '014' });
      if (h.layout?.byName.has('lyric_adaptation') && strAt(h, 'lyric_adaptation') === '') reportAt(ctx, VERSION_ROLES, h, 'lyric_adaptation', { why: 'a modified version (MOD) needs a lyric adaptation code', msgRecord: 'NWR', msgLevel: 'F', msgNumber: '015' });
    } else if (version === 'ORI') {
      const bad = roles.filter((r) => ORI_FORBIDDEN.has(r));
      if (bad.length > 0) reportAt(ctx, VERSION_ROLES, h, 'version_type', { why: `an original work (ORI) cannot have writers with role ${[...new Set(bad)].join(', ')}`, msgRecord: 'NWR', msgLevel: 'T', msgNumber: '023' });
    }
    if (strAt(h, 'text_music_relationship') === 'MUS') {
      const bad = roles.filter((r) => TEXT_ROLES.has(r));
      if (bad.length > 0) reportAt(ctx, VERSION_ROLES, h, 'text_music_relationship', { why: `music without text (MUS) cannot have text writers (role ${[...new Set(bad)].join(', ')})` });
    }
    const pd = w.writers.every((p) => {
      const soc = strAt(p.rec, 'pr_affiliation_society');
      const last = strAt(p.rec, 'writer_last_name').toUpperCase();
      return PD_SOCIETIES.has(soc) || last === 'PUBLIC DOMAIN' || last === 'DP';
    });
    if (pd) {
      let pr = 0;
      for (const p of w.parties) pr += p.own?.[0] ?? 0;
      if (pr > 0) reportAt(ctx, PUBLIC_DOMAIN_SHARES, h, null, { total: `${(pr / 100).toFixed(2)}%` });
    }
  }
  if (strAt(h, 'cwr_work_type') === 'FM') {
    const orn = w.details.some((r) => r.type === 'ORN' && strAt(r, 'production_title') !== '');
    if (!orn) reportAt(ctx, WORK_TYPE_NEEDS, h, 'cwr_work_type', { why: 'work type FM (film music) needs an ORN record with a production title' });
  }
  if (strAt(h, 'musical_work_distribution_category') === 'SER') {
    if (!w.instrumentation) reportAt(ctx, WORK_TYPE_NEEDS, h, 'musical_work_distribution_category', { why: 'a serious work (SER) needs an instrumentation record (INS or IND)', msgRecord: 'NWR', msgLevel: 'T', msgNumber: '003' });
    const d = h.str('duration');
    if (d === '' || d === '00:00:00') reportAt(ctx, WORK_TYPE_NEEDS, h, 'duration', { why: 'a serious work (SER) needs a duration greater than zero', msgRecord: 'NWR', msgLevel: 'F', msgNumber: '007' });
  }
  const composite = strAt(h, 'composite_type');
  const countV = numAt(h, 'composite_component_count');
  const count = typeof countV === 'number' ? countV : 0;
  if (composite !== '' && count === 0) reportAt(ctx, COMPOSITE_FIELDS, h, 'composite_component_count', { why: `composite type ${composite} needs a composite component count` });
  else if (composite === '' && count > 0) reportAt(ctx, COMPOSITE_FIELDS, h, 'composite_type', { why: 'a composite component count is given without a composite type', msgRecord: 'NWR', msgLevel: 'F', msgNumber: '019' });
  else if (count === 1) reportAt(ctx, COMPOSITE_FIELDS, h, 'composite_component_count', { why: 'the composite component count must be more than 1', msgRecord: 'NWR', msgLevel: 'F', msgNumber: '020' });
}
