import type { Action, Command } from './spec.ts';
import { start } from './start.ts';
import { bantuan, registerForHelp } from './bantuan.ts';
import { saya } from './saya.ts';
import { daftar, joinDecision } from './daftar.ts';
import { lapor } from './lapor.ts';
import { batal } from './batal.ts';
import { riwayat } from './riwayat.ts';
import { undang } from './undang.ts';
import { cabut } from './cabut.ts';
import { pindah } from './pindah.ts';
import { opd } from './opd.ts';
import { akun } from './akun.ts';
import { hubungkan } from './hubungkan.ts';
import { reportNow } from './nudge-button.ts';
import { atur } from './atur.ts';
import { libur } from './libur.ts';
import { cuti } from './cuti.ts';
import { handoverDecision, serahterima } from './serahterima.ts';
import { arahan, arahanList, directiveButtons, statusArahan, tanya } from './arahan.ts';
import { peringkat, rekap } from './rekap.ts';
import { pageButtonsAction } from './pages.ts';
import { dialogueButtons, hadir, kopdar, rsvpButtons } from './kopdar.ts';

/** Every chat command, in the order /bantuan and the command menu list them. */
export const commands: readonly Command[] = [lapor, batal, riwayat, rekap, peringkat, kopdar, hadir, saya, bantuan, tanya, daftar, start, arahan, statusArahan, arahanList, undang, cabut, pindah, serahterima, opd, akun, atur, libur, cuti, hubungkan];

/** Every button handler, found by the prefix of its callback_data. */
export const actions: readonly Action[] = [joinDecision, reportNow, directiveButtons, handoverDecision, rsvpButtons, dialogueButtons, pageButtonsAction];

registerForHelp(commands);

export type { Action, ActionContext, ActionOutcome, ChatKind, Command, CommandContext, CommandRawInput } from './spec.ts';
