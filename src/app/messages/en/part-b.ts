import type { Platform, RefusalReason } from '../../../domain/links/index.ts';
import type { DirectiveStatus, Priority } from '../../../domain/directives/directive.ts';
import { escapeHtml as e } from '../../../domain/text/html.ts';
import { displayHandle } from '../../../domain/links/handle.ts';
import type { MeetupField, RsvpAnswer } from '../../../domain/meetups/meetup.ts';
import type { Catalogue } from '../id.ts';
// A cycle: en.ts spreads enPartB, so load this file through en.ts (never first); `en` is read only inside functions.
import { en } from '../en.ts';

/** A user-supplied link shown back: at most 100 characters, as code (never auto-linked). */
const shown = (url: string): string => `<code>${e(url.length > 100 ? `${url.slice(0, 99)}…` : url)}</code>`;

/** "1 admin", "3 admins": English counts a noun (the Indonesian text does not). */
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * English texts of the sections directive, groupName, dialogue, meetup, community, nudge, report,
 * undo and history. Same keys, signatures, HTML and escaping as the Indonesian catalogue (id.ts);
 * commands and the words typed after them stay Indonesian.
 */
export const enPartB = {
  directive: {
    priorityLabel: { biasa: 'Normal', penting: '⚠️ IMPORTANT', segera: '🚨 URGENT' } satisfies Record<Priority, string>,
    /** The copy every recipient reads. `body` is the author's HTML-escaped text. */
    copy: (p: { id: number; title: string | null; priority: Priority; body: string; deadline: string | null; requireAck: boolean }) =>
      `📣 <b>${p.title ? e(p.title) : 'DIRECTIVE'} #${p.id}</b> · ${en.directive.priorityLabel[p.priority]}\n\n${p.body}` +
      (p.deadline ? `\n\n⏰ Follow-up deadline: <b>${e(p.deadline)}</b>` : '') +
      (p.requireAck ? '\n\nPlease confirm with the button below.' : ''),
    ackButton: '✅ Understood, will do',
    questionButton: '❓ Need clarification',
    followUpButton: '📝 Report follow-up',
    preview: (copy: string, recipients: number, opds: number, groups: readonly string[]) =>
      `<b>Directive preview</b> (not sent yet)\n` +
      `Recipients: <b>${recipients}</b> ${recipients === 1 ? 'admin' : 'admins'} from <b>${opds}</b> ${opds === 1 ? 'OPD' : 'OPDs'}${groups.map((g) => ` + ${g}`).join('')}.\n` +
      'Change the priority or the confirmation with the buttons, then tap Send.\n\n———\n' +
      copy,
    sendButton: '📤 Send',
    cancelButton: '✖️ Cancel',
    // id.ts infers this return type as its two Indonesian literals; until it is typed `: string` there, the cast keeps the signature.
    ackToggle: ((on: boolean): string => (on ? '☑️ Ask for confirmation: yes' : '⬜ Ask for confirmation: no')) as Catalogue['directive']['ackToggle'],
    priorityButton: (priority: Priority, current: boolean) => `${current ? '● ' : ''}${priority}`,
    usage:
      'How to use: <code>/arahan [segera|penting|biasa] [untuk:KODE,KODE or untuk:kecamatan] [batas:YYYY-MM-DD] [tanpa_konfirmasi] directive text</code>\n' +
      'You can also send it as a reply to a photo, video or document: the media is sent along, with the text as its caption.',
    badOption: (which: string) =>
      `The option <code>${e(which)}</code> could not be read. Examples: <code>untuk:DINKES,DINSOS</code>, <code>batas:2026-12-01T15:00</code>.`,
    unknownAudience: (words: readonly string[]) =>
      `Unknown OPD code or OPD type: ${words.map((w) => `<code>${e(w)}</code>`).join(', ')}. See the list of codes with /opd.`,
    noRecipients: 'No admins are registered in the selected OPDs, so the directive cannot be sent. Check the audience, or invite admins with /undang.',
    empty: 'The directive text is empty.',
    tooLong: (max: number) => `The directive text is too long (at most ${max} characters).`,
    deadlinePast: 'The follow-up deadline has already passed. Please choose a time in the future.',
    notDraft: 'This directive has already been sent or cancelled.',
    notYours: 'Only the author of the directive can send or cancel it.',
    sentAnswer: 'The directive is being sent.',
    sent: (id: number, recipients: number) =>
      `📤 Directive #${id} is queued for delivery to ${plural(recipients, 'recipient', 'recipients')}. Follow it with <code>/status_arahan ${id}</code>.`,
    cancelled: (id: number) => `Directive #${id} was cancelled; nothing was sent.`,
    cancelledAnswer: 'Cancelled.',
    updatedAnswer: 'Updated.',
    ackThanks: 'Thank you, your confirmation has been recorded.',
    ackAlready: (name: string, when: string) => `Already confirmed by ${name} on ${when}.`,
    ackNotForYou: 'This directive is not addressed to your OPD.',
    // The acknowledgement comes first, so it survives when the edited copy must be shortened.
    ackedCopy: (copy: string, name: string, code: string, when: string) => `✅ <b>Confirmed</b> by ${e(name)} (${e(code)}) on ${e(when)}.\n\n${copy}`,
    askHow: (id: number) => `Write your question about directive #${id} with the command:\n<code>/tanya ${id} your question</code>`,
    askAnswer: 'Send your question with /tanya.',
    followUpHow: (id: number) => `After posting your follow-up, report it with:\n<code>/lapor #${id} &lt;link&gt;</code>`,
    tanyaUsage: 'How to use: <code>/tanya DIRECTIVE_NUMBER your question</code>, for example <code>/tanya 12 Does this also apply to the UPTs?</code>',
    questionToAuthor: (id: number, name: string, code: string, question: string) =>
      `❓ <b>Question about directive #${id}</b> from ${e(name)} (${e(code)}):\n${e(question)}`,
    questionSent: (id: number) => `Your question about directive #${id} has been passed on to its author. Thank you.`,
    unknown: (id: number) => `Directive #${id} was not found.`,
    undelivered: (directiveId: number, who: string, code: string | null, reason: string) =>
      `⚠️ Directive #${directiveId} could not be delivered to ${e(who)}${code ? ` (${e(code)})` : ''}: ${e(reason)}. See <code>/status_arahan ${directiveId}</code>.`,
    reminder: (copy: string) => `🔔 <b>Reminder:</b> your OPD has not yet confirmed the following directive.\n\n${copy}`,
    deadlineSummary: (id: number, acked: number | null, followed: number, total: number, silent: readonly string[]) =>
      `⏰ <b>The deadline of directive #${id} has arrived.</b>\n` +
      `${acked === null ? '' : `Confirmed: ${acked}/${total} OPDs · `}followed up: ${followed}/${total} OPDs.\n` +
      (silent.length > 0 ? `No response yet: ${silent.map(e).join(', ')}.` : 'Every OPD has responded. Thank you!'),
    statusHeader: (id: number, priority: Priority, when: string) => `<b>Status of directive #${id}</b> · ${priority} · sent ${e(when)}`,
    statusCounts: (p: { sent: number; pending: number; failed: number; total: number; acked: number | null; followed: number; opds: number }) =>
      `Delivered ${p.sent}/${p.total}${p.pending > 0 ? ` (${p.pending} pending)` : ''}${p.failed > 0 ? ` · ${p.failed} failed` : ''}\n` +
      `${p.acked === null ? 'No confirmation requested' : `Confirmed ${p.acked}/${p.opds} OPDs`} · followed up ${p.followed}/${p.opds} OPDs`,
    groupCopy: 'group',
    statusMissing: (label: string, codes: readonly string[]) => `${label}: ${codes.length > 0 ? codes.map(e).join(', ') : '—'}`,
    statusNotAcked: 'Not confirmed yet',
    statusNoFollowUp: 'No follow-up yet',
    statusFailed: 'Not delivered',
    statusUsage: 'How to use: <code>/status_arahan NUMBER</code>; without a number it shows the latest directive.',
    listHeader: '<b>Latest directives</b>',
    listLine: (id: number, when: string, priority: Priority, status: string, excerpt: string) =>
      `#${id} · ${e(when)} · ${priority} · ${e(status)}\n${e(excerpt)}`,
    listEmpty: 'No directives have been sent yet.',
    statusWord: { draft: 'draft', sent: 'sent', cancelled: 'cancelled' } satisfies Record<DirectiveStatus, string>,
  },

  groupName: { komunitas: 'community group', pimpinan: 'leaders group' },

  dialogue: {
    expired: (restart: string) =>
      `⌛ Sorry, time ran out because there was no answer for 15 minutes, so nothing was saved. Please start again with ${restart}.`,
    cancelled: (restart: string) => `✖️ All right, the dialogue was cancelled and nothing was saved. To start again, send ${restart}.`,
    expiredButton: 'Time ran out. Please start again.',
    closedButton: 'This form is already finished or cancelled; nothing was changed.',
    cancelHint: 'Type /batal at any time to cancel.',
  },

  meetup: {
    answerLabel: { hadir: 'Attending', tidak: 'Not attending', mungkin: 'Maybe' } satisfies Record<RsvpAnswer, string>,
    answerButton: (answer: RsvpAnswer, count: number, capacity: number | null) =>
      `${{ hadir: '✅ Attending', tidak: '❌ Not attending', mungkin: '🤔 Maybe' }[answer]} (${count}${answer === 'hadir' && capacity !== null ? `/${capacity}` : ''})`,
    /** The card every admin and the community group read; values escaped here. */
    card: (p: { id: number; title: string; when: string; place: string | null; onlineUrl: string | null; agenda: string | null; capacity: number | null; counts: { hadir: number; tidak: number; mungkin: number; waiting: number }; cancelled: string | null }) =>
      (p.cancelled !== null ? `🚫 <b>CANCELLED</b> — ${e(p.cancelled)}\n\n` : '') +
      `☕ <b>MEETUP #${p.id}: ${e(p.title)}</b>\n` +
      `🗓 When: <b>${e(p.when)}</b>\n` +
      (p.place ? `📍 Place: ${e(p.place)}\n` : '') +
      (p.onlineUrl ? `🔗 Online link: ${e(p.onlineUrl)}\n` : '') +
      (p.agenda ? `📝 Agenda:\n${e(p.agenda)}\n` : '') +
      (p.capacity !== null ? `👥 Capacity: ${plural(p.capacity, 'person', 'people')}\n` : '') +
      `\nAttending ${p.counts.hadir} · Not attending ${p.counts.tidak} · Maybe ${p.counts.mungkin}${p.counts.waiting > 0 ? ` · Waiting list ${p.counts.waiting}` : ''}` +
      (p.cancelled !== null ? '' : '\nPlease choose your answer with the buttons below.'),
    yourAnswer: (card: string, answer: RsvpAnswer, position: number | null) =>
      `${card}\n\n<i>Your answer: ${en.meetup.answerLabel[answer]}${position !== null ? ` (number ${position} on the waiting list)` : ''}.</i>`,
    when: (startWithoutZone: string, endTime: string, zone: string) => `${startWithoutZone}–${endTime} ${zone}`,
    // The dialogue (superadmin)
    askTitle:
      '☕ <b>Creating a new meetup</b> (step 1 of 5)\nWhat is the <b>title</b> of the meetup?\nExample: <code>Kopdar Admin Medsos Desember</code>\n\nType /batal at any time to cancel.',
    askTime: (tz: string) =>
      `<b>Step 2 of 5.</b> When is the meetup? Write the date and start time (${e(tz)}), optionally with an end time.\n` +
      'Examples: <code>25-12-2026 14:00</code>, <code>2026-12-25 14:00</code> or <code>25-12-2026 14:00-16:00</code> (without an end time it lasts 2 hours).',
    askPlace:
      '<b>Step 3 of 5.</b> Where is it held? Write the name of the place, an online link, or both separated by <code>|</code>.\n' +
      'Examples: <code>Aula Diskominfo</code>, <code>https://meet.google.com/abc-defg-hij</code> or <code>Aula Diskominfo | https://meet.google.com/abc-defg-hij</code>',
    askAgenda: '<b>Step 4 of 5.</b> Write a short <b>agenda</b>, or send <code>-</code> if there is none.\nExample: <code>Evaluasi konten bulan ini; berbagi tips Reels</code>',
    askCapacity: '<b>Step 5 of 5.</b> What is the participant <b>capacity</b>? Send a number, or <code>-</code> for no limit.\nExample: <code>40</code>',
    badTitle: (max: number) => `❌ The title must be 3 to ${max} characters long. Please write it again, for example: <code>Kopdar Admin Medsos Desember</code>`,
    badTime: {
      format: '❌ The date and time could not be read.',
      invalid: '❌ That date or time does not exist in the calendar.',
      past: '❌ That time has already passed. A meetup must be scheduled in the future.',
      endBeforeStart: '❌ The end time must be after the start time.',
    },
    badTimeHint: 'Please write it again, for example: <code>25-12-2026 14:00</code> or <code>2026-12-25 14:00</code>.',
    badPlace: (max: number) =>
      `❌ The place could not be read (2 to ${max} characters; a link must start with https://). Please write it again, for example: <code>Aula Diskominfo</code>`,
    badAgenda: (max: number) => `❌ The agenda is too long (at most ${max} characters). Please shorten it, or send <code>-</code> if there is none.`,
    badCapacity: (max: number) => `❌ The capacity must be a number from 1 to ${max}, or <code>-</code> for no limit. Example: <code>40</code>`,
    summary: (card: string, admins: number, group: boolean) =>
      `<b>Meetup summary</b> (not published yet)\nIt will be announced to <b>${admins}</b> ${admins === 1 ? 'admin' : 'admins'}${group ? ' and the community group' : ''}.\n` +
      'Please check it, then choose Publish, Edit or Cancel.\n\n———\n' +
      card,
    summaryPending: 'Please choose one of the buttons below the summary: Publish, Edit or Cancel.',
    publishButton: '📢 Publish',
    editButton: '✏️ Edit',
    cancelButton: '✖️ Cancel',
    chooseField: 'Which part would you like to change?',
    fieldButton: { judul: 'Title', waktu: 'Time', tempat: 'Place', agenda: 'Agenda', kapasitas: 'Capacity' } satisfies Record<MeetupField, string>,
    published: (card: string, meetupId: number, code: string, recipients: number) =>
      `📢 <b>Meetup #${meetupId} published</b> to ${plural(recipients, 'recipient', 'recipients')}.\n` +
      `Check-in code: <code>${e(code)}</code> (valid from 30 minutes before the start until the end; participants send <code>/hadir ${e(code)}</code>).\n` +
      `Follow it with <code>/kopdar ${meetupId}</code>; edit it with <code>/kopdar ${meetupId} ubah …</code>; cancel it with <code>/kopdar ${meetupId} batal alasan</code>.\n\n———\n${card}`,
    publishedAnswer: 'Meetup published.',
    // RSVP
    rsvpThanks: (answer: RsvpAnswer) => `Thank you, your answer has been recorded: ${en.meetup.answerLabel[answer]}.`,
    rsvpSame: (answer: RsvpAnswer) => `Your answer is already recorded: ${en.meetup.answerLabel[answer]}.`,
    waitlisted: (meetupId: number, title: string, position: number) =>
      `⏳ Meetup #${meetupId} (${e(title)}) is full. You are <b>number ${position} on the waiting list</b>; we will let you know if a seat becomes free.`,
    waitlistedAnswer: (position: number) => `The meetup is full: you are number ${position} on the waiting list.`,
    promoted: (meetupId: number, title: string, when: string) =>
      `🎉 A seat is free! You are now <b>registered as attending</b> meetup #${meetupId} (${e(title)}), ${e(when)}. If you cannot make it, please change your answer with the buttons on the invitation.`,
    closed: 'This meetup is over or cancelled; answers can no longer be changed.',
    unknown: (meetupId: number) => `Meetup #${meetupId} was not found. See the upcoming meetups with /kopdar.`,
    // Reminders
    reminder: (kind: 'day' | 'hours', card: string, code: boolean) =>
      `🔔 <b>Meetup reminder: ${kind === 'day' ? 'tomorrow' : 'in 2 hours'}</b>\n` +
      (code ? 'When you arrive, please record your attendance with <code>/hadir KODE</code> (the organisers will show you the code).\n\n' : '\n') +
      card,
    // Check-in
    checkInUsage: 'How to use: <code>/hadir KODE</code>, for example <code>/hadir K7QX2M</code>. The organisers show the code at the meetup venue.',
    unknownCode: (code: string) =>
      `❌ The code <code>${e(code)}</code> is not recognised. Please check the code shown by the organisers, then send <code>/hadir KODE</code>.`,
    tooEarly: (meetupId: number, opens: string, ends: string) =>
      `⏳ Check-in for meetup #${meetupId} is not open yet. This code is valid from <b>${e(opens)}</b> until <b>${e(ends)}</b>. Please send it again then.`,
    tooLate: (meetupId: number, ends: string) =>
      `❌ Check-in for meetup #${meetupId} is closed (the event ended ${e(ends)}). If you attended but were not recorded, please contact the Diskominfo organisers.`,
    checkedIn: (meetupId: number, title: string, opd: string | null) =>
      `✅ Your attendance at meetup #${meetupId} (${e(title)}) has been recorded${opd ? ` for ${e(opd)}` : ''}. Thank you for coming!`,
    alreadyCheckedIn: (meetupId: number, when: string) => `Your attendance at meetup #${meetupId} was already recorded at ${e(when)}.`,
    code: (meetupId: number, code: string, opens: string, ends: string) =>
      `🔑 Check-in code for meetup #${meetupId}: <code>${e(code)}</code>\nShow it to the participants; valid from ${e(opens)} until ${e(ends)}. Participants send <code>/hadir ${e(code)}</code> to the bot.`,
    // Status and list
    listHeader: '<b>Upcoming meetups</b>',
    listLine: (meetupId: number, title: string, when: string, hadir: number) => `#${meetupId} · ${e(when)}\n${e(title)} · ${hadir} attending`,
    listEmpty: 'No meetups have been scheduled yet.',
    listFooterSuperadmin: 'Create a new meetup: <code>/kopdar baru</code> · Details: <code>/kopdar NOMOR</code>',
    listFooter: 'Details and answers: <code>/kopdar NOMOR</code>',
    statusHeader: (meetupId: number) => `<b>Details of meetup #${meetupId}</b>`,
    statusWaiting: (names: readonly string[]) => `Waiting list: ${names.length > 0 ? names.map(e).join(', ') : '—'}`,
    statusAttendance: (people: number, opds: number) =>
      `<b>Attendance:</b> ${plural(people, 'person', 'people')} from ${plural(opds, 'OPD', 'OPDs')}`,
    statusOpdLine: (code: string, said: number, came: number) => `• ${e(code)}: ${said} said they would attend, ${came} came`,
    statusNoAttendance: 'Nobody has checked in yet.',
    statusCodeHint: (meetupId: number) => `Check-in code: <code>/kopdar ${meetupId} kode</code>`,
    // Edit and cancel
    usage:
      'How to use: <code>/kopdar</code> (list), <code>/kopdar NOMOR</code> (details); Diskominfo: <code>/kopdar baru</code>, ' +
      '<code>/kopdar NOMOR kode</code>, <code>/kopdar NOMOR ubah judul|waktu|tempat|agenda|kapasitas NILAI</code>, <code>/kopdar NOMOR batal ALASAN</code>.\n' +
      'Example: <code>/kopdar 3 ubah waktu 26-12-2026 15:00</code>',
    superadminOnly: 'Sorry, only Diskominfo (superadmin) can create, edit or cancel meetups. See the list of meetups with /kopdar.',
    editUsage: (meetupId: number) =>
      `Name the part and its new value, for example <code>/kopdar ${meetupId} ubah waktu 26-12-2026 15:00</code> or <code>/kopdar ${meetupId} ubah kapasitas 50</code>.`,
    cancelUsage: (meetupId: number) =>
      `Give the reason for cancelling, for example <code>/kopdar ${meetupId} batal Bertepatan dengan rapat pimpinan</code>.`,
    alreadyCancelled: (meetupId: number) => `Meetup #${meetupId} has already been cancelled.`,
    alreadyOver: (meetupId: number) => `Meetup #${meetupId} is already over, so it can no longer be edited or cancelled.`,
    edited: (meetupId: number, field: string, told: number) =>
      `✅ ${e(field)} of meetup #${meetupId} changed. ${plural(told, 'person who had answered was', 'people who had answered were')} notified. See the result with <code>/kopdar ${meetupId}</code>.`,
    editedNotice: (field: string, card: string) => `✏️ <b>Change of meetup ${e(field.toLowerCase())}</b>\nPlease check the details again:\n\n${card}`,
    cancelledDone: (meetupId: number, told: number) =>
      `✅ Meetup #${meetupId} cancelled. ${plural(told, 'person who had answered was', 'people who had answered were')} notified.`,
    cancelledNotice: (meetupId: number, title: string, when: string, reason: string) =>
      `🚫 <b>Meetup #${meetupId} cancelled</b>\n${e(title)} (${e(when)})\nReason: ${e(reason)}\nWe apologise for this change; a new date will be announced later.`,
  },

  community: {
    bound: (title: string) =>
      `✅ This group (${e(title)}) is now the kopdar <b>community group</b>: the daily recap will be sent here every working-day morning.`,
    leadersBound: (title: string) =>
      `✅ This group (${e(title)}) is now the kopdar <b>leaders group</b>: every directive will also be sent here.`,
    usage:
      'How to use (in the group itself): <code>/hubungkan komunitas</code> for the social-media admins group (daily recap and directives), or <code>/hubungkan pimpinan</code> for the leaders group (directives).',
  },

  nudge: {
    friendly: (opdName: string, code: string, silence: number, lastPost: string | null) =>
      `👋 Good morning, admin of <b>${e(opdName)} (${e(code)})</b>.\n` +
      `No post by ${e(code)} has been reported for <b>${plural(silence, 'working day', 'working days')}</b>. ${lastPost ? `Last report: ${e(lastPost)}.` : 'There has never been a report.'}\n\n` +
      'Please post some content today, then report its link with <code>/lapor &lt;link&gt;</code>. Thank you!',
    firm: (opdName: string, code: string, silence: number, lastPost: string | null) =>
      `⚠️ Admin of <b>${e(opdName)} (${e(code)})</b>, the social-media accounts of ${e(code)} have gone <b>${plural(silence, 'working day', 'working days')}</b> without a reported post. ${lastPost ? `Last report: ${e(lastPost)}.` : 'There has never been a report.'}\n\n` +
      'Please post content today and report it with <code>/lapor &lt;link&gt;</code>. If something is in the way, reply to Diskominfo.',
    escalation: (opdName: string, code: string, silence: number, lastPost: string | null, admins: readonly string[]) =>
      `🚨 <b>Escalation: ${e(opdName)} (${e(code)})</b>\n` +
      `<b>${plural(silence, 'working day', 'working days')}</b> without a reported post. ${lastPost ? `Last report: ${e(lastPost)}.` : 'There has never been a report.'}\n` +
      `Admins: ${admins.length > 0 ? admins.map(e).join(', ') : '—'}.\n` +
      'Please give directions so that this OPD becomes active again.',
    reportButton: '📝 Report now',
    reportHowTo:
      'Send the link of the post like this:\n<code>/lapor https://www.instagram.com/p/ABC123/</code>\nCopy the link with the Share → Copy link button in the app.',
    reportHowToAnswer: 'Send /lapor followed by the link of the post.',
    noAdmin: (lines: readonly string[]) =>
      `📋 <b>OPDs without an admin (${lines.length})</b>\nThese OPDs cannot be reminded until an admin is registered. Send an invitation with <code>/undang KODE</code>.\n\n${lines.join('\n')}`,
    noAdminLine: (code: string, name: string) => `• <code>${e(code)}</code> — ${e(name)}`,
    digest: (p: { date: string; active: number; total: number; top: readonly { code: string; posts: number }[]; quiet: number; named: readonly string[] }) =>
      `☀️ <b>Daily recap since ${e(p.date)}</b>\n` +
      `<b>${p.active} of ${p.total} OPDs</b> reported posts.` +
      (p.top.length > 0 ? `\n🙏 Thank you to ${p.top.map((t) => `<b>${e(t.code)}</b> (${t.posts})`).join(', ')} for their posts!` : '') +
      `\n\n${p.quiet === 1 ? '1 OPD is past its target and has' : `${p.quiet} OPDs are past their target and have`} not reported yet.` +
      (p.named.length > 0 ? ` Needing attention: ${p.named.map(e).join(', ')}. Keep it up, we look forward to your posts!` : ''),
    never: 'never',
    dryRunHeader: (date: string, working: boolean) =>
      working ? `Reminder plan for ${date} (dry run, nothing is sent):` : `${date} is not a working day: no reminders.`,
  },

  report: {
    recorded: (platform: Platform, code: string, opdName: string, weekCount: number) =>
      `✅ ${en.platformName[platform]} — recorded for <b>${e(code)}</b> (${e(opdName)}). Posts by ${e(code)} this week: <b>${weekCount}</b>.`,
    duplicate: (url: string, when: string, code: string) =>
      `🔁 Already reported on ${e(when)} for <b>${e(code)}</b>: ${e(url)}\nNot recorded twice.`,
    duplicateInMessage: (url: string) => `🔁 This link appears twice in your message; it is recorded only once: ${e(url)}`,
    // Refused links are echoed shortened and as code, so a look-alike is never a tappable link.
    refused: {
      not_a_post: (url: string) =>
        `❌ This is a link to a profile/page, not to a single post: ${shown(url)}\nOpen the post, tap Share → Copy link, then send it again.`,
      unsupported_site: (url: string) =>
        `❌ This site is not supported: ${shown(url)}\nSupported: Instagram, Facebook, TikTok, YouTube, X/Twitter and Threads.`,
      lookalike_host: (url: string) =>
        `❌ This site address looks like an official social-media site, but it is not one: ${shown(url)}\nPlease check the link; it may be fake. Copy it again from the official app.`,
      credentials: () =>
        '❌ This link contains a user name or password, so for security we do not store it. Copy the link again with the Share button.',
      bad_scheme: (url: string) => `❌ Only http/https links are accepted: ${shown(url)}`,
      too_long: () => '❌ The link is too long (more than 2,048 characters). Copy a short link again with the Share button.',
      malformed: (url: string) => `❌ The link could not be read: ${shown(url)}\nCopy it again with the Share button.`,
    } satisfies Record<RefusalReason, (url: string) => string>,
    unknownOpd: (code: string) =>
      `❌ No OPD with the code <b>${e(code)}</b> was found, so nothing was recorded. Check the code (list of codes: /opd), then send: <code>/lapor KODE_OPD &lt;link&gt;</code>.`,
    unknownDirective: (id: number, code: string) =>
      `❌ Directive #${id} was not found or is not addressed to ${e(code)}, so nothing was recorded. Check the number with /arahan_list, or report without <code>#${id}</code>.`,
    asFollowUp: (id: number) => ` Recorded as a follow-up to directive #${id}.`,
    /** A second line under ✅ when the link shows an account that is not one of the OPD's official accounts. */
    unregisteredAccount: (platform: Platform, handle: string, code: string) =>
      `⚠️ The account <b>${e(displayHandle(platform, handle))}</b> is not registered as an official ${e(code)} account on ${en.platformName[platform]}. ` +
      `If it is an official ${e(code)} account, register it with <code>/akun ${e(code)} ${platform} ${e(displayHandle(platform, handle))}</code>.`,
    linkedAsFollowUp: (platform: Platform, code: string, directiveId: number) =>
      `✅ The already recorded ${en.platformName[platform]} post by ${e(code)} is now marked as a follow-up to directive #${directiveId}.`,
    adminWithoutOpd: '❌ Your account is not linked to any OPD yet, so the report cannot be recorded. Please contact Diskominfo.',
    tooMany: (max: number, skipped: number) =>
      `❌ At most ${max} links are processed per message; ${plural(skipped, 'other link was', 'other links were')} not recorded. Please send the rest in another message.`,
    noLink:
      '❌ There is no link in your message.\nExample: <code>/lapor https://www.instagram.com/p/ABC123/ Sosialisasi imunisasi</code>\nOr reply to a message that contains the link with <code>/lapor</code>.',
    superadminNeedsOpd:
      '❌ As a superadmin, please name the OPD: <code>/lapor KODE_OPD &lt;link&gt;</code>, for example <code>/lapor DINKES https://www.instagram.com/p/ABC123/</code>.',
    notYourOpd: (named: string, own: string) =>
      `❌ You are an admin of ${e(own)}, so you cannot report for ${e(named)}. Send it again without the OPD code: <code>/lapor &lt;link&gt;</code>.`,
  },

  undo: {
    done: (platform: Platform, url: string, when: string) =>
      `The ${en.platformName[platform]} report from ${e(when)} has been cancelled:\n${e(url)}`,
    nothing: 'You have no report from the last 24 hours that can be cancelled.',
  },

  history: {
    header: (code: string, opdName: string) => `<b>Latest reports of ${e(code)}</b> (${e(opdName)})`,
    line: (n: number, when: string, platform: Platform, url: string, by: string) =>
      `${n}. ${e(when)} · ${en.platformName[platform]} · ${e(by)}\n${e(url)}`,
    empty: (code: string) => `There are no reports for ${e(code)} yet. Report a post with <code>/lapor &lt;link&gt;</code>.`,
    ownOnly: (named: string, own: string) =>
      `The history of ${e(named)} can only be viewed by Diskominfo and leaders; here is the history of your OPD, ${e(own)}.`,
    superadminUsage: 'How to use: <code>/riwayat KODE_OPD</code>, for example <code>/riwayat DINKES</code>.',
  },
} satisfies Pick<Catalogue, 'directive' | 'groupName' | 'dialogue' | 'meetup' | 'community' | 'nudge' | 'report' | 'undo' | 'history'>;
