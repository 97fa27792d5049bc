import type { Platform, RefusalReason } from '../../domain/links/index.ts';
import type { Role } from '../../domain/roles.ts';
import type { DirectiveStatus, Priority } from '../../domain/directives/directive.ts';
import { escapeAttribute, escapeHtml as e } from '../../domain/text/html.ts';
import { weekdayOf, type LocalDate } from '../../domain/calendar/local-date.ts';
import { nameWeekdayRuns } from '../../domain/calendar/weekdays.ts';
import { formatDateId, formatDateTimeId } from '../../domain/time/format.ts';
import type { KpiComponentKey, KpiWeights } from '../../domain/recap/kpi.ts';
import { isQuiet, weekSpan, type OpdRecap, type Recap, type RecapPeriod, type TargetStatus } from '../../domain/recap/recap.ts';
import { formatNumberId, monthNames } from '../../domain/time/format.ts';
import { displayHandle } from '../../domain/links/handle.ts';
import type { MeetupField, RsvpAnswer } from '../../domain/meetups/meetup.ts';
import type { SettingProblem } from '../settings/definitions.ts';

/** A user-supplied link shown back: at most 100 characters, as code (never auto-linked). */
const shown = (url: string): string => `<code>${e(url.length > 100 ? `${url.slice(0, 99)}…` : url)}</code>`;

/**
 * Every text a user reads, in Indonesian (the default locale). Values that come from users or
 * the database are escaped here, because all messages are sent in HTML parse mode.
 */
export const id = {
  roleName: {
    superadmin: 'Superadmin Diskominfo',
    leader: 'Pimpinan',
    admin: 'Admin medsos OPD',
    none: 'Belum terdaftar',
  } satisfies Record<Role, string>,
  platformName: {
    instagram: 'Instagram',
    facebook: 'Facebook',
    tiktok: 'TikTok',
    youtube: 'YouTube',
    x: 'X (Twitter)',
    threads: 'Threads',
  } satisfies Record<Platform, string>,

  /** Dates, times and numbers as this language writes them. */
  format: {
    /** "23 November 2026 08.05 WIB". */
    dateTime: (instant: Date, timeZone: string): string => formatDateTimeId(instant, timeZone),
    /** "23 November 2026". */
    date: (instant: Date, timeZone: string): string => formatDateId(instant, timeZone),
    /** "1.234" and "72,6". */
    number: (value: number): string => formatNumberId(value),
  },

  /** "Dinas Kesehatan (DINKES)": how an OPD is named in running text (escape when inserting). */
  opdLabel: (name: string, code: string) => `${name} (${code})`,

  common: {
    unexpectedError:
      'Mohon maaf, terjadi kendala saat memproses permintaan Bapak/Ibu. Silakan coba lagi beberapa saat lagi. Bila masih berulang, mohon hubungi Diskominfo.',
    notRegistered: (name: string) =>
      `Halo, ${e(name)}! Anda belum terdaftar sebagai admin media sosial OPD di bot ini.\n\n` +
      'Cara bergabung:\n' +
      '1. Minta <b>tautan undangan</b> ke Diskominfo, lalu buka tautan tersebut; atau\n' +
      '2. Kirim <code>/daftar KODE_OPD</code> (contoh: <code>/daftar DINKES</code>) lalu tunggu persetujuan Diskominfo.',
    notAllowed: (command: string) =>
      `Maaf, perintah /${e(command)} tidak tersedia untuk peran Anda. Ketik /bantuan untuk melihat perintah yang bisa Anda pakai.`,
    privateOnly: (command: string, bot: string) =>
      `Perintah /${e(command)} hanya bisa dipakai di chat pribadi dengan bot. Silakan buka @${e(bot)} lalu kirim perintahnya di sana.`,
    groupOnly: (command: string) => `Perintah /${e(command)} hanya bisa dipakai di grup.`,
    unknownCommand: 'Perintah tidak dikenal. Ketik /bantuan untuk melihat daftar perintah yang bisa Anda pakai.',
    invalidInput: (usage: string) => `Format perintah belum tepat.\n${usage}`,
    unknownOpd: (code: string) =>
      `OPD dengan kode <b>${e(code)}</b> tidak ditemukan. Periksa kembali kodenya; Diskominfo dapat melihat daftar kode dengan /opd.`,
    personNotFound: (who: string) =>
      `Pengguna ${e(who)} belum dikenal bot. Pastikan ia sudah pernah mengirim pesan ke bot, lalu sebutkan @username atau ID Telegram-nya.`,
    buttonExpired: 'Tombol ini sudah tidak berlaku.',
  },

  start: {
    welcomeBack: (name: string, role: Role, opd: string | null) =>
      `Selamat datang kembali, ${e(name)}. Anda terdaftar sebagai <b>${id.roleName[role]}</b>${opd ? ` untuk <b>${e(opd)}</b>` : ''}.\nKetik /bantuan untuk melihat perintah yang bisa Anda pakai.`,
    invitationAccepted: (name: string, opdName: string, code: string) =>
      `Selamat bergabung, ${e(name)}! Anda sekarang <b>admin media sosial ${e(opdName)} (${e(code)})</b>.\n\n` +
      'Setiap kali akun OPD Anda mengunggah postingan, laporkan tautannya:\n' +
      '<code>/lapor https://www.instagram.com/p/ABC123/</code>\n' +
      'Ketik /bantuan untuk perintah lainnya.',
    leaderInvitationAccepted: (name: string) =>
      `Selamat bergabung, ${e(name)}. Anda terdaftar sebagai <b>Pimpinan</b>. Ketik /bantuan untuk melihat perintah yang tersedia.`,
    invitationInvalid:
      'Tautan undangan ini tidak dikenal. Pastikan Anda membuka tautan lengkap yang dikirim Diskominfo, atau minta tautan baru.',
    invitationExpired: 'Tautan undangan ini sudah kedaluwarsa (berlaku 7 hari). Mohon minta tautan baru ke Diskominfo.',
    invitationUsed: 'Tautan undangan ini sudah dipakai. Setiap tautan hanya berlaku sekali; mohon minta tautan baru ke Diskominfo.',
    invitationMoved: (name: string, fromCode: string, opdName: string, code: string) =>
      `Selamat datang, ${e(name)}. Anda dipindahkan dari ${e(fromCode)} dan sekarang <b>admin media sosial ${e(opdName)} (${e(code)})</b>. Laporan lama Anda tetap tercatat untuk ${e(fromCode)}.`,
    invitationNotForLeader:
      'Anda terdaftar sebagai Pimpinan, jadi tautan undangan admin ini tidak dipakai dan tetap berlaku. Teruskan tautannya ke admin OPD yang dituju.',
    invitationNotForSuperadmin:
      'Anda superadmin, jadi tautan undangan ini tidak dipakai dan tetap berlaku. Teruskan tautannya ke calon admin.',
    inviterNotice: (name: string, code: string) => `✅ ${e(name)} telah bergabung sebagai admin ${e(code)} melalui tautan undangan.`,
    inviterLeaderNotice: (name: string) => `✅ ${e(name)} telah bergabung sebagai Pimpinan melalui tautan undangan.`,
  },

  help: {
    header: (role: Role) => `<b>Perintah untuk ${id.roleName[role]}</b>`,
    line: (command: string, usage: string, description: string) => `/${command}${usage ? ` ${e(usage)}` : ''} — ${description}`,
    footer: 'Butuh bantuan lebih lanjut? Hubungi Diskominfo.',
  },

  commands: {
    start: { description: 'Mulai / gabung dengan tautan undangan', usage: '' },
    bantuan: { description: 'Daftar perintah yang bisa Anda pakai', usage: '' },
    saya: { description: 'Profil saya dan OPD saya', usage: '' },
    daftar: { description: 'Minta bergabung sebagai admin sebuah OPD', usage: 'KODE_OPD' },
    lapor: { description: 'Laporkan tautan postingan OPD', usage: '<tautan> [keterangan]' },
    laporSuperadmin: { description: 'Laporkan postingan atas nama sebuah OPD', usage: 'KODE_OPD <tautan>' },
    batal: { description: 'Batalkan laporan terakhir saya (maks. 24 jam), atau dialog yang sedang berjalan', usage: '' },
    riwayat: { description: '10 laporan terakhir OPD saya', usage: '' },
    riwayatSuperadmin: { description: '10 laporan terakhir sebuah OPD', usage: 'KODE_OPD' },
    undang: { description: 'Buat tautan undangan admin OPD (atau pimpinan)', usage: 'KODE_OPD | pimpinan [KODE_OPD]' },
    cabut: { description: 'Cabut status admin atau pimpinan seseorang', usage: '@username | ID' },
    pindah: { description: 'Pindahkan admin ke OPD lain', usage: '@username | ID KODE_OPD' },
    opd: { description: 'Daftar OPD dan jumlah adminnya', usage: '' },
    hubungkan: { description: 'Jadikan grup ini grup komunitas atau grup pimpinan', usage: 'komunitas | pimpinan' },
    arahan: { description: 'Kirim arahan prioritas ke admin OPD', usage: '[segera|penting|biasa] [untuk:KODE] teks' },
    statusArahan: { description: 'Status pengiriman, konfirmasi dan tindak lanjut arahan', usage: '[NOMOR]' },
    arahanList: { description: 'Arahan terbaru', usage: '' },
    tanya: { description: 'Tanyakan sesuatu tentang sebuah arahan', usage: 'NOMOR pertanyaan' },
    kopdar: { description: 'Kopdar yang akan datang; rincian jawaban dan kehadiran', usage: '[NOMOR]' },
    kopdarSuperadmin: { description: 'Buat, pantau, ubah atau batalkan kopdar', usage: 'baru | NOMOR [kode | ubah BAGIAN NILAI | batal ALASAN]' },
    hadir: { description: 'Catat kehadiran di kopdar dengan kode dari panitia', usage: 'KODE' },
  },

  profile: {
    card: (p: { name: string; username: string | null; role: Role; opd: string | null; telegramId: string }) =>
      `👤 <b>${e(p.name)}</b>${p.username ? ` (@${e(p.username)})` : ''}\n` +
      `Peran: ${id.roleName[p.role]}\n` +
      `OPD: ${p.opd ? e(p.opd) : '—'}\n` +
      `ID Telegram: <code>${e(p.telegramId)}</code>`,
  },

  invite: {
    usage:
      'Cara pakai: <code>/undang KODE_OPD</code> (contoh: <code>/undang DINKES</code>), <code>/undang pimpinan</code>, atau <code>/undang pimpinan KODE_OPD</code> untuk kepala OPD (menerima eskalasi OPD tersebut).',
    created: (target: string, link: string, until: string) =>
      `Tautan undangan untuk <b>${e(target)}</b>, berlaku sampai ${e(until)} dan hanya bisa dipakai sekali:\n${e(link)}\n\nKirimkan tautan ini kepada orang yang dituju. Begitu ia membuka tautan dan menekan <b>MULAI</b>/<b>START</b>, ia langsung terdaftar.`,
    leaderTarget: 'Pimpinan',
    headTarget: (opdName: string, code: string) => `Pimpinan (kepala) ${opdName} (${code})`,
    adminTarget: (opdName: string, code: string) => `admin ${opdName} (${code})`,
  },

  join: {
    usage: 'Cara pakai: <code>/daftar KODE_OPD</code>, contoh <code>/daftar DINKES</code>. Tanyakan kode OPD Anda ke Diskominfo.',
    alreadyMember: (code: string) => `Anda sudah terdaftar sebagai admin ${e(code)}. Tidak perlu mendaftar lagi.`,
    alreadyPending: (code: string) => `Permintaan Anda untuk bergabung dengan ${e(code)} masih menunggu keputusan Diskominfo. Mohon ditunggu.`,
    superadminNeedsNoJoin: 'Anda superadmin; tidak perlu mendaftar ke OPD.',
    sent: (opdName: string, code: string) =>
      `Permintaan Anda untuk menjadi admin <b>${e(opdName)} (${e(code)})</b> sudah dikirim ke Diskominfo. Anda akan diberi tahu begitu diputuskan.`,
    noSuperadmin: 'Saat ini belum ada superadmin yang bisa menyetujui permintaan. Mohon hubungi Diskominfo secara langsung.',
    requestCard: (name: string, username: string | null, telegramId: string, opdName: string, code: string) =>
      `📝 <b>Permintaan bergabung</b>\n${e(name)}${username ? ` (@${e(username)})` : ''}, ID <code>${e(telegramId)}</code>, ingin menjadi admin <b>${e(opdName)} (${e(code)})</b>.`,
    approveButton: '✅ Setujui',
    rejectButton: '❌ Tolak',
    approvedCard: (card: string, by: string) => `${card}\n\n✅ Disetujui oleh ${e(by)}.`,
    rejectedCard: (card: string, by: string) => `${card}\n\n❌ Ditolak oleh ${e(by)}.`,
    approvedAnswer: 'Permintaan disetujui.',
    rejectedAnswer: 'Permintaan ditolak.',
    alreadyDecided: 'Permintaan ini sudah diputuskan sebelumnya.',
    approvedNotice: (opdName: string, code: string) =>
      `✅ Permintaan Anda disetujui. Anda sekarang admin media sosial <b>${e(opdName)} (${e(code)})</b>.\nLaporkan setiap postingan dengan <code>/lapor &lt;tautan&gt;</code>. Ketik /bantuan untuk perintah lainnya.`,
    rejectedNotice: (code: string) =>
      `Mohon maaf, permintaan Anda untuk menjadi admin ${e(code)} belum dapat disetujui. Silakan hubungi Diskominfo untuk keterangan lebih lanjut.`,
  },

  members: {
    revokeUsage: 'Cara pakai: <code>/cabut @username</code> atau <code>/cabut ID_TELEGRAM</code>.',
    moveUsage: 'Cara pakai: <code>/pindah @username KODE_OPD</code>, contoh <code>/pindah @budi DINSOS</code>.',
    notAdmin: (name: string) => `${e(name)} bukan admin OPD maupun pimpinan.`,
    leaderRevoked: (name: string) => `${e(name)} tidak lagi terdaftar sebagai pimpinan.`,
    leaderRevokedNotice: 'Anda tidak lagi terdaftar sebagai pimpinan di bot ini. Bila ini keliru, mohon hubungi Diskominfo.',
    cannotChangeSuperadmin: 'Superadmin diatur lewat SUPERADMIN_IDS di konfigurasi, tidak lewat perintah ini.',
    revoked: (name: string, code: string) =>
      `${e(name)} tidak lagi menjadi admin ${e(code)}. Laporan yang pernah ia kirim tetap tercatat untuk ${e(code)}.`,
    revokedNotice: (opdName: string) =>
      `Anda tidak lagi terdaftar sebagai admin ${e(opdName)}. Terima kasih atas kerja samanya. Bila ini keliru, mohon hubungi Diskominfo.`,
    moved: (name: string, from: string, to: string) =>
      `${e(name)} dipindahkan dari ${e(from)} ke ${e(to)}. Laporan lamanya tetap tercatat untuk ${e(from)}.`,
    movedNotice: (opdName: string, code: string) =>
      `Anda sekarang terdaftar sebagai admin <b>${e(opdName)} (${e(code)})</b>. Laporan berikutnya akan dicatat untuk OPD ini.`,
    sameOpd: (name: string, code: string) => `${e(name)} sudah menjadi admin ${e(code)}.`,
  },

  /** /serahterima: an OPD's admin duties handed over to another person (serah terima). */
  handover: {
    helpAdmin: { description: 'Serah terima tugas admin OPD saya kepada admin baru', usage: '@username_baru | batal' },
    helpSuperadmin: { description: 'Serah terima tugas admin sebuah OPD kepada admin baru', usage: 'KODE_OPD [@admin_lama] @admin_baru | batal' },
    usage:
      'Cara pakai:\n' +
      '<code>/serahterima @username_baru</code> — serahkan tugas admin OPD Anda, contoh <code>/serahterima @rina_dinkes</code> (boleh juga ID Telegram-nya)\n' +
      '<code>/serahterima batal</code> — batalkan permintaan serah terima yang belum dijawab\n' +
      'Diskominfo: <code>/serahterima KODE_OPD @admin_baru</code> (OPD dengan satu admin) atau <code>/serahterima KODE_OPD @admin_lama @admin_baru</code>.',
    /** "Rina Wati (@rina)": a person as named in these texts (escaped by the text that shows it). */
    person: (name: string, username: string | null) => (username ? `${name} (@${username})` : name),
    needsOpd: 'Sebutkan kode OPD-nya, contoh <code>/serahterima DINKES @admin_baru</code> atau <code>/serahterima DINKES @admin_lama @admin_baru</code>. Daftar kode: /opd.',
    adminWithoutOpd: 'Akun Telegram Anda belum terhubung dengan OPD mana pun, jadi tidak ada tugas admin yang dapat diserahterimakan. Mohon hubungi Diskominfo.',
    adminNamesOwnOnly: 'Sebagai admin, Anda menyerahkan tugas Anda sendiri. Cukup sebutkan admin barunya: <code>/serahterima @username_baru</code>.',
    notYourOpd: (named: string, own: string) =>
      `Anda admin ${e(own)}, jadi hanya dapat menyerahterimakan tugas admin ${e(own)}, bukan ${e(named)}. Kirim ulang tanpa kode OPD: <code>/serahterima @username_baru</code>.`,
    noAdmin: (code: string) =>
      `${e(code)} belum punya admin, jadi tidak ada tugas yang diserahterimakan. Buat tautan undangan untuk admin barunya dengan <code>/undang ${e(code)}</code>.`,
    severalAdmins: (code: string, names: readonly string[]) =>
      `${e(code)} punya ${names.length} admin: ${names.map(e).join(', ')}. Sebutkan admin lama yang menyerahkan tugasnya, contoh <code>/serahterima ${e(code)} @admin_lama @admin_baru</code>.`,
    notAdminOf: (who: string, code: string) =>
      `${e(who)} bukan admin ${e(code)}, jadi tidak dapat menyerahkan tugas admin ${e(code)}. Periksa kembali admin lamanya, atau tulis <code>/serahterima ${e(code)} @admin_baru</code> bila ${e(code)} hanya punya satu admin.`,
    unknownNewAdmin: (who: string, bot: string) =>
      `${e(who)} belum pernah membuka bot ini, jadi bot belum dapat mengirim pesan kepadanya. Mohon minta ia membuka @${e(bot)} dan mengirim /start, lalu kirim ulang perintah serah terima ini.`,
    /** Why the named person cannot take over (said to whoever asked for the handover). */
    refusal: {
      self: 'Admin baru harus orang lain, bukan admin yang menyerahkan tugasnya. Sebutkan @username admin baru.',
      superadmin: (who: string) =>
        `${e(who)} adalah superadmin Diskominfo, jadi tidak dapat menjadi admin OPD lewat serah terima. Sebutkan orang lain sebagai admin baru.`,
      leader: (who: string) =>
        `${e(who)} terdaftar sebagai Pimpinan, jadi tidak dapat menjadi admin OPD lewat serah terima. Sebutkan orang lain sebagai admin baru.`,
      otherOpd: (who: string, otherCode: string, code: string) =>
        `${e(who)} sudah menjadi admin ${e(otherCode)}; satu orang hanya dapat menjadi admin satu OPD. Bila ia memang pindah tugas ke ${e(code)}, Diskominfo dapat memindahkannya dengan <code>/pindah @username ${e(code)}</code>; atau sebutkan orang lain.`,
    },
    alreadyPending: (code: string, who: string, until: string) =>
      `Sudah ada permintaan serah terima tugas admin ${e(code)} kepada ${e(who)} yang menunggu jawabannya sampai ${e(until)}. Tunggu jawabannya, atau (bila Anda yang memintanya) batalkan dulu dengan <code>/serahterima batal</code> lalu kirim permintaan baru.`,
    sent: (who: string, code: string, until: string) =>
      `Permintaan serah terima tugas admin <b>${e(code)}</b> telah dikirim kepada ${e(who)}. Ia perlu menekan <b>Terima</b> sampai ${e(until)}; Anda akan diberi tahu jawabannya.\nUntuk membatalkan: <code>/serahterima batal</code>.`,
    startedNotice: (requester: string, who: string, opdName: string, code: string, until: string) =>
      `Diskominfo (${e(requester)}) memulai serah terima tugas admin <b>${e(opdName)} (${e(code)})</b> dari Anda kepada ${e(who)}, menunggu jawabannya sampai ${e(until)}. ` +
      `Begitu ia menerima, Anda tidak lagi terdaftar sebagai admin ${e(code)}; laporan yang pernah Anda kirim tetap tercatat untuk ${e(code)}. Bila ini keliru, mohon hubungi Diskominfo.`,
    card: (p: { from: string; requester: string | null; opdName: string; code: string; until: string }) =>
      `🤝 <b>Serah terima tugas admin</b>\n` +
      `${e(p.from)} ${p.requester ? `(atas permintaan Diskominfo, ${e(p.requester)}) ` : ''}menyerahkan tugas admin media sosial <b>${e(p.opdName)} (${e(p.code)})</b> kepada Anda.\n\n` +
      'Bila Anda menekan <b>Terima</b>:\n' +
      `• Anda menjadi admin ${e(p.code)} dan melaporkan setiap postingan akun resmi ${e(p.code)} dengan /lapor;\n` +
      `• ${e(p.from)} tidak lagi menjadi admin ${e(p.code)}; laporan lamanya tetap tercatat untuk ${e(p.code)};\n` +
      `• Diskominfo memverifikasi ulang akun resmi ${e(p.code)};\n` +
      '• Anda berdua menerima daftar periksa serah terima akses akun (kata sandi tidak pernah dikirim lewat bot).\n\n' +
      `Tekan <b>Terima</b> atau <b>Tolak</b> sampai ${e(p.until)}.`,
    acceptButton: '✅ Terima',
    declineButton: '❌ Tolak',
    acceptedCard: (card: string) => `${card}\n\n✅ Anda menerima serah terima ini.`,
    declinedCard: (card: string) => `${card}\n\n❌ Anda menolak serah terima ini.`,
    expiredCard: (card: string) => `${card}\n\n⌛ Permintaan ini sudah kedaluwarsa.`,
    voidCard: (card: string) => `${card}\n\n⚠️ Serah terima ini tidak berlaku lagi.`,
    acceptedAnswer: 'Serah terima diterima.',
    declinedAnswer: 'Serah terima ditolak.',
    expiredAnswer: 'Permintaan serah terima ini sudah kedaluwarsa.',
    voidAnswer: 'Serah terima ini tidak berlaku lagi.',
    notForYou: 'Tombol ini hanya untuk orang yang dituju serah terima.',
    alreadyDecided: (status: 'accepted' | 'declined' | 'expired' | 'cancelled') =>
      `Serah terima ini sudah ${{ accepted: 'diterima', declined: 'ditolak', expired: 'kedaluwarsa', cancelled: 'dibatalkan' }[status]}.`,
    expiredNotice: (who: string, code: string) =>
      `⌛ Permintaan serah terima tugas admin ${e(code)} kepada ${e(who)} kedaluwarsa (berlaku 48 jam) tanpa jawaban. Tidak ada yang berubah. Kirim ulang /serahterima bila masih diperlukan.`,
    declinedNotice: (who: string, from: string, code: string) =>
      `${e(who)} menolak serah terima tugas admin <b>${e(code)}</b>. Tidak ada yang berubah: ${e(from)} tetap admin ${e(code)}. Bila perlu, kirim /serahterima dengan @username orang lain.`,
    /** Why an accepted tap could not take effect (said to the person who tapped). */
    voidReason: {
      fromGone: (from: string, code: string) =>
        `${e(from)} sudah tidak lagi menjadi admin ${e(code)}, jadi serah terima ini tidak berlaku lagi. Tidak ada yang berubah. Bila Anda tetap perlu menjadi admin ${e(code)}, kirim <code>/daftar ${e(code)}</code>.`,
      superadmin: 'Anda superadmin Diskominfo, jadi tidak dapat menjadi admin OPD lewat serah terima. Tidak ada yang berubah.',
      leader: 'Anda terdaftar sebagai Pimpinan, jadi tidak dapat menjadi admin OPD lewat serah terima. Tidak ada yang berubah. Bila ini perlu diubah, mohon hubungi Diskominfo.',
      otherOpd: (otherCode: string, code: string) =>
        `Anda sudah menjadi admin ${e(otherCode)}; satu orang hanya dapat menjadi admin satu OPD, jadi serah terima ${e(code)} tidak dapat diterima. Tidak ada yang berubah. Bila Anda memang pindah tugas, mohon hubungi Diskominfo.`,
    },
    voidNotice: (who: string, code: string) =>
      `⚠️ Serah terima tugas admin ${e(code)} kepada ${e(who)} tidak dapat dilaksanakan karena keadaannya sudah berubah (peran salah satu pihak berubah). Tidak ada yang berubah. Periksa dengan /saya atau hubungi Diskominfo, lalu kirim /serahterima lagi bila masih diperlukan.`,
    /** The handover checklist; `accounts` are already formatted lines (accounts.account). */
    checklist: (code: string, accounts: readonly string[]) =>
      `<b>Daftar periksa serah terima akun ${e(code)}</b>\n` +
      (accounts.length > 0
        ? `Akun resmi ${e(code)}:\n${accounts.map((a) => `• ${a}`).join('\n')}\n`
        : `Belum ada akun resmi terdaftar untuk ${e(code)}; daftarkan dengan <code>/akun platform @akun</code>.\n`) +
      '☐ Serahkan kata sandi setiap akun secara langsung (bertatap muka), <b>bukan lewat bot ini atau chat</b>. Bot tidak pernah meminta maupun menyimpan kata sandi.\n' +
      '☐ Ganti kata sandi setiap akun setelah serah terima.\n' +
      '☐ Pindahkan autentikasi dua faktor (2FA): nomor HP, email, atau aplikasi autentikator, ke admin baru.\n' +
      '☐ Perbarui email dan nomor HP pemulihan akun.\n' +
      '☐ Periksa sesi login aktif dan keluarkan perangkat admin lama.\n' +
      '☐ Pastikan admin baru sudah menjadi admin Halaman / pemegang akses di pengaturan Facebook dan Instagram (Meta Business Suite), lalu cabut akses admin lama.',
    acceptedNew: (opdName: string, code: string, from: string, checklist: string) =>
      `✅ Anda sekarang <b>admin media sosial ${e(opdName)} (${e(code)})</b>, menggantikan ${e(from)}.\n\n${checklist}\n\n` +
      `<b>Langkah berikutnya:</b> selesaikan daftar periksa di atas bersama ${e(from)}, lalu laporkan setiap postingan dengan <code>/lapor &lt;tautan&gt;</code>. ` +
      'Lihat akun resmi OPD Anda dengan /akun. Ketik /bantuan untuk perintah lainnya.',
    acceptedOld: (opdName: string, code: string, who: string, checklist: string) =>
      `🤝 Serah terima selesai: ${e(who)} sekarang admin <b>${e(opdName)} (${e(code)})</b>, dan Anda tidak lagi terdaftar sebagai admin ${e(code)}. ` +
      `Laporan yang pernah Anda kirim tetap tercatat untuk ${e(code)}. Terima kasih atas kerja samanya.\n\n${checklist}\n\n` +
      `<b>Langkah berikutnya:</b> selesaikan daftar periksa di atas bersama ${e(who)} secepatnya.`,
    acceptedRequester: (code: string, from: string, who: string) =>
      `✅ ${e(who)} menerima serah terima: kini admin <b>${e(code)}</b> menggantikan ${e(from)}. Daftar periksa akses akun sudah dikirim kepada keduanya.`,
    acceptedSuperadmin: (code: string, opdName: string, from: string, who: string, reset: number) =>
      `🤝 <b>Serah terima admin ${e(code)}</b> (${e(opdName)}): ${e(from)} → ${e(who)}, diterima.\n` +
      (reset > 0
        ? `Tanggal verifikasi ${reset} akun resmi ${e(code)} dikosongkan. Setelah memastikan akses akun sudah berpindah (kata sandi diganti, 2FA dipindahkan), verifikasi ulang dengan <code>/akun ${e(code)} verifikasi</code>.`
        : `${e(code)} belum punya akun resmi terdaftar; daftarkan dengan <code>/akun ${e(code)} platform @akun</code>.`),
    nothingToCancel: 'Tidak ada permintaan serah terima dari Anda yang masih menunggu jawaban.',
    cancelled: (items: readonly string[]) =>
      `Permintaan serah terima dibatalkan: ${items.map(e).join('; ')}. Tidak ada yang berubah.`,
    cancelledItem: (code: string, who: string) => `${code} kepada ${who}`,
    cancelledNotice: (code: string) =>
      `Permintaan serah terima tugas admin ${e(code)} dibatalkan oleh yang memintanya. Tombol Terima/Tolak pada pesan sebelumnya tidak berlaku lagi. Tidak ada yang berubah.`,
    cancelledFromNotice: (code: string) =>
      `Serah terima tugas admin ${e(code)} dari Anda dibatalkan oleh Diskominfo. Anda tetap admin ${e(code)}; tidak ada yang berubah.`,
  },

  /** Buttons under a long list shown a page at a time. */
  pages: {
    previous: '◀ Sebelumnya',
    next: 'Berikutnya ▶',
    position: (page: number, pages: number) => `${page}/${pages}`,
    footer: (page: number, pages: number, total: number) => `Halaman ${page} dari ${pages} (${total} baris). Geser dengan tombol di bawah.`,
  },

  opdList: {
    header: (count: number) => `<b>Daftar OPD (${count})</b>`,
    line: (code: string, name: string, admins: number) => `<code>${e(code)}</code> — ${e(name)} · ${admins === 0 ? 'belum ada admin' : `${admins} admin`}`,
    empty: 'Belum ada OPD. Impor daftar OPD dengan <code>npm run kopdar -- opd import file.csv</code>.',
  },

  directive: {
    priorityLabel: { biasa: 'Biasa', penting: '⚠️ PENTING', segera: '🚨 SEGERA' } satisfies Record<Priority, string>,
    /** The copy every recipient reads. `body` is the author's HTML-escaped text. */
    copy: (p: { id: number; title: string | null; priority: Priority; body: string; deadline: string | null; requireAck: boolean }) =>
      `📣 <b>${p.title ? e(p.title) : 'ARAHAN'} #${p.id}</b> · ${id.directive.priorityLabel[p.priority]}\n\n${p.body}` +
      (p.deadline ? `\n\n⏰ Batas tindak lanjut: <b>${e(p.deadline)}</b>` : '') +
      (p.requireAck ? '\n\nMohon konfirmasi dengan tombol di bawah ini.' : ''),
    ackButton: '✅ Siap, dilaksanakan',
    questionButton: '❓ Perlu penjelasan',
    followUpButton: '📝 Lapor tindak lanjut',
    preview: (copy: string, recipients: number, opds: number, groups: readonly string[]) =>
      `<b>Pratinjau arahan</b> (belum dikirim)\n` +
      `Penerima: <b>${recipients}</b> admin dari <b>${opds}</b> OPD${groups.map((g) => ` + ${g}`).join('')}.\n` +
      'Ubah prioritas atau konfirmasi dengan tombol, lalu tekan Kirim.\n\n———\n' +
      copy,
    sendButton: '📤 Kirim',
    cancelButton: '✖️ Batal',
    ackToggle: (on: boolean) => (on ? '☑️ Minta konfirmasi: ya' : '⬜ Minta konfirmasi: tidak'),
    priorityButton: (priority: Priority, current: boolean) => `${current ? '● ' : ''}${priority}`,
    usage:
      'Cara pakai: <code>/arahan [segera|penting|biasa] [untuk:KODE,KODE atau untuk:kecamatan] [batas:YYYY-MM-DD] [tanpa_konfirmasi] teks arahan</code>\n' +
      'Bisa juga sebagai balasan (reply) ke foto, video atau dokumen: medianya ikut dikirim dengan teks sebagai keterangan.',
    badOption: (which: string) => `Pilihan <code>${e(which)}</code> tidak dapat dibaca. Contoh: <code>untuk:DINKES,DINSOS</code>, <code>batas:2026-12-01T15:00</code>.`,
    unknownAudience: (words: readonly string[]) =>
      `Kode atau jenis OPD tidak dikenal: ${words.map((w) => `<code>${e(w)}</code>`).join(', ')}. Lihat daftar kode dengan /opd.`,
    noRecipients: 'Tidak ada admin terdaftar di OPD yang dituju, jadi arahan tidak bisa dikirim. Periksa tujuan atau undang admin dengan /undang.',
    empty: 'Teks arahan masih kosong.',
    tooLong: (max: number) => `Teks arahan terlalu panjang (maksimal ${max} karakter).`,
    deadlinePast: 'Batas tindak lanjut sudah lewat. Pilih waktu yang akan datang.',
    notDraft: 'Arahan ini sudah dikirim atau dibatalkan.',
    notYours: 'Hanya pembuat arahan yang dapat mengirim atau membatalkannya.',
    sentAnswer: 'Arahan sedang dikirim.',
    sent: (id: number, recipients: number) =>
      `📤 Arahan #${id} masuk antrean pengiriman ke ${recipients} penerima. Pantau dengan <code>/status_arahan ${id}</code>.`,
    cancelled: (id: number) => `Arahan #${id} dibatalkan; tidak ada yang dikirim.`,
    cancelledAnswer: 'Dibatalkan.',
    updatedAnswer: 'Diperbarui.',
    ackThanks: 'Terima kasih, konfirmasi tercatat.',
    ackAlready: (name: string, when: string) => `Sudah dikonfirmasi oleh ${name} pada ${when}.`,
    ackNotForYou: 'Arahan ini bukan untuk OPD Anda.',
    // The acknowledgement comes first, so it survives when the edited copy must be shortened.
    ackedCopy: (copy: string, name: string, code: string, when: string) => `✅ <b>Dikonfirmasi</b> oleh ${e(name)} (${e(code)}) pada ${e(when)}.\n\n${copy}`,
    askHow: (id: number) => `Tulis pertanyaan Anda tentang arahan #${id} dengan perintah:\n<code>/tanya ${id} pertanyaan Anda</code>`,
    askAnswer: 'Kirim pertanyaan dengan /tanya.',
    followUpHow: (id: number) => `Setelah mengunggah postingan tindak lanjut, laporkan dengan:\n<code>/lapor #${id} &lt;tautan&gt;</code>`,
    tanyaUsage: 'Cara pakai: <code>/tanya NOMOR_ARAHAN pertanyaan Anda</code>, contoh <code>/tanya 12 Apakah berlaku juga untuk UPT?</code>',
    questionToAuthor: (id: number, name: string, code: string, question: string) =>
      `❓ <b>Pertanyaan tentang arahan #${id}</b> dari ${e(name)} (${e(code)}):\n${e(question)}`,
    questionSent: (id: number) => `Pertanyaan Anda tentang arahan #${id} sudah diteruskan kepada pembuatnya. Terima kasih.`,
    unknown: (id: number) => `Arahan #${id} tidak ditemukan.`,
    undelivered: (directiveId: number, who: string, code: string | null, reason: string) =>
      `⚠️ Arahan #${directiveId} tidak dapat dikirim ke ${e(who)}${code ? ` (${e(code)})` : ''}: ${e(reason)}. Lihat <code>/status_arahan ${directiveId}</code>.`,
    reminder: (copy: string) => `🔔 <b>Pengingat:</b> OPD Anda belum mengonfirmasi arahan berikut.\n\n${copy}`,
    deadlineSummary: (id: number, acked: number | null, followed: number, total: number, silent: readonly string[]) =>
      `⏰ <b>Batas waktu arahan #${id} tiba.</b>\n` +
      `${acked === null ? '' : `Konfirmasi: ${acked}/${total} OPD · `}tindak lanjut: ${followed}/${total} OPD.\n` +
      (silent.length > 0 ? `Belum ada respons: ${silent.map(e).join(', ')}.` : 'Semua OPD sudah merespons. Terima kasih!'),
    statusHeader: (id: number, priority: Priority, when: string) => `<b>Status arahan #${id}</b> · ${priority} · dikirim ${e(when)}`,
    statusCounts: (p: { sent: number; pending: number; failed: number; total: number; acked: number | null; followed: number; opds: number }) =>
      `Terkirim ${p.sent}/${p.total}${p.pending > 0 ? ` (menunggu ${p.pending})` : ''}${p.failed > 0 ? ` · gagal ${p.failed}` : ''}\n` +
      `${p.acked === null ? 'Konfirmasi tidak diminta' : `Konfirmasi ${p.acked}/${p.opds} OPD`} · tindak lanjut ${p.followed}/${p.opds} OPD`,
    groupCopy: 'grup',
    statusMissing: (label: string, codes: readonly string[]) => `${label}: ${codes.length > 0 ? codes.map(e).join(', ') : '—'}`,
    statusNotAcked: 'Belum konfirmasi',
    statusNoFollowUp: 'Belum tindak lanjut',
    statusFailed: 'Gagal terkirim',
    statusUsage: 'Cara pakai: <code>/status_arahan NOMOR</code>; tanpa nomor menampilkan arahan terakhir.',
    listHeader: '<b>Arahan terbaru</b>',
    listLine: (id: number, when: string, priority: Priority, status: string, excerpt: string) =>
      `#${id} · ${e(when)} · ${priority} · ${e(status)}\n${e(excerpt)}`,
    listEmpty: 'Belum ada arahan yang dikirim.',
    statusWord: { draft: 'draf', sent: 'terkirim', cancelled: 'dibatalkan' } satisfies Record<DirectiveStatus, string>,
  },

  groupName: { komunitas: 'grup komunitas', pimpinan: 'grup pimpinan' },

  dialogue: {
    expired: (restart: string) =>
      `⌛ Mohon maaf, waktunya habis karena belum ada jawaban selama 15 menit, jadi tidak ada yang disimpan. Silakan mulai lagi dengan ${restart}.`,
    cancelled: (restart: string) => `✖️ Baik, dialog dibatalkan dan tidak ada yang disimpan. Bila ingin mulai lagi, kirim ${restart}.`,
    expiredButton: 'Waktunya habis. Silakan mulai lagi.',
    closedButton: 'Formulir ini sudah selesai atau dibatalkan; tidak ada yang diubah.',
    cancelHint: 'Ketik /batal kapan saja untuk membatalkan.',
  },

  meetup: {
    answerLabel: { hadir: 'Hadir', tidak: 'Tidak hadir', mungkin: 'Mungkin' } satisfies Record<RsvpAnswer, string>,
    answerButton: (answer: RsvpAnswer, count: number, capacity: number | null) =>
      `${{ hadir: '✅ Hadir', tidak: '❌ Tidak hadir', mungkin: '🤔 Mungkin' }[answer]} (${count}${answer === 'hadir' && capacity !== null ? `/${capacity}` : ''})`,
    /** The card every admin and the community group read; values escaped here. */
    card: (p: { id: number; title: string; when: string; place: string | null; onlineUrl: string | null; agenda: string | null; capacity: number | null; counts: { hadir: number; tidak: number; mungkin: number; waiting: number }; cancelled: string | null }) =>
      (p.cancelled !== null ? `🚫 <b>DIBATALKAN</b> — ${e(p.cancelled)}\n\n` : '') +
      `☕ <b>KOPDAR #${p.id}: ${e(p.title)}</b>\n` +
      `🗓 Waktu: <b>${e(p.when)}</b>\n` +
      (p.place ? `📍 Tempat: ${e(p.place)}\n` : '') +
      (p.onlineUrl ? `🔗 Tautan daring: ${e(p.onlineUrl)}\n` : '') +
      (p.agenda ? `📝 Agenda:\n${e(p.agenda)}\n` : '') +
      (p.capacity !== null ? `👥 Kapasitas: ${p.capacity} orang\n` : '') +
      `\nHadir ${p.counts.hadir} · Tidak hadir ${p.counts.tidak} · Mungkin ${p.counts.mungkin}${p.counts.waiting > 0 ? ` · Daftar tunggu ${p.counts.waiting}` : ''}` +
      (p.cancelled !== null ? '' : '\nMohon pilih jawaban Bapak/Ibu dengan tombol di bawah ini.'),
    yourAnswer: (card: string, answer: RsvpAnswer, position: number | null) =>
      `${card}\n\n<i>Jawaban Anda: ${id.meetup.answerLabel[answer]}${position !== null ? ` (daftar tunggu ke-${position})` : ''}.</i>`,
    when: (startWithoutZone: string, endTime: string, zone: string) => `${startWithoutZone}–${endTime} ${zone}`,
    // The dialogue (superadmin)
    askTitle:
      '☕ <b>Membuat kopdar baru</b> (langkah 1 dari 5)\nApa <b>judul</b> kopdarnya?\nContoh: <code>Kopdar Admin Medsos Desember</code>\n\nKetik /batal kapan saja untuk membatalkan.',
    askTime: (tz: string) =>
      `<b>Langkah 2 dari 5.</b> Kapan kopdarnya? Tulis tanggal dan jam mulai (${e(tz)}), boleh dengan jam selesai.\n` +
      'Contoh: <code>25-12-2026 14:00</code>, <code>2026-12-25 14:00</code> atau <code>25-12-2026 14:00-16:00</code> (tanpa jam selesai dianggap 2 jam).',
    askPlace:
      '<b>Langkah 3 dari 5.</b> Di mana tempatnya? Tulis nama tempat, tautan daring, atau keduanya dipisah <code>|</code>.\n' +
      'Contoh: <code>Aula Diskominfo</code>, <code>https://meet.google.com/abc-defg-hij</code> atau <code>Aula Diskominfo | https://meet.google.com/abc-defg-hij</code>',
    askAgenda: '<b>Langkah 4 dari 5.</b> Tulis <b>agenda</b> singkatnya, atau kirim <code>-</code> bila tidak ada.\nContoh: <code>Evaluasi konten bulan ini; berbagi tips Reels</code>',
    askCapacity: '<b>Langkah 5 dari 5.</b> Berapa <b>kapasitas</b> peserta? Kirim angka, atau <code>-</code> bila tidak dibatasi.\nContoh: <code>40</code>',
    badTitle: (max: number) => `❌ Judul harus 3 sampai ${max} karakter. Silakan tulis lagi, contoh: <code>Kopdar Admin Medsos Desember</code>`,
    badTime: {
      format: '❌ Tanggal dan jam belum terbaca.',
      invalid: '❌ Tanggal atau jam tersebut tidak ada di kalender.',
      past: '❌ Waktu tersebut sudah lewat. Kopdar harus dijadwalkan pada waktu yang akan datang.',
      endBeforeStart: '❌ Jam selesai harus setelah jam mulai.',
    },
    badTimeHint: 'Silakan tulis lagi, contoh: <code>25-12-2026 14:00</code> atau <code>2026-12-25 14:00</code>.',
    badPlace: (max: number) =>
      `❌ Tempat belum terbaca (2 sampai ${max} karakter; tautan harus diawali https://). Silakan tulis lagi, contoh: <code>Aula Diskominfo</code>`,
    badAgenda: (max: number) => `❌ Agenda terlalu panjang (maksimal ${max} karakter). Silakan persingkat, atau kirim <code>-</code> bila tidak ada.`,
    badCapacity: (max: number) => `❌ Kapasitas harus berupa angka 1 sampai ${max}, atau <code>-</code> bila tidak dibatasi. Contoh: <code>40</code>`,
    summary: (card: string, admins: number, group: boolean) =>
      `<b>Ringkasan kopdar</b> (belum dipublikasikan)\nAkan diumumkan ke <b>${admins}</b> admin${group ? ' dan grup komunitas' : ''}.\n` +
      'Periksa kembali, lalu pilih Publikasikan, Ubah, atau Batal.\n\n———\n' +
      card,
    summaryPending: 'Silakan pilih salah satu tombol di bawah ringkasan: Publikasikan, Ubah, atau Batal.',
    publishButton: '📢 Publikasikan',
    editButton: '✏️ Ubah',
    cancelButton: '✖️ Batal',
    chooseField: 'Bagian mana yang ingin diubah?',
    fieldButton: { judul: 'Judul', waktu: 'Waktu', tempat: 'Tempat', agenda: 'Agenda', kapasitas: 'Kapasitas' } satisfies Record<MeetupField, string>,
    published: (card: string, meetupId: number, code: string, recipients: number) =>
      `📢 <b>Kopdar #${meetupId} dipublikasikan</b> ke ${recipients} penerima.\n` +
      `Kode check-in: <code>${e(code)}</code> (berlaku 30 menit sebelum mulai sampai acara selesai; peserta mengirim <code>/hadir ${e(code)}</code>).\n` +
      `Pantau dengan <code>/kopdar ${meetupId}</code>; ubah dengan <code>/kopdar ${meetupId} ubah …</code>; batalkan dengan <code>/kopdar ${meetupId} batal alasan</code>.\n\n———\n${card}`,
    publishedAnswer: 'Kopdar dipublikasikan.',
    // RSVP
    rsvpThanks: (answer: RsvpAnswer) => `Terima kasih, jawaban Anda tercatat: ${id.meetup.answerLabel[answer]}.`,
    rsvpSame: (answer: RsvpAnswer) => `Jawaban Anda sudah tercatat: ${id.meetup.answerLabel[answer]}.`,
    waitlisted: (meetupId: number, title: string, position: number) =>
      `⏳ Kapasitas kopdar #${meetupId} (${e(title)}) sudah penuh. Bapak/Ibu masuk <b>daftar tunggu urutan ke-${position}</b>; kami kabari bila ada kursi kosong.`,
    waitlistedAnswer: (position: number) => `Kapasitas penuh: Anda di daftar tunggu urutan ke-${position}.`,
    promoted: (meetupId: number, title: string, when: string) =>
      `🎉 Ada kursi kosong! Bapak/Ibu kini <b>terdaftar hadir</b> di kopdar #${meetupId} (${e(title)}), ${e(when)}. Bila berhalangan, mohon ubah jawaban dengan tombol pada undangan.`,
    closed: 'Kopdar ini sudah selesai atau dibatalkan; jawaban tidak dapat diubah lagi.',
    unknown: (meetupId: number) => `Kopdar #${meetupId} tidak ditemukan. Lihat daftar kopdar yang akan datang dengan /kopdar.`,
    // Reminders
    reminder: (kind: 'day' | 'hours', card: string, code: boolean) =>
      `🔔 <b>Pengingat kopdar ${kind === 'day' ? 'besok' : '2 jam lagi'}</b>\n` +
      (code ? 'Saat tiba, mohon catat kehadiran dengan <code>/hadir KODE</code> (kode ditunjukkan panitia).\n\n' : '\n') +
      card,
    // Check-in
    checkInUsage: 'Cara pakai: <code>/hadir KODE</code>, contoh <code>/hadir K7QX2M</code>. Kodenya ditunjukkan panitia di lokasi kopdar.',
    unknownCode: (code: string) => `❌ Kode <code>${e(code)}</code> tidak dikenal. Periksa lagi kode yang ditunjukkan panitia, lalu kirim <code>/hadir KODE</code>.`,
    tooEarly: (meetupId: number, opens: string, ends: string) =>
      `⏳ Check-in kopdar #${meetupId} belum dibuka. Kode ini berlaku mulai <b>${e(opens)}</b> sampai <b>${e(ends)}</b>. Silakan kirim lagi pada waktu itu.`,
    tooLate: (meetupId: number, ends: string) =>
      `❌ Check-in kopdar #${meetupId} sudah ditutup (acara selesai ${e(ends)}). Bila Bapak/Ibu hadir tetapi belum tercatat, mohon hubungi panitia Diskominfo.`,
    checkedIn: (meetupId: number, title: string, opd: string | null) =>
      `✅ Kehadiran Anda di kopdar #${meetupId} (${e(title)}) tercatat${opd ? ` untuk ${e(opd)}` : ''}. Terima kasih sudah hadir!`,
    alreadyCheckedIn: (meetupId: number, when: string) => `Kehadiran Anda di kopdar #${meetupId} sudah tercatat sejak ${e(when)}.`,
    code: (meetupId: number, code: string, opens: string, ends: string) =>
      `🔑 Kode check-in kopdar #${meetupId}: <code>${e(code)}</code>\nTunjukkan kepada peserta; berlaku ${e(opens)} sampai ${e(ends)}. Peserta mengirim <code>/hadir ${e(code)}</code> ke bot.`,
    // Status and list
    listHeader: '<b>Kopdar yang akan datang</b>',
    listLine: (meetupId: number, title: string, when: string, hadir: number) => `#${meetupId} · ${e(when)}\n${e(title)} · ${hadir} akan hadir`,
    listEmpty: 'Belum ada kopdar yang dijadwalkan.',
    listFooterSuperadmin: 'Buat kopdar baru: <code>/kopdar baru</code> · Rincian: <code>/kopdar NOMOR</code>',
    listFooter: 'Rincian dan jawaban: <code>/kopdar NOMOR</code>',
    statusHeader: (meetupId: number) => `<b>Rincian kopdar #${meetupId}</b>`,
    statusWaiting: (names: readonly string[]) => `Daftar tunggu: ${names.length > 0 ? names.map(e).join(', ') : '—'}`,
    statusAttendance: (people: number, opds: number) => `<b>Kehadiran:</b> ${people} orang dari ${opds} OPD`,
    statusOpdLine: (code: string, said: number, came: number) => `• ${e(code)}: jawab hadir ${said}, datang ${came}`,
    statusNoAttendance: 'Belum ada yang check-in.',
    statusCodeHint: (meetupId: number) => `Kode check-in: <code>/kopdar ${meetupId} kode</code>`,
    // Edit and cancel
    usage:
      'Cara pakai: <code>/kopdar</code> (daftar), <code>/kopdar NOMOR</code> (rincian); Diskominfo: <code>/kopdar baru</code>, ' +
      '<code>/kopdar NOMOR kode</code>, <code>/kopdar NOMOR ubah judul|waktu|tempat|agenda|kapasitas NILAI</code>, <code>/kopdar NOMOR batal ALASAN</code>.\n' +
      'Contoh: <code>/kopdar 3 ubah waktu 26-12-2026 15:00</code>',
    superadminOnly: 'Maaf, hanya Diskominfo (superadmin) yang dapat membuat, mengubah atau membatalkan kopdar. Lihat daftar kopdar dengan /kopdar.',
    editUsage: (meetupId: number) =>
      `Sebutkan bagian dan nilai barunya, contoh <code>/kopdar ${meetupId} ubah waktu 26-12-2026 15:00</code> atau <code>/kopdar ${meetupId} ubah kapasitas 50</code>.`,
    cancelUsage: (meetupId: number) => `Sebutkan alasan pembatalannya, contoh <code>/kopdar ${meetupId} batal Bertepatan dengan rapat pimpinan</code>.`,
    alreadyCancelled: (meetupId: number) => `Kopdar #${meetupId} sudah dibatalkan sebelumnya.`,
    alreadyOver: (meetupId: number) => `Kopdar #${meetupId} sudah selesai, jadi tidak dapat diubah atau dibatalkan lagi.`,
    edited: (meetupId: number, field: string, told: number) =>
      `✅ ${e(field)} kopdar #${meetupId} diubah. ${told} orang yang sudah menjawab diberi tahu. Lihat hasilnya dengan <code>/kopdar ${meetupId}</code>.`,
    editedNotice: (field: string, card: string) => `✏️ <b>Perubahan ${e(field.toLowerCase())} kopdar</b>\nMohon periksa kembali rinciannya:\n\n${card}`,
    cancelledDone: (meetupId: number, told: number) => `✅ Kopdar #${meetupId} dibatalkan. ${told} orang yang sudah menjawab diberi tahu.`,
    cancelledNotice: (meetupId: number, title: string, when: string, reason: string) =>
      `🚫 <b>Kopdar #${meetupId} dibatalkan</b>\n${e(title)} (${e(when)})\nAlasan: ${e(reason)}\nMohon maaf atas perubahan ini; jadwal pengganti akan diumumkan kemudian.`,
  },

  community: {
    bound: (title: string) =>
      `✅ Grup ini (${e(title)}) sekarang menjadi <b>grup komunitas</b> kopdar: rekap harian akan dikirim ke sini setiap pagi hari kerja.`,
    leadersBound: (title: string) =>
      `✅ Grup ini (${e(title)}) sekarang menjadi <b>grup pimpinan</b> kopdar: setiap arahan juga dikirim ke sini.`,
    usage:
      'Cara pakai (di grupnya): <code>/hubungkan komunitas</code> untuk grup admin medsos (rekap harian dan arahan), atau <code>/hubungkan pimpinan</code> untuk grup pimpinan (arahan).',
  },

  nudge: {
    friendly: (opdName: string, code: string, silence: number, lastPost: string | null) =>
      `👋 Selamat pagi, Bapak/Ibu admin <b>${e(opdName)} (${e(code)})</b>.\n` +
      `Sudah <b>${silence} hari kerja</b> belum ada postingan ${e(code)} yang dilaporkan. ${lastPost ? `Laporan terakhir: ${e(lastPost)}.` : 'Belum pernah ada laporan.'}\n\n` +
      'Yuk unggah konten hari ini, lalu laporkan tautannya dengan <code>/lapor &lt;tautan&gt;</code>. Terima kasih!',
    firm: (opdName: string, code: string, silence: number, lastPost: string | null) =>
      `⚠️ Bapak/Ibu admin <b>${e(opdName)} (${e(code)})</b>, akun media sosial ${e(code)} sudah <b>${silence} hari kerja</b> tanpa laporan postingan. ${lastPost ? `Laporan terakhir: ${e(lastPost)}.` : 'Belum pernah ada laporan.'}\n\n` +
      'Mohon hari ini juga mengunggah konten dan melaporkannya dengan <code>/lapor &lt;tautan&gt;</code>. Bila ada kendala, balas ke Diskominfo.',
    escalation: (opdName: string, code: string, silence: number, lastPost: string | null, admins: readonly string[]) =>
      `🚨 <b>Eskalasi: ${e(opdName)} (${e(code)})</b>\n` +
      `Sudah <b>${silence} hari kerja</b> tanpa laporan postingan. ${lastPost ? `Laporan terakhir: ${e(lastPost)}.` : 'Belum pernah ada laporan.'}\n` +
      `Admin: ${admins.length > 0 ? admins.map(e).join(', ') : '—'}.\n` +
      'Mohon arahan agar OPD ini kembali aktif.',
    reportButton: '📝 Lapor sekarang',
    reportHowTo:
      'Kirim tautan postingan dengan format:\n<code>/lapor https://www.instagram.com/p/ABC123/</code>\nSalin tautannya lewat tombol Bagikan → Salin tautan di aplikasi.',
    reportHowToAnswer: 'Kirim /lapor diikuti tautan postingan.',
    noAdmin: (lines: readonly string[]) =>
      `📋 <b>OPD yang belum punya admin (${lines.length})</b>\nOPD ini tidak bisa diingatkan sampai ada admin yang terdaftar. Kirim undangan dengan <code>/undang KODE</code>.\n\n${lines.join('\n')}`,
    noAdminLine: (code: string, name: string) => `• <code>${e(code)}</code> — ${e(name)}`,
    digest: (p: { date: string; active: number; total: number; top: readonly { code: string; posts: number }[]; quiet: number; named: readonly string[] }) =>
      `☀️ <b>Rekap harian sejak ${e(p.date)}</b>\n` +
      `<b>${p.active} dari ${p.total} OPD</b> aktif melapor.` +
      (p.top.length > 0 ? `\n🙏 Terima kasih kepada ${p.top.map((t) => `<b>${e(t.code)}</b> (${t.posts})`).join(', ')} atas postingannya!` : '') +
      `\n\n${p.quiet} OPD sudah lewat target dan belum melapor.` +
      (p.named.length > 0 ? ` Perlu perhatian: ${p.named.map(e).join(', ')}. Semangat, kami tunggu postingannya!` : ''),
    never: 'belum pernah',
    dryRunHeader: (date: string, working: boolean) => (working ? `Rencana pengingat ${date} (uji coba, tidak ada yang dikirim):` : `${date} bukan hari kerja: tidak ada pengingat.`),
  },

  report: {
    recorded: (platform: Platform, code: string, opdName: string, weekCount: number) =>
      `✅ ${id.platformName[platform]} — tercatat untuk <b>${e(code)}</b> (${e(opdName)}). Postingan ${e(code)} minggu ini: <b>${weekCount}</b>.`,
    duplicate: (url: string, when: string, code: string) =>
      `🔁 Sudah dilaporkan pada ${e(when)} untuk <b>${e(code)}</b>: ${e(url)}\nTidak dicatat dua kali.`,
    duplicateInMessage: (url: string) => `🔁 Tautan ini ada dua kali di pesan Anda; dicatat sekali saja: ${e(url)}`,
    // Refused links are echoed shortened and as code, so a look-alike is never a tappable link.
    refused: {
      not_a_post: (url: string) =>
        `❌ Ini tautan profil/halaman, bukan tautan satu postingan: ${shown(url)}\nBuka postingannya, ketuk Bagikan → Salin tautan, lalu kirim ulang.`,
      unsupported_site: (url: string) =>
        `❌ Situs ini tidak didukung: ${shown(url)}\nYang didukung: Instagram, Facebook, TikTok, YouTube, X/Twitter, dan Threads.`,
      lookalike_host: (url: string) =>
        `❌ Alamat situs ini mirip media sosial resmi, tetapi bukan: ${shown(url)}\nPeriksa kembali tautannya; bisa jadi tautan palsu. Salin ulang dari aplikasi resminya.`,
      credentials: () =>
        '❌ Tautan ini memuat nama pengguna atau kata sandi, jadi tidak kami simpan demi keamanan. Salin ulang tautan lewat tombol Bagikan.',
      bad_scheme: (url: string) => `❌ Hanya tautan http/https yang diterima: ${shown(url)}`,
      too_long: () => '❌ Tautan terlalu panjang (lebih dari 2.048 karakter). Salin ulang tautan pendek lewat tombol Bagikan.',
      malformed: (url: string) => `❌ Tautan tidak bisa dibaca: ${shown(url)}\nSalin ulang lewat tombol Bagikan.`,
    } satisfies Record<RefusalReason, (url: string) => string>,
    unknownOpd: (code: string) =>
      `❌ OPD dengan kode <b>${e(code)}</b> tidak ditemukan, jadi tidak ada yang dicatat. Periksa kodenya (daftar kode: /opd), lalu kirim: <code>/lapor KODE_OPD &lt;tautan&gt;</code>.`,
    unknownDirective: (id: number, code: string) =>
      `❌ Arahan #${id} tidak ditemukan atau tidak ditujukan kepada ${e(code)}, jadi tidak ada yang dicatat. Periksa nomornya dengan /arahan_list, atau laporkan tanpa <code>#${id}</code>.`,
    asFollowUp: (id: number) => ` Dicatat sebagai tindak lanjut arahan #${id}.`,
    /** A second line under ✅ when the link shows an account that is not one of the OPD's official accounts. */
    unregisteredAccount: (platform: Platform, handle: string, code: string) =>
      `⚠️ Akun <b>${e(displayHandle(platform, handle))}</b> belum terdaftar sebagai akun resmi ${e(code)} di ${id.platformName[platform]}. ` +
      `Bila ini akun resmi ${e(code)}, daftarkan dengan <code>/akun ${e(code)} ${platform} ${e(displayHandle(platform, handle))}</code>.`,
    linkedAsFollowUp: (platform: Platform, code: string, directiveId: number) =>
      `✅ Postingan ${id.platformName[platform]} ${e(code)} yang sudah tercatat kini ditandai sebagai tindak lanjut arahan #${directiveId}.`,
    adminWithoutOpd: '❌ Akun Anda belum terhubung dengan OPD mana pun, jadi laporan belum bisa dicatat. Mohon hubungi Diskominfo.',
    tooMany: (max: number, skipped: number) =>
      `❌ Satu pesan diproses paling banyak ${max} tautan; ${skipped} tautan lainnya belum dicatat. Kirim sisanya di pesan berikutnya.`,
    noLink:
      '❌ Tidak ada tautan di pesan Anda.\nContoh: <code>/lapor https://www.instagram.com/p/ABC123/ Sosialisasi imunisasi</code>\nAtau balas (reply) pesan yang berisi tautan dengan <code>/lapor</code>.',
    superadminNeedsOpd:
      '❌ Sebagai superadmin, sebutkan OPD-nya: <code>/lapor KODE_OPD &lt;tautan&gt;</code>, contoh <code>/lapor DINKES https://www.instagram.com/p/ABC123/</code>.',
    notYourOpd: (named: string, own: string) =>
      `❌ Anda admin ${e(own)}, jadi tidak dapat melapor untuk ${e(named)}. Kirim ulang tanpa kode OPD: <code>/lapor &lt;tautan&gt;</code>.`,
  },

  undo: {
    done: (platform: Platform, url: string, when: string) =>
      `Laporan ${id.platformName[platform]} pada ${e(when)} telah dibatalkan:\n${e(url)}`,
    nothing: 'Tidak ada laporan Anda dalam 24 jam terakhir yang bisa dibatalkan.',
  },

  history: {
    header: (code: string, opdName: string) => `<b>Laporan terakhir ${e(code)}</b> (${e(opdName)})`,
    line: (n: number, when: string, platform: Platform, url: string, by: string) =>
      `${n}. ${e(when)} · ${id.platformName[platform]} · ${e(by)}\n${e(url)}`,
    empty: (code: string) => `Belum ada laporan untuk ${e(code)}. Laporkan postingan dengan <code>/lapor &lt;tautan&gt;</code>.`,
    ownOnly: (named: string, own: string) =>
      `Riwayat ${e(named)} hanya dapat dilihat Diskominfo dan pimpinan; berikut riwayat OPD Anda, ${e(own)}.`,
    superadminUsage: 'Cara pakai: <code>/riwayat KODE_OPD</code>, contoh <code>/riwayat DINKES</code>.',
  },

  /** /akun: the official accounts (akun resmi) of each OPD. */
  accounts: {
    help: { description: 'Akun resmi media sosial OPD saya; daftarkan akun yang belum ada', usage: '[platform @akun]' },
    helpLeader: { description: 'Akun resmi media sosial sebuah OPD', usage: 'KODE_OPD' },
    helpSuperadmin: {
      description: 'Akun resmi OPD: lihat, daftarkan, hapus, verifikasi',
      usage: 'KODE_OPD [platform @akun | hapus platform akun | verifikasi]',
    },
    platformWords: 'instagram (ig), facebook (fb), tiktok (tt), youtube (yt), x (twitter), threads',
    usage: () =>
      'Cara pakai:\n' +
      '<code>/akun KODE_OPD</code> — daftar akun resmi OPD, contoh <code>/akun DINKES</code>\n' +
      '<code>/akun KODE_OPD platform @akun</code> — daftarkan, contoh <code>/akun DINKES instagram @dinkes.kab</code>, atau dengan tautan profil: <code>/akun DINKES tiktok https://www.tiktok.com/@dinkes.kab</code>\n' +
      '<code>/akun KODE_OPD hapus platform akun</code> — hapus, contoh <code>/akun DINKES hapus tiktok @dinkes.kab</code> (Diskominfo)\n' +
      '<code>/akun KODE_OPD verifikasi</code> — tandai semua akun OPD itu terverifikasi hari ini (Diskominfo)\n' +
      'Admin OPD cukup menulis <code>/akun</code> (daftar akun OPD sendiri) atau <code>/akun instagram @akun</code> (daftarkan untuk OPD sendiri).\n' +
      `Platform: ${id.accounts.platformWords}.`,
    /** "TikTok <a href=…>@dinkes</a>". */
    account: (platform: Platform, handle: string, url: string) =>
      `${id.platformName[platform]} <a href="${escapeAttribute(url)}">${e(displayHandle(platform, handle))}</a>`,
    listHeader: (code: string, opdName: string) => `<b>Akun resmi ${e(code)}</b> (${e(opdName)})`,
    listLine: (account: string, verifiedOn: string | null) =>
      `• ${account} — ${verifiedOn ? `diverifikasi ${e(verifiedOn)}` : 'belum diverifikasi Diskominfo'}`,
    listEmpty: (code: string) => `Belum ada akun resmi terdaftar untuk ${e(code)}.`,
    missing: (names: readonly string[]) => `⚠️ Platform wajib yang belum terdaftar: <b>${names.join(', ')}</b>.`,
    allMandatory: (names: readonly string[]) => `✅ Semua platform wajib (${names.join(', ')}) sudah terdaftar.`,
    footerSuperadmin: (code: string) =>
      `Daftarkan: <code>/akun ${e(code)} platform @akun</code> · Hapus: <code>/akun ${e(code)} hapus platform akun</code> · Verifikasi: <code>/akun ${e(code)} verifikasi</code>`,
    footerAdmin: 'Daftarkan akun resmi OPD Anda: <code>/akun platform @akun</code>, contoh <code>/akun instagram @dinkes.kab</code>. Diskominfo akan memverifikasinya.',
    ownOnly: (named: string, own: string) => `Sebagai admin, Anda melihat akun resmi OPD Anda sendiri; berikut akun ${e(own)} (bukan ${e(named)}).`,
    adminWithoutOpd: 'Akun Telegram Anda belum terhubung dengan OPD mana pun. Mohon hubungi Diskominfo.',
    needsOpd: 'Sebutkan kode OPD-nya, contoh <code>/akun DINKES</code> atau <code>/akun DINKES instagram @dinkes.kab</code>. Daftar kode: /opd.',
    notYourOpd: (named: string, own: string) =>
      `❌ Anda admin ${e(own)}, jadi hanya dapat mendaftarkan akun untuk ${e(own)}, bukan ${e(named)}. Kirim ulang tanpa kode OPD: <code>/akun platform @akun</code>.`,
    leaderCannotRegister: 'Maaf, akun resmi didaftarkan oleh Diskominfo atau oleh admin OPD yang bersangkutan. Daftar akun sebuah OPD dapat dilihat dengan <code>/akun KODE_OPD</code>.',
    superadminOnly: 'Maaf, menghapus dan memverifikasi akun resmi hanya dapat dilakukan Diskominfo. Bila ada akun yang keliru, mohon hubungi Diskominfo.',
    /** What each platform allows in a handle, and an example (shown when a handle is refused). */
    rule: {
      instagram: '1–30 huruf, angka, titik atau garis bawah',
      facebook: 'nama halaman di tautannya (minimal 5 huruf/angka/titik) atau ID angka dari tautan profile.php?id=…',
      tiktok: '2–24 huruf, angka, titik atau garis bawah',
      youtube: 'nama @handle kanal, 3–30 huruf, angka, titik, tanda hubung atau garis bawah',
      x: '1–15 huruf, angka atau garis bawah',
      threads: '1–30 huruf, angka, titik atau garis bawah (sama dengan nama Instagram)',
    } satisfies Record<Platform, string>,
    example: {
      instagram: ['@dinkes.kab', 'https://www.instagram.com/dinkes.kab/'],
      facebook: ['dinkeskab', 'https://www.facebook.com/dinkeskab'],
      tiktok: ['@dinkes.kab', 'https://www.tiktok.com/@dinkes.kab'],
      youtube: ['@dinkeskab', 'https://www.youtube.com/@dinkeskab'],
      x: ['@dinkeskab', 'https://x.com/dinkeskab'],
      threads: ['@dinkes.kab', 'https://www.threads.net/@dinkes.kab'],
    } satisfies Record<Platform, readonly [string, string]>,
    tryAgain: (platform: Platform, code: string) =>
      `Contoh: <code>/akun ${e(code)} ${platform} ${e(id.accounts.example[platform][0])}</code> atau <code>/akun ${e(code)} ${platform} ${e(id.accounts.example[platform][1])}</code>. Tidak ada yang disimpan.`,
    badHandle: (platform: Platform, raw: string, code: string) =>
      `❌ <b>${e(raw.slice(0, 100))}</b> bukan nama akun ${id.platformName[platform]} yang valid: ${id.accounts.rule[platform]}.\n${id.accounts.tryAgain(platform, code)}`,
    otherSite: (platform: Platform, linkPlatform: Platform | null, code: string) =>
      `❌ Tautan itu ${linkPlatform ? `tautan ${id.platformName[linkPlatform]}` : 'bukan tautan media sosial yang didukung'}, bukan tautan profil ${id.platformName[platform]}.\n${id.accounts.tryAgain(platform, code)}`,
    notAProfile: (platform: Platform, code: string) =>
      `❌ Tautan itu bukan tautan profil akun ${id.platformName[platform]} (mungkin tautan postingan atau tautan pendek). Buka halaman profil akunnya lalu salin tautannya, atau tulis nama akunnya.\n${id.accounts.tryAgain(platform, code)}`,
    registered: (account: string, code: string, opdName: string, date: string) =>
      `✅ ${account} terdaftar sebagai akun resmi <b>${e(code)}</b> (${e(opdName)}), diverifikasi hari ini (${e(date)}).`,
    registeredByAdmin: (account: string, code: string) =>
      `✅ ${account} didaftarkan sebagai akun resmi <b>${e(code)}</b>. Diskominfo akan memverifikasinya; sampai saat itu akun ini tertulis "belum diverifikasi".`,
    reverified: (account: string, code: string, date: string) =>
      `${account} sudah terdaftar untuk <b>${e(code)}</b>; tanggal verifikasinya diperbarui menjadi hari ini (${e(date)}).`,
    alreadyRegistered: (account: string, code: string) => `${account} sudah terdaftar sebagai akun resmi <b>${e(code)}</b>. Tidak ada yang diubah.`,
    updated: (account: string, code: string) => `✅ Tautan profil ${account} milik <b>${e(code)}</b> diperbarui.`,
    taken: (platform: Platform, handle: string, owner: string, ownerName: string, code: string) =>
      `❌ Akun ${id.platformName[platform]} <b>${e(displayHandle(platform, handle))}</b> sudah terdaftar sebagai akun resmi <b>${e(owner)}</b> (${e(ownerName)}), jadi tidak dapat didaftarkan untuk ${e(code)}. ` +
      `Bila akun ini memang sudah menjadi milik ${e(code)}, Diskominfo perlu menghapusnya dari ${e(owner)} lebih dulu: <code>/akun ${e(owner)} hapus ${platform} ${e(displayHandle(platform, handle))}</code>. Tidak ada yang diubah.`,
    marksCleared: (count: number) => `${count} laporan sebelumnya yang memakai akun ini tidak lagi ditandai "akun belum terdaftar".`,
    adminRegisteredNotice: (name: string, code: string, account: string, handleWord: string, platform: Platform) =>
      `🆕 ${e(name)} (admin <b>${e(code)}</b>) mendaftarkan ${account} sebagai akun resmi ${e(code)}.\n` +
      `Bila benar, verifikasi dengan <code>/akun ${e(code)} verifikasi</code>; bila keliru, hapus dengan <code>/akun ${e(code)} hapus ${platform} ${e(handleWord)}</code>.`,
    removed: (account: string, code: string) =>
      `✅ ${account} dihapus dari akun resmi <b>${e(code)}</b>. Laporan dari akun ini selanjutnya ditandai "akun belum terdaftar".`,
    notFound: (platform: Platform, raw: string, code: string) =>
      `Akun ${id.platformName[platform]} <b>${e(raw.slice(0, 100))}</b> tidak terdaftar untuk ${e(code)}, jadi tidak ada yang dihapus. Lihat daftarnya dengan <code>/akun ${e(code)}</code>.`,
    verified: (count: number, code: string, date: string) =>
      `✅ ${count} akun resmi <b>${e(code)}</b> ditandai terverifikasi hari ini (${e(date)}).`,
    nothingToVerify: (code: string) =>
      `${e(code)} belum punya akun resmi terdaftar, jadi tidak ada yang diverifikasi. Daftarkan dengan <code>/akun ${e(code)} platform @akun</code>.`,
  },

  delivery: {
    unreachable: (name: string, reason: string) => `⚠️ Pesan untuk ${e(name)} tidak dapat dikirim (${e(reason)}).`,
    /** Why Telegram refused a chat for good, as superadmins read it. */
    unreachableReason: {
      blocked: 'ia memblokir bot atau belum pernah membuka chat dengan bot',
      chat_not_found: 'akun Telegram-nya tidak ditemukan (mungkin sudah dihapus)',
    } satisfies Record<'blocked' | 'chat_not_found', string>,
    /** To superadmins, at most once a day per person: someone the bot must reach cannot be reached. */
    unreachableNotice: (name: string, opdLabel: string | null, reason: string) =>
      `⚠️ <b>Tidak dapat menghubungi ${e(name)}</b>${opdLabel ? ` — ${e(opdLabel)}` : ''}\n` +
      `Pesan bot tidak terkirim karena ${e(reason)}.\n` +
      'Mohon hubungi yang bersangkutan secara langsung dan minta ia membuka chat dengan bot lalu menekan <b>MULAI</b>/<b>START</b>, agar pengingat berikutnya sampai.',
  },

  /** /rekap, /peringkat and the automatic weekly and monthly recaps. */
  recap: {
    help: { description: 'Rekap kinerja media sosial OPD dengan skor KPI, file Excel dan grafik', usage: '[minggu | minggu lalu | bulan | bulan lalu | YYYY-MM]' },
    helpAdmin: { description: 'Rekap OPD Anda: unggahan, hari aktif, skor KPI dan peringkat', usage: '[minggu | bulan | YYYY-MM]' },
    leaderboardHelp: { description: 'Peringkat skor KPI semua OPD', usage: '[minggu | bulan | YYYY-MM]' },
    usage:
      'Cara pakai: <code>/rekap</code> (minggu ini), <code>/rekap minggu lalu</code>, <code>/rekap bulan</code>, <code>/rekap bulan lalu</code> atau <code>/rekap 2026-11</code> (bulan tertentu).',
    leaderboardUsage: 'Cara pakai: <code>/peringkat</code> (minggu ini), <code>/peringkat bulan</code> atau <code>/peringkat 2026-11</code>.',
    futurePeriod: 'Periode itu belum dimulai, jadi belum ada yang bisa direkap. Coba <code>/rekap</code> untuk minggu ini atau <code>/rekap bulan</code> untuk bulan ini.',
    noOpd: 'Akun Anda belum terhubung ke OPD mana pun, jadi belum ada rekap untuk Anda. Mohon hubungi Diskominfo.',
    noOpds: 'Belum ada OPD aktif yang terdaftar. Diskominfo dapat mengimpor daftar OPD dengan <code>npm run kopdar -- opd import</code>.',
    /** "Minggu 16–22 November 2026" or "November 2026". */
    periodLabel: (p: RecapPeriod) => {
      if (p.kind === 'month') return `${monthNames[Number(p.key.slice(5, 7)) - 1] ?? p.key} ${p.key.slice(0, 4)}`;
      return `Minggu ${weekSpan(p, id.calendar.shortDay)}`;
    },
    countedUntil: (p: RecapPeriod) => (p.countedUntil < p.until ? `\n<i>Dihitung sampai ${id.calendar.day(p.countedUntil)}.</i>` : ''),
    number: (value: number) => formatNumberId(value),
    score: (score: number | null) => (score === null ? '—' : formatNumberId(score)),
    status: { met: 'Memenuhi target', partial: 'Sebagian', missed: 'Di bawah target', onLeave: 'Cuti', notDue: 'Belum ada hari kerja' } satisfies Record<TargetStatus, string>,
    statusIcon: { met: '🟢', partial: '🟡', missed: '🔴', onLeave: '⚪', notDue: '⚪' } satisfies Record<TargetStatus, string>,
    target: (t: Recap['target']) => (t.period === 'day' ? `${t.posts} unggahan per hari kerja` : `${t.posts} unggahan per minggu`),
    rankLine: (o: OpdRecap) =>
      `${o.rank ?? '–'}. ${id.recap.statusIcon[o.status]} ${e(id.opdLabel(o.name, o.code))} — skor <b>${id.recap.score(o.score)}</b> · ${o.posts} unggahan`,
    platformsLine: (r: Recap) => r.platforms.map((p) => `${id.platformName[p.platform]} ${p.posts}`).join(' · '),
    codes: (codes: readonly string[], max = 12) =>
      codes.length <= max ? codes.map(e).join(', ') : `${codes.slice(0, max).map(e).join(', ')} dan ${codes.length - max} lainnya`,
    /** The regency-wide summary (superadmins, leaders, the monthly report). */
    summary: (r: Recap) => {
      const quiet = r.opds.filter(isQuiet).map((o) => o.code);
      const missing = r.opds.filter((o) => o.missingAccounts.length > 0);
      const silentDirectives = r.directives.filter((d) => d.silentCodes.length > 0);
      const top = r.opds.filter((o) => o.rank !== null).slice(0, 5);
      return [
        `📊 <b>Rekap media sosial OPD — ${id.recap.periodLabel(r.period)}</b>${id.recap.countedUntil(r.period)}`,
        `OPD aktif: <b>${r.totals.activeOpds}</b> dari ${r.totals.opds} · belum mengunggah: <b>${r.totals.quietOpds}</b>\n` +
          `Total unggahan: <b>${formatNumberId(r.totals.posts)}</b> · target: ${id.recap.target(r.target)}`,
        top.length > 0 ? `🏆 <b>5 teratas</b>\n${top.map(id.recap.rankLine).join('\n')}` : '',
        `📱 <b>Per platform</b>\n${id.recap.platformsLine(r)}`,
        quiet.length > 0 ? `🔕 <b>Belum mengunggah (${quiet.length})</b>: ${id.recap.codes(quiet)}` : '✨ Semua OPD sudah mengunggah pada periode ini.',
        missing.length > 0
          ? `⚠️ <b>Belum punya akun resmi di platform wajib (${missing.length})</b>: ${id.recap.codes(missing.map((o) => `${o.code} (${o.missingAccounts.map((p) => id.platformName[p]).join(', ')})`), 8)}`
          : '',
        r.directives.length > 0
          ? `📣 <b>Arahan (${r.directives.length})</b>\n` +
            (silentDirectives.length === 0
              ? 'Semua OPD sudah mengonfirmasi arahan yang meminta konfirmasi.'
              : silentDirectives
                  .slice(0, 8)
                  .map((d) => `#${d.id} ${e(d.title)}: ${d.silentCodes.length} OPD belum konfirmasi (${id.recap.codes(d.silentCodes, 8)})`)
                  .join('\n') + (silentDirectives.length > 8 ? `\n… dan ${silentDirectives.length - 8} arahan lain (lihat file Excel)` : ''))
          : '',
        '🟢 memenuhi target · 🟡 sebagian · 🔴 di bawah target · ⚪ cuti. Skor KPI 0–100 dihitung dari hari aktif, jumlah unggahan, platform wajib, konfirmasi dan tindak lanjut arahan, serta kehadiran kopdar.',
      ]
        .filter((part) => part !== '')
        .join('\n\n');
    },
    /** One OPD's own recap (an admin's /rekap). */
    opdSummary: (r: Recap, o: OpdRecap) => {
      const ranked = r.opds.filter((x) => x.rank !== null).length;
      const mandatory = r.mandatoryPlatforms.map((p) => `${id.platformName[p]} ${o.mandatoryCovered.includes(p) ? '✅' : '❌'}`).join(' · ');
      const points = o.components
        .filter((c) => c.ratio !== null)
        .map((c) => `${id.recap.component[c.key]} ${formatNumberId(Math.round(c.points * 10) / 10)}`)
        .join(' · ');
      const tips = [
        o.status === 'missed' || o.status === 'partial' ? `Unggahan masih ${o.posts} dari target ${formatNumberId(Math.round(o.expectedPosts * 10) / 10)}: unggah konten baru lalu laporkan dengan <code>/lapor &lt;link&gt;</code>.` : '',
        r.mandatoryPlatforms.some((p) => !o.mandatoryCovered.includes(p)) && o.status !== 'onLeave'
          ? `Unggah juga di ${r.mandatoryPlatforms.filter((p) => !o.mandatoryCovered.includes(p)).map((p) => id.platformName[p]).join(' dan ')} agar platform wajib terpenuhi.`
          : '',
        o.directives.acknowledged < o.directives.asked ? 'Konfirmasi arahan yang belum dikonfirmasi dengan tombol "✅ Siap, dilaksanakan" pada pesan arahan.' : '',
        o.missingAccounts.length > 0 ? `Akun resmi ${o.missingAccounts.map((p) => id.platformName[p]).join(' dan ')} belum terdaftar: mohon kirimkan alamat akunnya ke Diskominfo.` : '',
      ].filter((t) => t !== '');
      return [
        `📊 <b>Rekap ${e(id.opdLabel(o.name, o.code))} — ${id.recap.periodLabel(r.period)}</b>${id.recap.countedUntil(r.period)}`,
        o.rank === null
          ? o.status === 'onLeave'
            ? 'OPD Anda tercatat cuti sepanjang periode ini, jadi tidak diberi skor maupun peringkat.'
            : 'Belum ada yang dinilai pada periode ini (belum ada hari kerja, atau tidak ada komponen skor yang berlaku), jadi belum ada skor maupun peringkat.'
          : `Peringkat <b>${o.rank}</b> dari ${ranked} OPD · skor KPI <b>${id.recap.score(o.score)}</b>`,
        `${id.recap.statusIcon[o.status]} Unggahan: <b>${o.posts}</b> dari target ${formatNumberId(Math.round(o.expectedPosts * 10) / 10)} (${id.recap.status[o.status]})\n` +
          `Hari aktif: <b>${o.activeDays}</b> dari ${o.workingDays} hari kerja${o.leaveDays > 0 ? ` (cuti ${o.leaveDays} hari, tidak dihitung)` : ''}\n` +
          (r.mandatoryPlatforms.length > 0 ? `Platform wajib: ${mandatory}\n` : '') +
          `Arahan: ${o.directives.addressed} diterima, ${o.directives.acknowledged} dikonfirmasi, ${o.directives.followedUp} ditindaklanjuti`,
        points ? `<b>Rincian skor</b>: ${points}` : '',
        tips.length > 0 ? `<b>Langkah berikutnya</b>\n${tips.map((t) => `• ${t}`).join('\n')}` : '👏 Terima kasih, pertahankan!',
      ]
        .filter((part) => part !== '')
        .join('\n\n');
    },
    component: {
      activeDays: 'hari aktif',
      posts: 'unggahan',
      platforms: 'platform wajib',
      acknowledged: 'konfirmasi arahan',
      followUps: 'tindak lanjut',
      meetups: 'kopdar',
    } satisfies Record<KpiComponentKey, string>,
    workbookFileName: (periodKey: string) => `rekap-${periodKey}.xlsx`,
    chartFileName: (periodKey: string) => `grafik-${periodKey}.png`,
    workbookCaption: (r: Recap) => `📎 Rekap ${id.recap.periodLabel(r.period)} (Excel): per OPD, per platform, per hari dan arahan.`,
    chartCaption: (r: Recap) => `📈 Unggahan per OPD — ${id.recap.periodLabel(r.period)}. Hijau: memenuhi target · kuning: sebagian · merah: di bawah target.`,
    /** One page of the leaderboard; the admin's own OPD is bold, and shown below when on another page. */
    leaderboard: (r: Recap, shown: readonly OpdRecap[], own: OpdRecap | null, pageNote: string) => {
      const ownLine = own && !shown.includes(own) ? `…\n<b>${id.recap.rankLine(own)}</b>` : '';
      const lines = shown.map((o) => (o === own ? `<b>${id.recap.rankLine(o)}</b>` : id.recap.rankLine(o)));
      return [
        `🏆 <b>Peringkat OPD — ${id.recap.periodLabel(r.period)}</b>${id.recap.countedUntil(r.period)}`,
        shown.length === 0 ? 'Belum ada OPD yang dapat diperingkat pada periode ini.' : lines.join('\n') + (ownLine ? `\n${ownLine}` : ''),
        [pageNote, 'Rincian lengkap: <code>/rekap</code>. 🟢 memenuhi target · 🟡 sebagian · 🔴 di bawah target.'].filter((t) => t !== '').join('\n'),
      ].join('\n\n');
    },
    weekly: (r: Recap, improved: { readonly opd: OpdRecap; readonly before: number } | null) =>
      [
        `📣 <b>Rekap mingguan media sosial OPD — ${id.recap.periodLabel(r.period)}</b>`,
        `OPD aktif <b>${r.totals.activeOpds}</b> dari ${r.totals.opds} · <b>${formatNumberId(r.totals.posts)}</b> unggahan`,
        r.opds.some((o) => o.rank !== null) ? `🏆 <b>Peringkat teratas</b>\n${r.opds.filter((o) => o.rank !== null).slice(0, 10).map(id.recap.rankLine).join('\n')}` : '',
        improved && improved.opd.score !== null
          ? `📈 <b>Paling meningkat</b>: ${e(id.opdLabel(improved.opd.name, improved.opd.code))}, skor ${formatNumberId(improved.before)} → ${formatNumberId(improved.opd.score)} (+${formatNumberId(Math.round((improved.opd.score - improved.before) * 10) / 10)})`
          : '',
        '🙏 Terima kasih kepada seluruh admin yang aktif minggu lalu. Yang belum sempat mengunggah, mari mulai minggu ini dengan satu unggahan dan laporkan dengan <code>/lapor &lt;link&gt;</code>. Lihat rekap OPD Anda dengan <code>/rekap</code>.',
      ]
        .filter((part) => part !== '')
        .join('\n\n'),
    monthlyIntro: (r: Recap) => `🗓️ <b>Laporan KPI bulanan — ${id.recap.periodLabel(r.period)}</b>\nBerikut rekap bulan lalu beserta file Excel dan grafiknya.`,
  },

  /**
   * The words of the recap files (workbook, chart, CSV) that no chat message uses: sheet and
   * column names, legend rules, the notes sheet. Whatever a message also names (platforms,
   * weekdays, statuses, KPI components, the period, the target) comes from the sections above.
   */
  recapFile: {
    /** The workbook's document title. */
    workbookTitle: (periodKey: string) => `Rekap ${periodKey}`,
    yes: 'Ya',
    no: 'Tidak',
    total: 'Jumlah',
    sheet: { opds: 'Per OPD', platforms: 'Per Platform', days: 'Per Hari', directives: 'Arahan', notes: 'Keterangan' },
    /** What each status means (the thresholds of docs/KPI.md), for the notes sheet. */
    statusRule: {
      met: 'unggahan ≥ 100% target',
      partial: 'unggahan 50–99% target',
      missed: 'unggahan < 50% target',
      onLeave: 'cuti sepanjang periode, tanpa skor dan peringkat',
      notDue: 'periode belum punya hari kerja, tanpa skor dan peringkat',
    } satisfies Record<TargetStatus, string>,
    /** The same, short, for the chart's legend. */
    legendRule: { met: '≥ 100% target', partial: '50–99% target', missed: '< 50% target', onLeave: 'sepanjang periode', notDue: 'belum ada hari kerja' } satisfies Record<
      TargetStatus,
      string
    >,
    priority: { biasa: 'Biasa', penting: 'Penting', segera: 'Segera' } satisfies Record<Priority, string>,
    /** ", dihitung sampai 19 November 2026" while the period is still running, else nothing. */
    countedNote: (period: RecapPeriod): string => (period.countedUntil < period.until ? `, dihitung sampai ${id.calendar.shortDay(period.countedUntil)}` : ''),
    /** The per-OPD view (the "Per OPD" sheet and the CSV). */
    opdColumn: {
      rank: 'Peringkat',
      code: 'Kode',
      name: 'Nama OPD',
      type: 'Jenis',
      posts: 'Unggahan',
      expectedPosts: 'Target unggahan',
      activeDays: 'Hari aktif',
      workingDays: 'Hari kerja',
      leaveDays: 'Hari cuti',
      mandatoryCovered: 'Platform wajib terisi',
      missingAccounts: 'Akun wajib belum terdaftar',
      unregisteredPosts: 'Unggahan dari akun tak terdaftar',
      directivesAddressed: 'Arahan diterima',
      directivesAcknowledged: 'Arahan dikonfirmasi',
      directivesFollowedUp: 'Arahan ditindaklanjuti',
      /** "Poin hari aktif", given the component's name in lower case. */
      points: (component: string) => `Poin ${component}`,
      score: 'Skor KPI',
      status: 'Status',
    },
    platformColumn: {
      platform: 'Platform',
      mandatory: 'Wajib',
      posts: 'Unggahan',
      opds: 'OPD yang mengunggah',
      share: 'Bagian dari seluruh unggahan',
      missingAccounts: 'OPD tanpa akun resmi',
    },
    dayColumn: { date: 'Tanggal', weekday: 'Hari', working: 'Hari kerja', posts: 'Unggahan', activeOpds: 'OPD aktif' },
    /** The footer of the working-day column: "5 hari kerja". */
    workingDaysTotal: (days: number) => `${days} hari kerja`,
    directiveColumn: {
      id: 'ID',
      title: 'Judul',
      priority: 'Prioritas',
      fromLeader: 'Dari pimpinan',
      sentAt: 'Dikirim',
      deadline: 'Batas waktu',
      requireAck: 'Perlu konfirmasi',
      addressed: 'OPD dituju',
      acknowledged: 'Dikonfirmasi',
      followedUp: 'Ditindaklanjuti',
      ackRate: 'Tingkat konfirmasi',
      silent: 'OPD belum konfirmasi',
    },
    notes: {
      /** "Rekap Minggu 16–22 November 2026, dihitung sampai …". */
      title: (period: string, countedNote: string) => `Rekap ${period}${countedNote}`,
      period: 'Periode',
      countedUntil: 'Dihitung sampai',
      generatedAt: 'Dibuat pada',
      timezone: 'Zona waktu',
      target: 'Target',
      mandatoryPlatforms: 'Platform wajib',
      opds: 'Jumlah OPD',
      posts: 'Total unggahan',
      activeOpds: 'OPD aktif',
      quietOpds: 'OPD tanpa unggahan',
      weightsHeading: 'Bobot KPI (kolom C: bagiannya bila semua komponen berlaku)',
      /** "Bobot hari aktif", given the component's name in lower case. */
      weight: (component: string) => `Bobot ${component}`,
      howToRead: 'Cara membaca',
      score: 'Skor KPI',
      scoreHelp:
        'Skor KPI (0–100) = 100 × Σ (bobot × rasio) ÷ Σ bobot, atas komponen yang berlaku bagi OPD itu saja: komponen yang tidak berlaku ' +
        '(sel poin kosong) tidak dihitung dan bobotnya terbagi ke komponen lain. Poin tiap komponen dibulatkan ke satu desimal, sehingga ' +
        'jumlahnya bisa berbeda 0,1 dari skor. OPD yang cuti sepanjang periode tidak diberi skor maupun peringkat. Penjelasan dan contoh: docs/KPI.md.',
      quietRow: 'Baris merah muda (Per OPD)',
      quietRowHelp: 'OPD tanpa unggahan (yang tidak cuti sepanjang periode).',
      missingAccountCell: 'Sel kuning (Per OPD)',
      missingAccountHelp: 'Platform wajib yang belum punya akun resmi terdaftar untuk OPD itu.',
      time: 'Waktu',
      timeHelp: (timezone: string) => `Semua tanggal dan jam mengikuti zona waktu ${timezone}.`,
    },
    chart: {
      /** "Unggahan per OPD — Minggu 16–22 November 2026". */
      title: (period: string) => `Unggahan per OPD — ${period}`,
      /** "34 OPD · 1.120 unggahan · target 1 unggahan per hari kerja". */
      subtitle: (opds: number, posts: number, target: string, countedNote: string) =>
        `${id.format.number(opds)} OPD · ${id.format.number(posts)} unggahan · target ${target}${countedNote}`,
      axis: 'Jumlah unggahan',
      /** "Tercapai (≥ 100% target): 12 OPD". */
      legendStatus: (status: string, rule: string, opds: number) => `${status} (${rule}): ${id.format.number(opds)} OPD`,
      legendTarget: 'Target unggahan OPD',
    },
  },

  /** Dates and weekdays of the work calendar. */
  calendar: {
    weekdayNames: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as readonly string[],
    /** "Senin, 17 Agustus 2026" for a local date (YYYY-MM-DD). */
    day: (date: LocalDate) => `${id.calendar.weekdayNames[weekdayOf(date) - 1] ?? ''}, ${formatDateId(new Date(`${date}T12:00:00Z`), 'UTC')}`,
    /** "17 Agustus 2026". */
    shortDay: (date: LocalDate) => formatDateId(new Date(`${date}T12:00:00Z`), 'UTC'),
    /** "Senin–Jumat", "Senin–Jumat, Minggu". */
    weekdays: (days: readonly number[]) => nameWeekdayRuns(days, id.calendar.weekdayNames),
  },

  /** /atur: the nudge settings. */
  settings: {
    help: { description: 'Lihat dan ubah pengaturan (pengingat, target, platform wajib, bobot KPI, jadwal rekap)', usage: '[kunci nilai | kunci bawaan]' },
    usage:
      'Cara pakai:\n' +
      '<code>/atur</code> — lihat semua pengaturan\n' +
      '<code>/atur KUNCI NILAI</code> — ubah, contoh <code>/atur jam 07:30</code>\n' +
      '<code>/atur KUNCI bawaan</code> — kembali ke nilai bawaan (.env)\n' +
      'Kunci: <code>jam</code>, <code>hari_kerja</code>, <code>ramah</code>, <code>tegas</code>, <code>eskalasi</code>, <code>target</code>, <code>platform_wajib</code>, <code>bobot_kpi</code>, <code>rekap_mingguan</code>, <code>rekap_bulanan</code>.',
    header: '<b>Pengaturan kopdar</b>',
    label: {
      nudge_time: 'Jam pengingat',
      working_days: 'Hari kerja',
      friendly_from: 'Pengingat ramah mulai',
      firm_from: 'Pengingat tegas mulai',
      escalate_from: 'Eskalasi ke Diskominfo dan pimpinan OPD mulai',
      posting_target: 'Target unggahan per OPD',
      mandatory_platforms: 'Platform wajib',
      kpi_weights: 'Bobot skor KPI',
      weekly_recap: 'Rekap mingguan otomatis ke grup komunitas',
      monthly_recap: 'Laporan KPI bulanan otomatis ke Diskominfo dan pimpinan',
    },
    example: {
      nudge_time: '07:30',
      working_days: '1-5',
      friendly_from: '1',
      firm_from: '3',
      escalate_from: '7',
      posting_target: '2/minggu',
      mandatory_platforms: 'instagram,facebook,tiktok',
      kpi_weights: 'hari_aktif=30,posting=25,platform=15,konfirmasi=15,tindak_lanjut=10,kopdar=5',
      weekly_recap: 'senin 09:00',
      monthly_recap: '1 09:00',
    },
    value: {
      time: (time: string) => e(time),
      weekdays: (days: readonly number[], compact: string) => `${id.calendar.weekdays(days)} (<code>${e(compact)}</code>)`,
      threshold: (days: number) => `${days} hari kerja tertinggal`,
      target: (posts: number, period: 'day' | 'week') => (period === 'day' ? `${posts} unggahan per hari kerja` : `${posts} unggahan per minggu`),
      platforms: (list: readonly Platform[]) => (list.length === 0 ? 'tidak ada' : list.map((p) => id.platformName[p]).join(', ')),
      weights: (w: KpiWeights) =>
        `hari aktif ${w.activeDays}, jumlah unggahan ${w.posts}, platform wajib ${w.platforms}, konfirmasi arahan ${w.acknowledged}, tindak lanjut arahan ${w.followUps}, kehadiran kopdar ${w.meetups}`,
      weekly: (s: { readonly weekday: number; readonly time: string } | null) =>
        s ? `setiap ${id.calendar.weekdayNames[s.weekday - 1] ?? s.weekday} pukul ${e(s.time)}` : 'dimatikan',
      monthly: (s: { readonly day: number; readonly time: string } | null) => (s ? `setiap tanggal ${s.day} pukul ${e(s.time)}` : 'dimatikan'),
    },
    entry: (label: string, key: string, value: string, source: string) => `<b>${label}</b> · <code>${e(key)}</code>\n${value} — ${source}`,
    sourceDefault: 'bawaan (.env)',
    sourceChanged: (by: string | null, when: string) => `diubah${by ? ` oleh ${e(by)}` : ''} pada ${e(when)}`,
    sourceInvalid: 'nilai tersimpan tidak valid, memakai bawaan (.env)',
    community: (chatId: string | null) =>
      `<b>Grup komunitas</b>\n${chatId ? `<code>${e(chatId)}</code>` : 'belum dihubungkan'} — diatur dengan mengirim <code>/hubungkan komunitas</code> di grup tersebut`,
    communitySource: (when: string) => ` (dihubungkan pada ${e(when)})`,
    timezone: (timezone: string) => `<b>Zona waktu</b>\n${e(timezone)} — dari APP_TIMEZONE di .env, tidak dapat diubah lewat chat`,
    leaders: (chatId: string | null) =>
      `<b>Grup pimpinan</b>\n${chatId ? `<code>${e(chatId)}</code>` : 'belum dihubungkan'} — diatur dengan mengirim <code>/hubungkan pimpinan</code> di grup tersebut`,
    directives: (title: string, segera: number, penting: number) =>
      `<b>Arahan</b>\nJudul arahan pimpinan: ${e(title)}; pengingat bagi OPD yang belum konfirmasi: segera setelah ${segera} jam, penting setelah ${penting} jam — dari LEADER_TITLE dan DIRECTIVE_REMIND_* di .env`,
    limits: (l: { readonly globalPerSecond: number; readonly perChatPerSecond: number; readonly perChatBurst: number; readonly perGroupPerMinute: number }) =>
      `<b>Batas pengiriman pesan</b>\n${l.globalPerSecond} pesan/detik untuk seluruh bot, ${l.perChatPerSecond} pesan/detik per chat (lonjakan singkat ${l.perChatBurst}), ${l.perGroupPerMinute} pesan/menit per grup — dari RATE_* di .env (batas Telegram)`,
    footer:
      'Ubah: <code>/atur KUNCI NILAI</code>, contoh <code>/atur jam 07:30</code>, <code>/atur hari_kerja 1-6</code>, <code>/atur target 2/minggu</code>.\n' +
      'Kembali ke bawaan: <code>/atur KUNCI bawaan</code>.',
    ladderWarning: '⚠️ Urutan ramah &lt; tegas &lt; eskalasi saat ini tidak terpenuhi (nilai bawaan di .env berubah?). Mohon perbaiki dengan /atur.',
    unknownKey: (key: string) =>
      `❌ Pengaturan <b>${e(key)}</b> tidak dikenal. Yang bisa diatur: <code>jam</code>, <code>hari_kerja</code>, <code>ramah</code>, <code>tegas</code>, <code>eskalasi</code>, <code>target</code>, <code>platform_wajib</code>, <code>bobot_kpi</code>, <code>rekap_mingguan</code>, <code>rekap_bulanan</code>. Lihat semuanya dengan /atur.`,
    communityReadOnly: 'Grup komunitas tidak diatur lewat /atur. Kirim <code>/hubungkan komunitas</code> di grup komunitas tersebut.',
    timezoneReadOnly: 'Zona waktu tidak dapat diubah lewat chat; pengelola teknis mengaturnya lewat APP_TIMEZONE di file .env.',
    missingValue: (key: string, example: string) =>
      `Sebutkan nilainya, contoh <code>/atur ${e(key)} ${e(example)}</code>, atau <code>/atur ${e(key)} bawaan</code> untuk kembali ke nilai bawaan.`,
    /** Why a value was refused (codes from settings/definitions.ts); `value` is the offending word. */
    problem: {
      time: () => 'jam harus berbentuk JJ:MM, misalnya 08:00',
      weekdays: () => 'hari kerja ditulis dengan angka 1 (Senin) sampai 7 (Minggu), misalnya 1-5 atau 1,2,3,4,5,6',
      weekdaysEmpty: () => 'minimal satu hari kerja',
      threshold: () => 'harus angka 1–60',
      target: () => 'target ditulis seperti 1/hari atau 2/minggu',
      platform: (value: string) => `platform "${value}" tidak dikenal; pilih dari instagram, facebook, tiktok, youtube, x, threads`,
      weightsZero: () => 'minimal satu bobot harus lebih dari 0',
      weightsUnknown: (value: string) => `komponen "${value}" tidak dikenal; gunakan hari_aktif, posting, platform, konfirmasi, tindak_lanjut, kopdar`,
      weightsSyntax: (value: string) => `"${value}" tidak terbaca; tulis seperti hari_aktif=30,posting=25 (angka 0–999)`,
      weekly: () => 'tulis nama hari dan jam, misalnya senin 09:00, atau mati',
      monthly: () => 'tulis tanggal 1–28 dan jam, misalnya 1 09:00, atau mati',
      chatId: () => 'ID chat harus angka',
      unknown: 'nilai tidak dikenali',
    } satisfies Record<SettingProblem, (value: string) => string> & { unknown: string },
    invalidValue: (key: string, problem: string, example: string) =>
      `❌ Nilai untuk <b>${e(key)}</b> tidak valid: ${e(problem)}.\nContoh: <code>/atur ${e(key)} ${e(example)}</code>\nTidak ada yang diubah.`,
    ladderOrder: (friendly: number, firm: number, escalate: number) =>
      `❌ Urutan tangga pengingat harus ramah &lt; tegas &lt; eskalasi, tetapi dengan perubahan ini menjadi ramah ${friendly}, tegas ${firm}, eskalasi ${escalate}. Tidak ada yang diubah.`,
    changed: (label: string, value: string, previous: string) =>
      `✅ ${label} diubah menjadi <b>${value}</b> (sebelumnya ${previous}). Berlaku mulai pengingat berikutnya.`,
    unchanged: (label: string, value: string) => `${label} sudah bernilai <b>${value}</b>. Tidak ada yang diubah.`,
    reset: (label: string, value: string) => `✅ ${label} kembali ke nilai bawaan: <b>${value}</b>.`,
    alreadyDefault: (label: string, value: string) => `${label} sudah memakai nilai bawaan (<b>${value}</b>). Tidak ada yang diubah.`,
  },

  /** /libur: public holidays (no reminders on those days). */
  holidays: {
    help: { description: 'Daftar hari libur 12 bulan ke depan', usage: '' },
    helpSuperadmin: {
      description: 'Daftar hari libur; tambah atau hapus hari libur (tidak ada pengingat pada hari libur)',
      usage: '[tambah YYYY-MM-DD nama | hapus YYYY-MM-DD]',
    },
    usage:
      'Cara pakai:\n' +
      '<code>/libur</code> — daftar hari libur 12 bulan ke depan\n' +
      '<code>/libur tambah YYYY-MM-DD nama</code>, contoh <code>/libur tambah 2026-08-17 HUT RI ke-81</code>\n' +
      '<code>/libur hapus YYYY-MM-DD</code>, contoh <code>/libur hapus 2026-08-17</code>',
    header: (count: number) => `<b>Hari libur 12 bulan ke depan (${count})</b>`,
    line: (date: LocalDate, name: string) => `• ${id.calendar.day(date)} — ${e(name)}`,
    empty:
      'Belum ada hari libur tercatat untuk 12 bulan ke depan. Superadmin dapat menambahkannya dengan <code>/libur tambah YYYY-MM-DD nama</code>, atau pengelola teknis mengimpor berkas CSV: <code>npm run kopdar -- holidays import libur.csv</code>.',
    footerSuperadmin: 'Tambah: <code>/libur tambah YYYY-MM-DD nama</code> · Hapus: <code>/libur hapus YYYY-MM-DD</code>',
    invalidDate: (raw: string) =>
      `❌ Tanggal <b>${e(raw)}</b> tidak ada di kalender. Tulis tanggal sebagai YYYY-MM-DD, contoh <code>2026-08-17</code>. Tidak ada yang diubah.`,
    missingName: 'Sebutkan nama hari liburnya, contoh <code>/libur tambah 2026-08-17 HUT RI ke-81</code>.',
    nameTooLong: (max: number) => `❌ Nama hari libur terlalu panjang (maksimal ${max} karakter). Tidak ada yang diubah.`,
    added: (date: LocalDate, name: string, workingDay: boolean) =>
      `✅ ${id.calendar.day(date)} dicatat sebagai hari libur: <b>${e(name)}</b>. Tidak ada pengingat pada hari itu dan hari itu tidak dihitung sebagai hari tanpa laporan.${workingDay ? '' : '\n(Hari itu memang bukan hari kerja.)'}`,
    renamed: (date: LocalDate, previous: string, name: string) =>
      `✅ Nama hari libur ${id.calendar.day(date)} diubah dari ${e(previous)} menjadi <b>${e(name)}</b>.`,
    removed: (date: LocalDate, name: string) =>
      `✅ ${id.calendar.day(date)} (${e(name)}) dihapus dari daftar hari libur. Bila hari itu hari kerja, pengingat berjalan seperti biasa.`,
    notFound: (date: LocalDate) => `Tidak ada hari libur tercatat pada ${id.calendar.day(date)}. Lihat daftarnya dengan /libur.`,
    superadminOnly: 'Maaf, menambah atau menghapus hari libur hanya dapat dilakukan superadmin Diskominfo. Daftar hari libur dapat dilihat dengan /libur.',
  },

  /** /cuti: leave of an OPD or of one admin. */
  leave: {
    help: {
      description:
        'Catat cuti. Cuti OPD: tanpa pengingat, hari cuti tidak dihitung. Cuti admin: hanya admin itu yang tidak diingatkan; OPD tetap dihitung kecuali semua adminnya cuti. Tanpa argumen: daftar cuti',
      usage: '[KODE_OPD|@admin sampai YYYY-MM-DD alasan | selesai KODE_OPD|@admin]',
    },
    rule:
      '<b>Aturan cuti</b>\n' +
      '• <b>Cuti OPD</b> (<code>/cuti KODE_OPD …</code>): seluruh OPD tidak menerima pengingat, dan hari-hari cutinya tidak dihitung sebagai hari tanpa laporan.\n' +
      '• <b>Cuti admin</b> (<code>/cuti @admin …</code>): hanya admin itu yang tidak menerima pengingat. OPD-nya tetap dihitung dan diingatkan lewat admin lainnya, kecuali <b>semua</b> adminnya sedang cuti — pada hari-hari itu OPD dianggap cuti.',
    usage: () =>
      'Cara pakai:\n' +
      '<code>/cuti KODE_OPD sampai YYYY-MM-DD alasan</code>, contoh <code>/cuti DINKES sampai 2026-12-04 Pelatihan seluruh staf</code>\n' +
      '<code>/cuti @admin sampai YYYY-MM-DD alasan</code>, contoh <code>/cuti @budi_dinkes sampai 2026-12-10 Cuti melahirkan</code>\n' +
      '<code>/cuti</code> — daftar cuti yang sedang berjalan dan yang akan datang\n' +
      '<code>/cuti selesai KODE_OPD</code> atau <code>/cuti selesai @admin</code> — akhiri cuti lebih awal\n' +
      'Cuti berlaku mulai hari ini sampai tanggal yang disebut (ikut dihitung), paling lama satu tahun ke depan.\n\n' +
      id.leave.rule,
    invalidDate: (raw: string) =>
      `❌ Tanggal <b>${e(raw)}</b> tidak ada di kalender. Tulis tanggal akhir cuti sebagai YYYY-MM-DD, contoh <code>2026-12-04</code>. Tidak ada yang dicatat.`,
    inThePast: (until: LocalDate, today: LocalDate) =>
      `❌ Tanggal akhir cuti (${id.calendar.shortDay(until)}) sudah lewat. Cuti berlaku mulai hari ini (${id.calendar.shortDay(today)}), jadi tanggal akhirnya paling cepat hari ini. Tidak ada yang dicatat.`,
    tooFar: (latest: LocalDate) =>
      `❌ Cuti paling lama satu tahun ke depan, yaitu sampai ${id.calendar.shortDay(latest)}. Bila perlu lebih lama, catat lagi menjelang cuti berakhir. Tidak ada yang dicatat.`,
    missingReason: 'Sebutkan alasan cutinya, contoh <code>/cuti DINKES sampai 2026-12-04 Pelatihan seluruh staf</code>. Tidak ada yang dicatat.',
    reasonTooLong: (max: number) => `❌ Alasan cuti terlalu panjang (maksimal ${max} karakter). Tidak ada yang dicatat.`,
    notAdmin: (name: string) => `${e(name)} bukan admin OPD. Cuti hanya dicatat untuk sebuah OPD atau untuk admin OPD.`,
    opdTarget: (code: string, opdName: string) => `<b>${e(code)}</b> (${e(opdName)})`,
    adminTarget: (name: string, code: string) => `<b>${e(name)}</b> (admin ${e(code)})`,
    recordedOpd: (target: string, from: LocalDate, until: LocalDate, reason: string) =>
      `✅ Cuti ${target} dicatat: ${id.calendar.shortDay(from)} s.d. ${id.calendar.day(until)}.\nAlasan: ${e(reason)}\n` +
      'Selama cuti, OPD ini tidak menerima pengingat dan hari-hari cutinya tidak dihitung sebagai hari tanpa laporan.',
    recordedAdmin: (target: string, from: LocalDate, until: LocalDate, reason: string, code: string) =>
      `✅ Cuti ${target} dicatat: ${id.calendar.shortDay(from)} s.d. ${id.calendar.day(until)}.\nAlasan: ${e(reason)}\n` +
      `Selama cuti, admin ini tidak menerima pengingat. ${e(code)} tetap dihitung dan diingatkan lewat admin lainnya, kecuali semua adminnya sedang cuti.`,
    noticeOpd: (opdName: string, until: LocalDate) =>
      `ℹ️ Diskominfo mencatat <b>${e(opdName)}</b> sedang cuti sampai ${id.calendar.day(until)}. Selama itu tidak ada pengingat untuk OPD Anda.`,
    noticeAdmin: (until: LocalDate) =>
      `ℹ️ Diskominfo mencatat Anda sedang cuti sampai ${id.calendar.day(until)}. Selama itu Anda tidak menerima pengingat. Laporan tetap bisa dikirim seperti biasa.`,
    header: (count: number) => `<b>Cuti yang sedang berjalan dan akan datang (${count})</b>`,
    line: (target: string, scope: 'opd' | 'admin', from: LocalDate, until: LocalDate, reason: string) =>
      `• ${target} — ${scope === 'opd' ? 'seluruh OPD' : 'admin saja'}, ${id.calendar.shortDay(from)} s.d. ${id.calendar.shortDay(until)}\n  Alasan: ${e(reason)}`,
    unknownTarget: (what: string) => `<b>${e(what)}</b> (sudah tidak terdaftar)`,
    empty: 'Tidak ada cuti yang sedang berjalan maupun yang akan datang.',
    listFooter: 'Catat cuti: <code>/cuti KODE_OPD|@admin sampai YYYY-MM-DD alasan</code> · Akhiri: <code>/cuti selesai KODE_OPD|@admin</code>',
    ended: (target: string, count: number) =>
      `✅ Cuti ${target} diakhiri (${count} catatan). Mulai hari ini pengingat dan penghitungan hari tanpa laporan berjalan seperti biasa.`,
    nothingToEnd: (target: string) => `Tidak ada cuti yang sedang berjalan atau akan datang untuk ${target}.`,
  },
};

export type Catalogue = typeof id;
