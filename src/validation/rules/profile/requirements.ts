/** Society profile requirements (data in the profile JSON, checks here). */
import type { Transaction } from '../../../formats/cwr/structure.js';
import { normaliseSocietyCode } from '../../../reference/tables.js';
import type { CheckContext } from '../../engine.js';
import { defineRule } from '../../rule.js';
import { reportAt, s, settingsOf } from '../support.js';
import { REGISTRATION_TYPES, workModel } from '../transaction/work-model.js';

export const PROFILE_IPI_REQUIRED = defineRule({
  id: 'profile-ipi-required',
  level: 'transaction',
  cisac: 'Society profile (require.ipiNameNumbers); cf. CWR 2.2 SPU field edit 40 (FLD-6)',
  summary: 'Profile: every controlled publisher (SPU) and writer (SWR) carries an IPI name number.',
  message: (p) => `${s(p, 'record')} ${s(p, 'name')} has no IPI name number, which the ${s(p, 'profile')} profile requires: the transaction is rejected`,
});

export const PROFILE_ISWC_REQUIRED = defineRule({
  id: 'profile-iswc-required',
  level: 'transaction',
  cisac: 'Society profile (require.iswc)',
  summary: 'Profile: every work registration carries an ISWC.',
  message: (p) => `the work has no ISWC, which the ${s(p, 'profile')} profile requires: the transaction is rejected`,
});

export const PROFILE_WRITER_SOCIETY = defineRule({
  id: 'profile-writer-society',
  level: 'transaction',
  cisac: 'Society profile (require.writerSocieties)',
  summary: 'Profile: controlled writers are affiliated (PR or MR) to one of the listed societies.',
  message: (p) => `writer ${s(p, 'name')} is not affiliated to ${s(p, 'societies')} (PR ${s(p, 'pr')}, MR ${s(p, 'mr')}), as the ${s(p, 'profile')} profile requires: the transaction is rejected`,
});

export function checkProfileRequirements(tx: Transaction, ctx: CheckContext): void {
  const profile = settingsOf(ctx).profile;
  if (!profile || !REGISTRATION_TYPES.has(tx.header.type)) return;
  const w = workModel(tx);
  if (!w) return;
  const req = profile.require;
  if (req.iswc && tx.header.str('iswc') === '') reportAt(ctx, PROFILE_ISWC_REQUIRED, tx.header, 'iswc', { profile: profile.name });
  for (const p of w.parties) {
    if (!p.controlled) continue;
    const field = p.publisher ? 'publisher_ipi_name_number' : 'writer_ipi_name_number';
    const name = p.rec.str(p.publisher ? 'publisher_name' : 'writer_last_name');
    if (req.ipiNameNumbers && p.rec.str(field) === '') reportAt(ctx, PROFILE_IPI_REQUIRED, p.rec, field, { record: p.rec.type, name, profile: profile.name });
    if (!p.publisher && req.writerSocieties.length > 0) {
      const pr = normaliseSocietyCode(p.rec.str('pr_affiliation_society'));
      const mr = normaliseSocietyCode(p.rec.str('mr_affiliation_society'));
      if (!req.writerSocieties.includes(pr) && !req.writerSocieties.includes(mr)) {
        reportAt(ctx, PROFILE_WRITER_SOCIETY, p.rec, 'pr_affiliation_society', { name, societies: req.writerSocieties.join('/'), pr: pr || 'none', mr: mr || 'none', profile: profile.name });
      }
    }
  }
}
