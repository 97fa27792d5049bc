import type { Catalogue } from '../id.ts';
import { en } from '../en.ts';
import type { Role } from '../../../domain/roles.ts';
import { escapeHtml as e } from '../../../domain/text/html.ts';

/** "1 admin", "2 admins". */
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The English catalogue, part A: roles, platforms, common replies, /start, /bantuan, command
 * descriptions, /saya, /undang, /daftar, /cabut and /pindah, /serahterima and /opd. Commands,
 * their keywords (`pimpinan`, `batal`, `verifikasi` …) and example codes stay Indonesian; only
 * the prose and the placeholders (OPD_CODE, &lt;link&gt; …) are English. Values from users or
 * the database are escaped exactly where the Indonesian catalogue escapes them.
 */
export const enPartA = {
  roleName: {
    superadmin: 'Diskominfo superadmin',
    leader: 'Leader',
    admin: 'OPD social-media admin',
    none: 'Not registered',
  },
  platformName: {
    instagram: 'Instagram',
    facebook: 'Facebook',
    tiktok: 'TikTok',
    youtube: 'YouTube',
    x: 'X (Twitter)',
    threads: 'Threads',
  },

  /** "Dinas Kesehatan (DINKES)": how an OPD is named in running text (escape when inserting). */
  opdLabel: (name: string, code: string) => `${name} (${code})`,

  common: {
    unexpectedError:
      'Sorry, something went wrong while processing your request. Please try again in a few moments. If it keeps happening, please contact Diskominfo.',
    notRegistered: (name: string) =>
      `Hello, ${e(name)}! You are not registered yet as an OPD social-media admin in this bot.\n\n` +
      'How to join:\n' +
      '1. Ask Diskominfo for an <b>invitation link</b>, then open that link; or\n' +
      '2. Send <code>/daftar OPD_CODE</code> (example: <code>/daftar DINKES</code>) and wait for Diskominfo to approve.',
    notAllowed: (command: string) =>
      `Sorry, the /${e(command)} command is not available for your role. Type /bantuan to see the commands you can use.`,
    privateOnly: (command: string, bot: string) =>
      `The /${e(command)} command can only be used in a private chat with the bot. Please open @${e(bot)} and send the command there.`,
    groupOnly: (command: string) => `The /${e(command)} command can only be used in a group.`,
    unknownCommand: 'Unknown command. Type /bantuan to see the list of commands you can use.',
    invalidInput: (usage: string) => `The command is not in the right format.\n${usage}`,
    unknownOpd: (code: string) =>
      `No OPD with the code <b>${e(code)}</b> was found. Please check the code; Diskominfo can see the list of codes with /opd.`,
    personNotFound: (who: string) =>
      `The bot does not know the user ${e(who)} yet. Make sure they have sent the bot a message at least once, then give their @username or Telegram ID.`,
    buttonExpired: 'This button is no longer valid.',
  },

  start: {
    welcomeBack: (name: string, role: Role, opd: string | null) =>
      `Welcome back, ${e(name)}. You are registered as <b>${en.roleName[role]}</b>${opd ? ` for <b>${e(opd)}</b>` : ''}.\nType /bantuan to see the commands you can use.`,
    invitationAccepted: (name: string, opdName: string, code: string) =>
      `Welcome aboard, ${e(name)}! You are now a <b>social-media admin for ${e(opdName)} (${e(code)})</b>.\n\n` +
      'Every time your OPD account publishes a post, report its link:\n' +
      '<code>/lapor https://www.instagram.com/p/ABC123/</code>\n' +
      'Type /bantuan for the other commands.',
    leaderInvitationAccepted: (name: string) =>
      `Welcome aboard, ${e(name)}. You are registered as a <b>Leader</b>. Type /bantuan to see the available commands.`,
    invitationInvalid:
      'This invitation link is not recognised. Make sure you opened the complete link sent by Diskominfo, or ask for a new link.',
    invitationExpired: 'This invitation link has expired (links are valid for 7 days). Please ask Diskominfo for a new link.',
    invitationUsed: 'This invitation link has already been used. Each link works only once; please ask Diskominfo for a new link.',
    invitationMoved: (name: string, fromCode: string, opdName: string, code: string) =>
      `Welcome, ${e(name)}. You have been moved from ${e(fromCode)} and are now a <b>social-media admin for ${e(opdName)} (${e(code)})</b>. Your earlier reports remain recorded for ${e(fromCode)}.`,
    invitationNotForLeader:
      'You are registered as a Leader, so this admin invitation link was not used and is still valid. Please forward the link to the OPD admin it is meant for.',
    invitationNotForSuperadmin:
      'You are a superadmin, so this invitation link was not used and is still valid. Please forward the link to the prospective admin.',
    inviterNotice: (name: string, code: string) => `✅ ${e(name)} has joined as an admin for ${e(code)} through the invitation link.`,
    inviterLeaderNotice: (name: string) => `✅ ${e(name)} has joined as a Leader through the invitation link.`,
  },

  help: {
    header: (role: Role) => `<b>Commands for ${en.roleName[role]}</b>`,
    line: (command: string, usage: string, description: string) => `/${command}${usage ? ` ${e(usage)}` : ''} — ${description}`,
    footer: 'Need more help? Please contact Diskominfo.',
  },

  commands: {
    start: { description: 'Start / join with an invitation link', usage: '' },
    bantuan: { description: 'The commands you can use', usage: '' },
    saya: { description: 'My profile and my OPD', usage: '' },
    daftar: { description: 'Ask to join as the admin of an OPD', usage: 'OPD_CODE' },
    lapor: { description: 'Report the link to an OPD post', usage: '<link> [note]' },
    laporSuperadmin: { description: 'Report a post on behalf of an OPD', usage: 'OPD_CODE <link>' },
    batal: { description: 'Cancel my last report (within 24 hours), or the dialogue in progress', usage: '' },
    riwayat: { description: 'The last 10 reports of my OPD', usage: '' },
    riwayatSuperadmin: { description: 'The last 10 reports of an OPD', usage: 'OPD_CODE' },
    undang: { description: 'Create an invitation link for an OPD admin (or a leader)', usage: 'OPD_CODE | pimpinan [OPD_CODE]' },
    cabut: { description: "Revoke someone's admin or leader status", usage: '@username | ID' },
    pindah: { description: 'Move an admin to another OPD', usage: '@username | ID OPD_CODE' },
    opd: { description: 'The OPDs and how many admins each has', usage: '' },
    hubungkan: { description: "Make this group the community group or the leaders' group", usage: 'komunitas | pimpinan' },
    arahan: { description: 'Send a priority directive to OPD admins', usage: '[segera|penting|biasa] [untuk:CODE] text' },
    statusArahan: { description: 'Delivery, acknowledgement and follow-up status of a directive', usage: '[NUMBER]' },
    arahanList: { description: 'The latest directives', usage: '' },
    tanya: { description: 'Ask a question about a directive', usage: 'NUMBER question' },
    kopdar: { description: 'Upcoming meetups (kopdar); details of replies and attendance', usage: '[NUMBER]' },
    kopdarSuperadmin: { description: 'Create, monitor, edit or cancel a meetup', usage: 'baru | NUMBER [kode | ubah FIELD VALUE | batal REASON]' },
    hadir: { description: 'Record your attendance at a meetup with the code from the organisers', usage: 'CODE' },
  },

  profile: {
    card: (p: { name: string; username: string | null; role: Role; opd: string | null; telegramId: string }) =>
      `👤 <b>${e(p.name)}</b>${p.username ? ` (@${e(p.username)})` : ''}\n` +
      `Role: ${en.roleName[p.role]}\n` +
      `OPD: ${p.opd ? e(p.opd) : '—'}\n` +
      `Telegram ID: <code>${e(p.telegramId)}</code>`,
  },

  invite: {
    usage:
      'How to use: <code>/undang OPD_CODE</code> (example: <code>/undang DINKES</code>), <code>/undang pimpinan</code>, or <code>/undang pimpinan OPD_CODE</code> for the head of an OPD (who receives that OPD\'s escalations).',
    created: (target: string, link: string, until: string) =>
      `Invitation link for <b>${e(target)}</b>, valid until ${e(until)} and usable only once:\n${e(link)}\n\nSend this link to the person it is meant for. As soon as they open the link and tap <b>START</b>/<b>MULAI</b>, they are registered.`,
    leaderTarget: 'Leader',
    headTarget: (opdName: string, code: string) => `Leader (head) of ${opdName} (${code})`,
    adminTarget: (opdName: string, code: string) => `admin of ${opdName} (${code})`,
  },

  join: {
    usage: "How to use: <code>/daftar OPD_CODE</code>, for example <code>/daftar DINKES</code>. Ask Diskominfo for your OPD's code.",
    alreadyMember: (code: string) => `You are already registered as an admin for ${e(code)}. There is no need to register again.`,
    alreadyPending: (code: string) => `Your request to join ${e(code)} is still awaiting Diskominfo's decision. Please wait.`,
    superadminNeedsNoJoin: 'You are a superadmin; you do not need to register with an OPD.',
    sent: (opdName: string, code: string) =>
      `Your request to become an admin for <b>${e(opdName)} (${e(code)})</b> has been sent to Diskominfo. You will be notified as soon as it is decided.`,
    noSuperadmin: 'There is currently no superadmin who can approve requests. Please contact Diskominfo directly.',
    requestCard: (name: string, username: string | null, telegramId: string, opdName: string, code: string) =>
      `📝 <b>Request to join</b>\n${e(name)}${username ? ` (@${e(username)})` : ''}, ID <code>${e(telegramId)}</code>, would like to become an admin for <b>${e(opdName)} (${e(code)})</b>.`,
    approveButton: '✅ Approve',
    rejectButton: '❌ Reject',
    approvedCard: (card: string, by: string) => `${card}\n\n✅ Approved by ${e(by)}.`,
    rejectedCard: (card: string, by: string) => `${card}\n\n❌ Rejected by ${e(by)}.`,
    approvedAnswer: 'Request approved.',
    rejectedAnswer: 'Request rejected.',
    alreadyDecided: 'This request has already been decided.',
    approvedNotice: (opdName: string, code: string) =>
      `✅ Your request has been approved. You are now a social-media admin for <b>${e(opdName)} (${e(code)})</b>.\nReport every post with <code>/lapor &lt;link&gt;</code>. Type /bantuan for the other commands.`,
    rejectedNotice: (code: string) =>
      `We are sorry, your request to become an admin for ${e(code)} cannot be approved at this time. Please contact Diskominfo for more information.`,
  },

  members: {
    revokeUsage: 'How to use: <code>/cabut @username</code> or <code>/cabut TELEGRAM_ID</code>.',
    moveUsage: 'How to use: <code>/pindah @username OPD_CODE</code>, for example <code>/pindah @budi DINSOS</code>.',
    notAdmin: (name: string) => `${e(name)} is neither an OPD admin nor a leader.`,
    leaderRevoked: (name: string) => `${e(name)} is no longer registered as a leader.`,
    leaderRevokedNotice: 'You are no longer registered as a leader in this bot. If this is a mistake, please contact Diskominfo.',
    cannotChangeSuperadmin: 'Superadmins are set through SUPERADMIN_IDS in the configuration, not through this command.',
    revoked: (name: string, code: string) =>
      `${e(name)} is no longer an admin for ${e(code)}. The reports they sent remain recorded for ${e(code)}.`,
    revokedNotice: (opdName: string) =>
      `You are no longer registered as an admin for ${e(opdName)}. Thank you for your cooperation. If this is a mistake, please contact Diskominfo.`,
    moved: (name: string, from: string, to: string) =>
      `${e(name)} has been moved from ${e(from)} to ${e(to)}. Their earlier reports remain recorded for ${e(from)}.`,
    movedNotice: (opdName: string, code: string) =>
      `You are now registered as an admin for <b>${e(opdName)} (${e(code)})</b>. Your next reports will be recorded for this OPD.`,
    sameOpd: (name: string, code: string) => `${e(name)} is already an admin for ${e(code)}.`,
  },

  /** /serahterima: an OPD's admin duties handed over to another person. */
  handover: {
    helpAdmin: { description: 'Hand over my OPD admin duties to a new admin', usage: '@new_username | batal' },
    helpSuperadmin: { description: "Hand over an OPD's admin duties to a new admin", usage: 'OPD_CODE [@old_admin] @new_admin | batal' },
    usage:
      'How to use:\n' +
      '<code>/serahterima @new_username</code> — hand over your OPD admin duties, for example <code>/serahterima @rina_dinkes</code> (their Telegram ID also works)\n' +
      '<code>/serahterima batal</code> — cancel a handover request that has not been answered yet\n' +
      'Diskominfo: <code>/serahterima OPD_CODE @new_admin</code> (an OPD with one admin) or <code>/serahterima OPD_CODE @old_admin @new_admin</code>.',
    /** "Rina Wati (@rina)": a person as named in these texts (escaped by the text that shows it). */
    person: (name: string, username: string | null) => (username ? `${name} (@${username})` : name),
    needsOpd: 'Please give the OPD code, for example <code>/serahterima DINKES @new_admin</code> or <code>/serahterima DINKES @old_admin @new_admin</code>. List of codes: /opd.',
    adminWithoutOpd: 'Your Telegram account is not linked to any OPD yet, so there are no admin duties to hand over. Please contact Diskominfo.',
    adminNamesOwnOnly: 'As an admin, you hand over your own duties. Just name the new admin: <code>/serahterima @new_username</code>.',
    notYourOpd: (named: string, own: string) =>
      `You are an admin for ${e(own)}, so you can only hand over the admin duties of ${e(own)}, not those of ${e(named)}. Send the command again without the OPD code: <code>/serahterima @new_username</code>.`,
    noAdmin: (code: string) =>
      `${e(code)} has no admin yet, so there are no duties to hand over. Create an invitation link for its new admin with <code>/undang ${e(code)}</code>.`,
    severalAdmins: (code: string, names: readonly string[]) =>
      `${e(code)} has ${plural(names.length, 'admin')}: ${names.map(e).join(', ')}. Please name the old admin who is handing over their duties, for example <code>/serahterima ${e(code)} @old_admin @new_admin</code>.`,
    notAdminOf: (who: string, code: string) =>
      `${e(who)} is not an admin for ${e(code)}, so they cannot hand over the admin duties of ${e(code)}. Please check the old admin, or write <code>/serahterima ${e(code)} @new_admin</code> if ${e(code)} has only one admin.`,
    unknownNewAdmin: (who: string, bot: string) =>
      `${e(who)} has never opened this bot, so the bot cannot send them messages yet. Please ask them to open @${e(bot)} and send /start, then send this handover command again.`,
    /** Why the named person cannot take over (said to whoever asked for the handover). */
    refusal: {
      self: "The new admin must be someone else, not the admin handing over the duties. Please give the new admin's @username.",
      superadmin: (who: string) =>
        `${e(who)} is a Diskominfo superadmin, so they cannot become an OPD admin through a handover. Please name someone else as the new admin.`,
      leader: (who: string) =>
        `${e(who)} is registered as a Leader, so they cannot become an OPD admin through a handover. Please name someone else as the new admin.`,
      otherOpd: (who: string, otherCode: string, code: string) =>
        `${e(who)} is already an admin for ${e(otherCode)}; one person can be the admin of only one OPD. If they really are moving to ${e(code)}, Diskominfo can move them with <code>/pindah @username ${e(code)}</code>; otherwise, please name someone else.`,
    },
    alreadyPending: (code: string, who: string, until: string) =>
      `There is already a request to hand over the admin duties of ${e(code)} to ${e(who)}, awaiting their answer until ${e(until)}. Please wait for the answer, or (if you made the request) first cancel it with <code>/serahterima batal</code> and then send a new request.`,
    sent: (who: string, code: string, until: string) =>
      `The request to hand over the admin duties of <b>${e(code)}</b> has been sent to ${e(who)}. They need to tap <b>Accept</b> by ${e(until)}; you will be told their answer.\nTo cancel: <code>/serahterima batal</code>.`,
    startedNotice: (requester: string, who: string, opdName: string, code: string, until: string) =>
      `Diskominfo (${e(requester)}) has started handing over the admin duties of <b>${e(opdName)} (${e(code)})</b> from you to ${e(who)}, awaiting their answer until ${e(until)}. ` +
      `Once they accept, you will no longer be registered as an admin for ${e(code)}; the reports you sent remain recorded for ${e(code)}. If this is a mistake, please contact Diskominfo.`,
    card: (p: { from: string; requester: string | null; opdName: string; code: string; until: string }) =>
      `🤝 <b>Handover of admin duties</b>\n` +
      `${e(p.from)} ${p.requester ? `(at the request of Diskominfo, ${e(p.requester)}) ` : ''}is handing over the social-media admin duties of <b>${e(p.opdName)} (${e(p.code)})</b> to you.\n\n` +
      'If you tap <b>Accept</b>:\n' +
      `• you become an admin for ${e(p.code)} and report every post of the official accounts of ${e(p.code)} with /lapor;\n` +
      `• ${e(p.from)} is no longer an admin for ${e(p.code)}; their earlier reports remain recorded for ${e(p.code)};\n` +
      `• Diskominfo re-verifies the official accounts of ${e(p.code)};\n` +
      '• both of you receive a checklist for handing over account access (passwords are never sent through the bot).\n\n' +
      `Please tap <b>Accept</b> or <b>Decline</b> by ${e(p.until)}.`,
    acceptButton: '✅ Accept',
    declineButton: '❌ Decline',
    acceptedCard: (card: string) => `${card}\n\n✅ You accepted this handover.`,
    declinedCard: (card: string) => `${card}\n\n❌ You declined this handover.`,
    expiredCard: (card: string) => `${card}\n\n⌛ This request has expired.`,
    voidCard: (card: string) => `${card}\n\n⚠️ This handover is no longer valid.`,
    acceptedAnswer: 'Handover accepted.',
    declinedAnswer: 'Handover declined.',
    expiredAnswer: 'This handover request has expired.',
    voidAnswer: 'This handover is no longer valid.',
    notForYou: 'This button is only for the person the handover is addressed to.',
    alreadyDecided: (status: 'accepted' | 'declined' | 'expired' | 'cancelled') =>
      `This handover ${{ accepted: 'has already been accepted', declined: 'has already been declined', expired: 'has already expired', cancelled: 'has already been cancelled' }[status]}.`,
    expiredNotice: (who: string, code: string) =>
      `⌛ The request to hand over the admin duties of ${e(code)} to ${e(who)} expired (valid for 48 hours) without an answer. Nothing has been changed. Send /serahterima again if it is still needed.`,
    declinedNotice: (who: string, from: string, code: string) =>
      `${e(who)} declined the handover of the admin duties of <b>${e(code)}</b>. Nothing has been changed: ${e(from)} remains an admin for ${e(code)}. If needed, send /serahterima with another person's @username.`,
    /** Why an accepted tap could not take effect (said to the person who tapped). */
    voidReason: {
      fromGone: (from: string, code: string) =>
        `${e(from)} is no longer an admin for ${e(code)}, so this handover is no longer valid. Nothing has been changed. If you still need to become an admin for ${e(code)}, send <code>/daftar ${e(code)}</code>.`,
      superadmin: 'You are a Diskominfo superadmin, so you cannot become an OPD admin through a handover. Nothing has been changed.',
      leader: 'You are registered as a Leader, so you cannot become an OPD admin through a handover. Nothing has been changed. If this needs to change, please contact Diskominfo.',
      otherOpd: (otherCode: string, code: string) =>
        `You are already an admin for ${e(otherCode)}; one person can be the admin of only one OPD, so the handover of ${e(code)} cannot be accepted. Nothing has been changed. If you really are moving to another post, please contact Diskominfo.`,
    },
    voidNotice: (who: string, code: string) =>
      `⚠️ The handover of the admin duties of ${e(code)} to ${e(who)} could not be carried out because the situation has changed (the role of one of the parties has changed). Nothing has been changed. Please check with /saya or contact Diskominfo, then send /serahterima again if it is still needed.`,
    /** The handover checklist; `accounts` are already formatted lines (accounts.account). */
    checklist: (code: string, accounts: readonly string[]) =>
      `<b>Account handover checklist for ${e(code)}</b>\n` +
      (accounts.length > 0
        ? `Official accounts of ${e(code)}:\n${accounts.map((a) => `• ${a}`).join('\n')}\n`
        : `No official accounts are registered for ${e(code)} yet; register them with <code>/akun platform @account</code>.\n`) +
      "☐ Hand over each account's password in person (face to face), <b>not through this bot or a chat</b>. The bot never asks for or stores passwords.\n" +
      '☐ Change the password of every account after the handover.\n' +
      '☐ Move two-factor authentication (2FA) — phone number, email or authenticator app — to the new admin.\n' +
      '☐ Update the recovery email and phone number of each account.\n' +
      "☐ Check the active login sessions and sign out the old admin's devices.\n" +
      "☐ Make sure the new admin is a Page admin / has access in the Facebook and Instagram settings (Meta Business Suite), then remove the old admin's access.",
    acceptedNew: (opdName: string, code: string, from: string, checklist: string) =>
      `✅ You are now a <b>social-media admin for ${e(opdName)} (${e(code)})</b>, taking over from ${e(from)}.\n\n${checklist}\n\n` +
      `<b>Next steps:</b> complete the checklist above together with ${e(from)}, then report every post with <code>/lapor &lt;link&gt;</code>. ` +
      "See your OPD's official accounts with /akun. Type /bantuan for the other commands.",
    acceptedOld: (opdName: string, code: string, who: string, checklist: string) =>
      `🤝 Handover complete: ${e(who)} is now an admin for <b>${e(opdName)} (${e(code)})</b>, and you are no longer registered as an admin for ${e(code)}. ` +
      `The reports you sent remain recorded for ${e(code)}. Thank you for your cooperation.\n\n${checklist}\n\n` +
      `<b>Next steps:</b> complete the checklist above together with ${e(who)} as soon as possible.`,
    acceptedRequester: (code: string, from: string, who: string) =>
      `✅ ${e(who)} accepted the handover: they are now an admin for <b>${e(code)}</b>, taking over from ${e(from)}. The account-access checklist has been sent to both of them.`,
    acceptedSuperadmin: (code: string, opdName: string, from: string, who: string, reset: number) =>
      `🤝 <b>Admin handover for ${e(code)}</b> (${e(opdName)}): ${e(from)} → ${e(who)}, accepted.\n` +
      (reset > 0
        ? `The verification ${reset === 1 ? 'date of 1 official account' : `dates of ${reset} official accounts`} of ${e(code)} ${reset === 1 ? 'has' : 'have'} been cleared. Once you have made sure that account access has been handed over (passwords changed, 2FA moved), verify them again with <code>/akun ${e(code)} verifikasi</code>.`
        : `${e(code)} has no official accounts registered yet; register them with <code>/akun ${e(code)} platform @account</code>.`),
    nothingToCancel: 'You have no handover request that is still awaiting an answer.',
    cancelled: (items: readonly string[]) =>
      `${items.length === 1 ? 'Handover request' : 'Handover requests'} cancelled: ${items.map(e).join('; ')}. Nothing has been changed.`,
    cancelledItem: (code: string, who: string) => `${code} to ${who}`,
    cancelledNotice: (code: string) =>
      `The request to hand over the admin duties of ${e(code)} has been cancelled by the person who made it. The Accept/Decline buttons on the earlier message are no longer valid. Nothing has been changed.`,
    cancelledFromNotice: (code: string) =>
      `The handover of the admin duties of ${e(code)} from you has been cancelled by Diskominfo. You remain an admin for ${e(code)}; nothing has been changed.`,
  },

  opdList: {
    header: (count: number) => `<b>List of OPDs (${count})</b>`,
    line: (code: string, name: string, admins: number) =>
      `<code>${e(code)}</code> — ${e(name)} · ${admins === 0 ? 'no admin yet' : plural(admins, 'admin')}`,
    empty: 'There are no OPDs yet. Import the list of OPDs with <code>npm run kopdar -- opd import file.csv</code>.',
  },
} satisfies Pick<
  Catalogue,
  'roleName' | 'platformName' | 'opdLabel' | 'common' | 'start' | 'help' | 'commands' | 'profile' | 'invite' | 'join' | 'members' | 'handover' | 'opdList'
>;
