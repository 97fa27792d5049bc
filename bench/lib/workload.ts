/** The burst both bots receive: the same users, texts and order in every run (seeded). */
import { mulberry32 } from '../../test/helpers/prng.ts';

export interface BenchUser {
  readonly id: number;
  readonly first_name: string;
  readonly username: string;
}

export interface BurstMessage {
  readonly from: BenchUser;
  readonly text: string;
  /** The Instagram shortcode in the link; its canonical URL is https://instagram.com/p/<code>. */
  readonly code: string;
}

export interface Workload {
  readonly admins: readonly BenchUser[];
  /** OPD code of admins[i] is opdCodes[i]. */
  readonly opdCodes: readonly string[];
  readonly messages: readonly BurstMessage[];
}

export interface WorkloadOptions {
  readonly admins: number;
  readonly perAdmin: number;
  readonly seed: number;
}

const FIRST_ADMIN_ID = 710_000_001;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';


/**
 * `admins` admins, one per OPD (OPD_001 …), each sending `perAdmin` "/lapor <link>" messages with
 * a link to a distinct Instagram post (11-character shortcodes, unique by construction), in a
 * shuffled order: a mix of interleaved admins and the same admin several times in a row.
 */
export function laporBurst(options: WorkloadOptions): Workload {
  const random = mulberry32(options.seed);
  const width = String(options.admins).length < 3 ? 3 : String(options.admins).length;
  const admins: BenchUser[] = [];
  const opdCodes: string[] = [];
  for (let i = 0; i < options.admins; i++) {
    const n = String(i + 1).padStart(width, '0');
    admins.push({ id: FIRST_ADMIN_ID + i, first_name: `Admin ${n}`, username: `admin_opd_${n}` });
    opdCodes.push(`OPD_${n}`);
  }
  const messages: BurstMessage[] = [];
  let index = 0;
  for (const admin of admins) {
    for (let k = 0; k < options.perAdmin; k++) {
      const code = shortcode(index++, random);
      messages.push({ from: admin, text: `/lapor https://www.instagram.com/p/${code}/`, code });
    }
  }
  // Fisher–Yates with the seeded generator.
  for (let i = messages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = messages[i];
    const b = messages[j];
    if (a === undefined || b === undefined) continue;
    messages[i] = b;
    messages[j] = a;
  }
  return { admins, opdCodes, messages };
}

/** "B" + the index in base 36 (4 chars, unique) + 6 random characters = 11 characters. */
function shortcode(index: number, random: () => number): string {
  let code = `B${index.toString(36).padStart(4, '0')}`;
  while (code.length < 11) code += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'x';
  return code;
}

export function canonicalUrlOf(code: string): string {
  return `https://instagram.com/p/${code}`;
}
