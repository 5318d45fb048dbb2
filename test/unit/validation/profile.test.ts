import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.js';
import { ProfileError, bundledProfiles, loadProfile, parseProfile } from '../../../src/validation/profile.js';
import { buildValidation, knownRule } from '../../../src/validation/setup.js';

describe('society profiles', () => {
  it('the bundled kazak profile loads and documents every choice it makes', async () => {
    expect(bundledProfiles()).toContain('kazak');
    const p = await loadProfile('kazak', knownRule);
    expect(p.society).toBe('177');
    expect(p.require.ipiNameNumbers).toBe(true);
    expect(p.acceptedCharacterSets).toContain('KZ-1048');
    for (const id of Object.keys(p.levels)) expect(p.notes[`levels.${id}`]).toBeTruthy();
    for (const k of Object.keys(p.require)) expect(p.notes[`require.${k}`]).toBeTruthy();
  });

  it.each([
    [[], ''],
    [{ name: 'x', bogus: 1 }, 'bogus'],
    [{ name: '' }, 'name'],
    [{ name: 'x', society: '17' }, 'society'],
    [{ name: 'x', disabled: ['no-such-rule'] }, 'disabled'],
    [{ name: 'x', disabled: 'ownership-total' }, 'disabled'],
    [{ name: 'x', levels: { 'ownership-total': 'severe' } }, 'levels.ownership-total'],
    [{ name: 'x', levels: { 'no-such-rule': 'field' } }, 'levels.no-such-rule'],
    [{ name: 'x', require: { iswc: 'yes' } }, 'require.iswc'],
    [{ name: 'x', require: { colour: true } }, 'require.colour'],
    [{ name: 'x', require: { writerSocieties: ['52'] } }, 'require.writerSocieties'],
    [{ name: 'x', senderTypes: [1] }, 'senderTypes'],
  ])('rejects %j naming the key "%s"', (raw, key) => {
    try {
      parseProfile(raw, 'test.json', knownRule);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      expect((e as ProfileError).key).toBe(key);
      if (key !== '') expect((e as Error).message).toContain(`"${key}"`);
    }
  });

  const dir = useTempDir();
  it('loads a profile file by path and turns it into run options', async () => {
    const path = join(dir(), 'mine.json');
    writeFileSync(path, JSON.stringify({ name: 'mine', society: '052', disabled: ['file-name-2x'], levels: { 'iswc-invalid': 'transaction' } }));
    const v = await buildValidation({ profile: path });
    expect(v.disabled?.has('file-name-2x')).toBe(true);
    expect(v.levels?.get('iswc-invalid')).toBe('transaction');
    expect((v.settings as { society: string }).society).toBe('052');
  });

  it.each([
    ['nope', /no bundled profile/],
    ['missing.json', /cannot read/],
  ])('%s is a clear error', async (name, re) => {
    await expect(loadProfile(name, knownRule, dir())).rejects.toThrow(re);
  });

  it('invalid JSON names the file', async () => {
    const path = join(dir(), 'broken.json');
    writeFileSync(path, '{ "name": ');
    await expect(loadProfile(path, knownRule)).rejects.toThrow(/broken.json: not valid JSON/);
  });
});
