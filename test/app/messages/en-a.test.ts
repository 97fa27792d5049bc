// The assembled English catalogue first: part A reads `en` only inside its functions, and importing
// en.ts first lets it evaluate part A before it spreads it.
import { en } from '../../../src/app/messages/en.ts';
import { enPartA } from '../../../src/app/messages/en/part-a.ts';
import { id } from '../../../src/app/messages/id.ts';
import { describe, expect, it } from 'vitest';

const sections = ['roleName', 'platformName', 'opdLabel', 'common', 'start', 'help', 'commands', 'profile', 'invite', 'join', 'members', 'handover', 'opdList'] as const;

type Shape = string;
/** Every leaf as "path: type/arity", e.g. "handover.card: function/1". */
function shape(value: unknown, path: string): Shape[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape((value as Record<string, unknown>)[key], `${path}.${key}`));
  return [`${path}: ${Array.isArray(value) ? 'array' : typeof value}`];
}

const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-z]+)\b[^>]*>/gi)].map((m) => m[0].replace(/\s.*(?=>)/s, '').toLowerCase());
const marker = (text: string): string => [...text][0] ?? '';
const markers = /^[✅🔁❌⚠️⌛🤝📝👤]/u;

const evil = 'A<&>b';
const escaped = 'A&lt;&amp;&gt;b';

/** [label, call on a catalogue]: the same call made on the Indonesian and the English catalogue. */
type Catalogueish = typeof id;
const samples: [string, (m: Catalogueish) => string][] = [
  ['common.notRegistered', (m) => m.common.notRegistered(evil)],
  ['common.unknownOpd', (m) => m.common.unknownOpd(evil)],
  ['common.privateOnly', (m) => m.common.privateOnly(evil, evil)],
  ['start.welcomeBack', (m) => m.start.welcomeBack(evil, 'admin', evil)],
  ['start.invitationAccepted', (m) => m.start.invitationAccepted(evil, evil, evil)],
  ['start.inviterNotice', (m) => m.start.inviterNotice(evil, evil)],
  ['help.header', (m) => m.help.header('superadmin')],
  ['help.line', (m) => m.help.line('lapor', m.commands.lapor.usage, m.commands.lapor.description)],
  ['profile.card', (m) => m.profile.card({ name: evil, username: evil, role: 'leader', opd: evil, telegramId: evil })],
  ['invite.created', (m) => m.invite.created(m.invite.adminTarget(evil, evil), `https://t.me/bot?start=${evil}`, evil)],
  ['join.requestCard', (m) => m.join.requestCard(evil, evil, evil, evil, evil)],
  ['join.approvedCard', (m) => m.join.approvedCard(m.join.requestCard(evil, null, '1', evil, evil), evil)],
  ['join.approvedNotice', (m) => m.join.approvedNotice(evil, evil)],
  ['members.moved', (m) => m.members.moved(evil, evil, evil)],
  ['handover.severalAdmins', (m) => m.handover.severalAdmins(evil, [evil, 'Rina'])],
  ['handover.refusal.otherOpd', (m) => m.handover.refusal.otherOpd(evil, evil, evil)],
  ['handover.card', (m) => m.handover.card({ from: evil, requester: evil, opdName: evil, code: evil, until: evil })],
  ['handover.card without requester', (m) => m.handover.card({ from: evil, requester: null, opdName: evil, code: evil, until: evil })],
  ['handover.voidNotice', (m) => m.handover.voidNotice(evil, evil)],
  ['handover.checklist', (m) => m.handover.checklist(evil, ['• x'])],
  ['handover.checklist empty', (m) => m.handover.checklist(evil, [])],
  ['handover.acceptedNew', (m) => m.handover.acceptedNew(evil, evil, evil, m.handover.checklist(evil, []))],
  ['handover.acceptedSuperadmin', (m) => m.handover.acceptedSuperadmin(evil, evil, evil, evil, 2)],
  ['handover.acceptedSuperadmin none', (m) => m.handover.acceptedSuperadmin(evil, evil, evil, evil, 0)],
  ['handover.cancelled', (m) => m.handover.cancelled([m.handover.cancelledItem(evil, m.handover.person(evil, evil))])],
  ['handover.alreadyDecided', (m) => m.handover.alreadyDecided('expired')],
  ['opdList.header', (m) => m.opdList.header(12)],
  ['opdList.line', (m) => m.opdList.line(evil, evil, 2)],
];

describe('English catalogue, part A', () => {
  it('has exactly the keys of its sections in the Indonesian catalogue, with the same types and arities', () => {
    expect(Object.keys(enPartA).sort()).toEqual([...sections].sort());
    for (const section of sections) expect(shape(enPartA[section], section)).toEqual(shape(id[section], section));
  });

  it('is what the assembled English catalogue holds for these sections', () => {
    for (const section of sections) expect(en[section]).toBe(enPartA[section]);
  });

  it.each(samples)('%s keeps the HTML tags and leading marker of the Indonesian text and escapes the value', (_label, call) => {
    const idText = call(id);
    const enText = call(en);
    expect(enText).not.toBe(idText);
    expect(tags(enText)).toEqual(tags(idText));
    if (markers.test(idText)) expect(marker(enText)).toBe(marker(idText));
    expect(enText.split(escaped).length).toBe(idText.split(escaped).length);
    expect(enText).not.toContain(evil);
  });

  it('uses the English role names and English plurals', () => {
    expect(en.start.welcomeBack('Rina', 'leader', null)).toContain('<b>Leader</b>');
    expect(en.profile.card({ name: 'Rina', username: null, role: 'admin', opd: null, telegramId: '1' })).toContain('Role: OPD social-media admin');
    expect(en.opdList.line('DINKES', 'Dinas Kesehatan', 1)).toContain('1 admin');
    expect(en.opdList.line('DINKES', 'Dinas Kesehatan', 3)).toContain('3 admins');
  });

  it('keeps commands and their keywords in Indonesian', () => {
    expect(en.handover.usage).toContain('<code>/serahterima batal</code>');
    expect(en.commands.undang.usage).toContain('pimpinan');
    expect(en.commands.kopdarSuperadmin.usage).toMatch(/^baru \| .*kode \| ubah .* batal /);
    expect(en.handover.acceptedSuperadmin('DINKES', 'Dinas Kesehatan', 'a', 'b', 1)).toContain('<code>/akun DINKES verifikasi</code>');
  });
});
