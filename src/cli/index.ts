import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { appSettingsFrom, ConfigError, loadConfig, type Config } from '../config.ts';
import { createAppDeps } from '../app/composition.ts';
import type { AppDeps } from '../app/deps.ts';
import { bootstrapSuperadmins } from '../app/usecases/identify.ts';
import { createInvitation, type InvitationTarget } from '../app/usecases/invitations.ts';
import { importOpds, ImportRejected } from '../app/usecases/opd-import.ts';
import { exportReports } from '../app/usecases/report-export.ts';
import { listJobs, runNudges } from '../app/usecases/nudges.ts';
import { HOLIDAY_LIST_DAYS, holidaysBetween, importHolidays } from '../app/usecases/holidays.ts';
import { accountsByOpd, importAccounts } from '../app/usecases/account-import.ts';
import { missingPlatforms } from '../domain/official-accounts.ts';
import { displayHandle } from '../domain/links/index.ts';
import { formatDateId } from '../domain/time/format.ts';
import { todayIn } from '../app/today.ts';
import { buildRecap } from '../app/usecases/recap/build.ts';
import { listRecapJobs } from '../app/usecases/recap/jobs.ts';
import { readSettings } from '../app/usecases/settings.ts';
import { parsePeriodRequest, resolvePeriod } from '../domain/recap/period.ts';
import { catalogues } from '../app/messages/catalogues.ts';
import { createRecapRenderer } from '../infra/render/recap-renderer.ts';
import { displayName } from '../domain/model.ts';
import { looksLikeOpdCode, normalizeOpdCode } from '../domain/opd-code.ts';
import { zonedInstant } from '../domain/time/zoned.ts';
import { addDays, isLocalDate, weekdayOf } from '../domain/calendar/local-date.ts';
import { systemClock } from '../infra/clock/system-clock.ts';
import { inspectDatabase, openMigratedDatabase, type Database } from '../infra/db/open.ts';
import { getMe } from './bot-api.ts';
import { parseCsv, toCsv } from './csv.ts';

const usage = `Pemakaian: npm run kopdar -- <perintah>

  db migrate                         terapkan migrasi database yang belum diterapkan
  opd import <file.csv>              impor/perbarui OPD (kolom kode,nama,jenis)
  opd list                           daftar OPD
  admin list [--opd KODE]            daftar admin per OPD
  invite <KODE|pimpinan [KODE]>      buat tautan undangan sekali pakai (7 hari)
  reports export --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] [--out file]
                                     ekspor laporan (tanggal menurut APP_TIMEZONE, --to ikut dihitung)
  export rekap --period minggu|bulan|YYYY-MM|YYYY-Www --format xlsx|csv --out <file>
                                     rekap KPI yang sama dengan /rekap, sebagai Excel atau CSV
  jobs list                          jadwal tugas otomatis dan kapan terakhir berjalan
  jobs run nudges [--date YYYY-MM-DD] [--dry-run]
                                     jalankan pengingat pagi sekarang; --dry-run hanya menampilkan
                                     siapa yang akan diingatkan dan mengapa, tanpa mengirim
  holidays import <file.csv>         impor/perbarui hari libur (kolom tanggal,nama; contoh prisma/libur-contoh.csv)
  holidays list [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                     daftar hari libur (bawaan: hari ini sampai 12 bulan ke depan)
  accounts import <file.csv>         impor/perbarui akun resmi OPD (kolom kode,platform,akun; contoh prisma/akun-contoh.csv)
  accounts list [--opd KODE]         daftar akun resmi per OPD dan OPD yang belum punya akun wajib
  doctor                             periksa konfigurasi, database dan token bot`;

class CliError extends Error {}

/** Prints for the operator; the CLI's only output besides files it writes. */
const print = (line: string): void => void process.stdout.write(`${line}\n`);

async function withApp<T>(config: Config, work: (deps: AppDeps, db: Database) => Promise<T>, botUsername = ''): Promise<T> {
  const db = await openMigratedDatabase(config.databaseUrl);
  try {
    const deps = createAppDeps({
      uow: db.uow,
      clock: systemClock,
      settings: appSettingsFrom(config, botUsername),
      recapRenderer: createRecapRenderer(catalogues[config.locale]),
      locale: config.locale,
    });
    return await work(deps, db);
  } finally {
    await db.close();
  }
}

const dateArg = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus berbentuk YYYY-MM-DD');

function localDay(config: Config, date: string, plusDays = 0): Date {
  if (!isLocalDate(date)) throw new CliError(`Tanggal ${date} tidak ada di kalender.`);
  const [y, m, d] = addDays(date, plusDays).split('-').map(Number) as [number, number, number];
  return zonedInstant(config.timezone, y, m, d);
}

/** The text of the CSV file named on the command line, or a clear error with an example. */
function readCsvArgument(file: string | undefined, example: string): string {
  if (!file) throw new CliError(`Sebutkan file CSV, misalnya: ${example}`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`File ${file} tidak bisa dibaca.`);
  }
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      opd: { type: 'string' },
      date: { type: 'string' },
      period: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group = '', action = '', ...rest] = positionals;
  const key = `${group} ${action}`.trim();
  if (values.help || !group) {
    print(usage);
    return values.help ? 0 : 2;
  }

  switch (group === 'invite' || group === 'doctor' ? group : key) {
    case 'db migrate': {
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (_deps, db) => {
        const { applied, alreadyApplied } = db.migration;
        print(applied.length > 0 ? `Migrasi diterapkan: ${applied.join(', ')}` : 'Database sudah mutakhir, tidak ada migrasi baru.');
        print(`(${alreadyApplied} migrasi sudah diterapkan sebelumnya)`);
      });
      return 0;
    }
    case 'opd import': {
      const text = readCsvArgument(rest[0], 'npm run kopdar -- opd import prisma/opd-contoh.csv');
      const config = loadConfig({ requireToken: false });
      const summary = await withApp(config, (deps) => importOpds(deps, parseCsv(text)));
      print(`Impor selesai: ${summary.created} OPD baru, ${summary.updated} diperbarui, ${summary.unchanged} tidak berubah.`);
      return 0;
    }
    case 'opd list': {
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (deps) => {
        const rows = await deps.uow.run(async (repos) =>
          Promise.all((await repos.opds.list()).map(async (o) => ({ o, admins: await repos.opds.countAdmins(o.id) }))),
        );
        if (rows.length === 0) print('Belum ada OPD. Impor dengan: npm run kopdar -- opd import prisma/opd-contoh.csv');
        for (const { o, admins } of rows) print(`${o.code.padEnd(16)} ${o.type.padEnd(12)} ${String(admins).padStart(2)} admin  ${o.name}`);
      });
      return 0;
    }
    case 'admin list': {
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (deps) => {
        const filter = values.opd ? normalizeOpdCode(values.opd) : null;
        const rows = await deps.uow.run(async (repos) => {
          const opds = new Map((await repos.opds.list()).map((o) => [o.id, o]));
          const opd = filter ? [...opds.values()].find((o) => o.code === filter) : undefined;
          if (filter && !opd) throw new CliError(`OPD ${filter} tidak ditemukan.`);
          const admins = await repos.users.listAdmins(opd?.id);
          const leaders = filter ? [] : [...(await repos.users.listByRole('superadmin')), ...(await repos.users.listByRole('leader'))];
          return [...leaders, ...admins].map((p) => ({ p, opd: p.opdId === null ? null : opds.get(p.opdId) }));
        });
        if (rows.length === 0) print('Belum ada admin terdaftar.');
        for (const { p, opd } of rows) {
          print(`${(opd?.code ?? '-').padEnd(16)} ${p.role.padEnd(10)} ${p.telegramId.toString().padEnd(12)} ${displayName(p)}${p.username ? ` (@${p.username})` : ''}`);
        }
      });
      return 0;
    }
    case 'invite': {
      const raw = action;
      const target: InvitationTarget | null = /^pimpinan$/i.test(raw)
        ? { kind: 'leader', headOf: rest[0] && looksLikeOpdCode(rest[0]) ? normalizeOpdCode(rest[0]) : null }
        : looksLikeOpdCode(raw)
          ? { kind: 'opd', code: normalizeOpdCode(raw) }
          : null;
      if (!target) throw new CliError('Sebutkan kode OPD: npm run kopdar -- invite DINKES (atau: invite pimpinan)');
      const config = loadConfig();
      const me = await getMe(config.telegramApiRoot, config.botToken);
      if (!me.ok) throw new CliError(`Tidak bisa membuat tautan: ${me.problem}.`);
      await withApp(
        config,
        async (deps) => {
          const { superadmins } = await bootstrapSuperadmins(deps);
          const creator = superadmins[0];
          if (!creator) throw new CliError('SUPERADMIN_IDS belum diisi; undangan harus atas nama seorang superadmin.');
          const outcome = await createInvitation(deps, creator, target);
          if (!outcome.link) throw new CliError(`OPD ${raw.toUpperCase()} tidak ditemukan. Lihat: npm run kopdar -- opd list`);
          print(outcome.link);
        },
        me.username,
      );
      return 0;
    }
    case 'reports export': {
      const args = z
        .object({ from: dateArg, to: dateArg, format: z.enum(['csv', 'json'], { error: 'format harus csv atau json' }) })
        .safeParse(values);
      if (!args.success) throw new CliError(`Argumen tidak valid: ${args.error.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join('; ')}`);
      const config = loadConfig({ requireToken: false });
      const from = localDay(config, args.data.from);
      const to = localDay(config, args.data.to, 1);
      if (to <= from) throw new CliError('--to harus sama dengan atau sesudah --from.');
      const rows = await withApp(config, (deps) => exportReports(deps, from, to));
      const output = args.data.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows as unknown as Record<string, unknown>[]);
      if (values.out) {
        writeFileSync(values.out, output);
        print(`${rows.length} laporan ditulis ke ${values.out}`);
      } else {
        process.stdout.write(output);
      }
      return 0;
    }
    case 'export rekap': {
      const request = parsePeriodRequest(values.period ?? '');
      if (!request) throw new CliError('--period harus minggu, minggu lalu, bulan, bulan lalu, YYYY-MM atau YYYY-Www, misalnya --period 2026-11.');
      const format = values.format === 'csv' || values.format === 'xlsx' ? values.format : null;
      if (!format || !values.out) throw new CliError('Sebutkan --format xlsx|csv dan --out <file>, misalnya: npm run kopdar -- export rekap --period 2026-11 --format xlsx --out rekap-2026-11.xlsx');
      const out = values.out;
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (deps) => {
        const period = resolvePeriod(request, todayIn(deps));
        if (!period) throw new CliError('Periode itu belum dimulai.');
        const recap = await buildRecap(deps, period);
        writeFileSync(out, format === 'csv' ? deps.recapRenderer.csv(recap) : await deps.recapRenderer.workbook(recap));
        print(`Rekap ${period.key} (${recap.opds.length} OPD, ${recap.totals.posts} unggahan) ditulis ke ${out}`);
      });
      return 0;
    }
    case 'jobs list': {
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (deps) => {
        for (const job of [...(await listJobs(deps)), ...(await listRecapJobs(deps))]) {
          print(`${job.name.padEnd(14)} ${job.schedule}; terakhir: ${job.lastDay ? `${job.lastDay}${job.finished ? '' : ' (belum selesai)'}` : 'belum pernah'}`);
        }
      });
      return 0;
    }
    case 'jobs run': {
      if (rest[0] !== 'nudges') throw new CliError('Tugas yang bisa dijalankan: nudges. Contoh: npm run kopdar -- jobs run nudges --dry-run');
      if (values.date !== undefined && !isLocalDate(values.date)) throw new CliError('--date harus tanggal yang ada, berbentuk YYYY-MM-DD.');
      const config = loadConfig({ requireToken: false });
      const dryRun = values['dry-run'] === true;
      await withApp(config, async (deps) => {
        const result = await runNudges(deps, { ...(values.date ? { day: values.date } : {}), dryRun });
        const { plan } = result;
        print(dryRun ? deps.messages.nudge.dryRunHeader(plan.day, plan.workingDay) : `Pengingat ${plan.day}${plan.workingDay ? '' : ': bukan hari kerja'}`);
        for (const nudge of plan.nudges) {
          const who = nudge.recipients.map((r) => `${displayName(r.person)} [${r.message}]`).join(', ');
          print(`  ${nudge.opd.code.padEnd(14)} ${nudge.level.padEnd(10)} ${String(nudge.silence).padStart(3)} hari kerja sepi → ${who}`);
        }
        if (plan.withoutAdmin.length > 0) print(`  Belum punya admin: ${plan.withoutAdmin.map((o) => o.code).join(', ')}`);
        if (plan.onLeave.length > 0) print(`  Sedang cuti: ${plan.onLeave.map((o) => o.code).join(', ')}`);
        if (!dryRun) print(`${result.recorded} pengingat dicatat, ${result.enqueued} pesan masuk antrean (dikirim oleh bot yang berjalan).`);
      });
      return 0;
    }
    case 'holidays import': {
      const text = readCsvArgument(rest[0], 'npm run kopdar -- holidays import prisma/libur-contoh.csv');
      const config = loadConfig({ requireToken: false });
      const summary = await withApp(config, (deps) => importHolidays(deps, parseCsv(text)));
      print(`Impor selesai: ${summary.created} hari libur baru, ${summary.updated} diperbarui, ${summary.unchanged} tidak berubah.`);
      return 0;
    }
    case 'holidays list': {
      for (const [option, value] of [['--from', values.from], ['--to', values.to]] as const) {
        if (value !== undefined && !isLocalDate(value)) throw new CliError(`${option} harus tanggal YYYY-MM-DD yang ada di kalender, misalnya 2026-08-17.`);
      }
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (deps) => {
        const from = values.from ?? todayIn(deps);
        const until = values.to ?? addDays(from, HOLIDAY_LIST_DAYS);
        if (until < from) throw new CliError('--to harus sama dengan atau sesudah --from.');
        const holidays = await holidaysBetween(deps, from, until);
        if (holidays.length === 0) print(`Tidak ada hari libur dari ${from} sampai ${until}. Impor dengan: npm run kopdar -- holidays import prisma/libur-contoh.csv`);
        for (const h of holidays) print(`${h.date}  ${deps.messages.calendar.weekdayNames[weekdayOf(h.date) - 1]?.padEnd(6)}  ${h.name}`);
      });
      return 0;
    }
    case 'accounts import': {
      const text = readCsvArgument(rest[0], 'npm run kopdar -- accounts import prisma/akun-contoh.csv');
      const config = loadConfig({ requireToken: false });
      const summary = await withApp(config, (deps) => importAccounts(deps, parseCsv(text)));
      print(`Impor selesai: ${summary.created} akun baru, ${summary.updated} diperbarui, ${summary.unchanged} tidak berubah (semua ditandai terverifikasi hari ini).`);
      return 0;
    }
    case 'accounts list': {
      const config = loadConfig({ requireToken: false });
      await withApp(config, async (deps) => {
        const filter = values.opd ? normalizeOpdCode(values.opd) : null;
        const listing = (await accountsByOpd(deps)).filter((l) => filter === null || l.opd.code === filter);
        if (filter && listing.length === 0) throw new CliError(`OPD ${filter} tidak ditemukan.`);
        const { mandatoryPlatforms } = (await deps.uow.run((repos) => readSettings(repos, deps.settings.nudgeDefaults))).recap;
        const incomplete: string[] = [];
        for (const { opd, accounts } of listing) {
          for (const a of accounts) {
            const verified = a.lastVerifiedAt ? `diverifikasi ${formatDateId(a.lastVerifiedAt, config.timezone)}` : 'belum diverifikasi';
            print(`${opd.code.padEnd(16)} ${a.platform.padEnd(10)} ${displayHandle(a.platform, a.handle).padEnd(26)} ${a.url}  (${verified})`);
          }
          const missing = missingPlatforms(accounts.map((a) => a.platform), mandatoryPlatforms);
          if (opd.active && missing.length > 0) incomplete.push(`${opd.code} (${missing.join(', ')})`);
        }
        if (listing.every((l) => l.accounts.length === 0)) print('Belum ada akun resmi terdaftar. Impor dengan: npm run kopdar -- accounts import prisma/akun-contoh.csv');
        if (incomplete.length > 0) print(`Belum punya akun wajib (${incomplete.length} OPD): ${incomplete.join(', ')}`);
      });
      return 0;
    }
    case 'doctor':
      return doctor();
    default:
      print(`Perintah tidak dikenal: ${key}\n`);
      print(usage);
      return 2;
  }
}

async function doctor(): Promise<number> {
  let failures = 0;
  const check = (ok: boolean, line: string): void => {
    if (!ok) failures++;
    print(`${ok ? '✅' : '❌'} ${line}`);
  };
  let config: Config;
  try {
    config = loadConfig();
    check(true, `Konfigurasi lengkap (zona waktu ${config.timezone}, ${config.superadminIds.length} superadmin).`);
  } catch (error) {
    check(false, error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (config.superadminIds.length === 0) print('⚠️  SUPERADMIN_IDS kosong: belum ada yang bisa mengelola bot lewat chat.');
  try {
    const health = await inspectDatabase(config.databaseUrl);
    if (health.state === 'missing') print(`⚠️  Database ${config.databaseUrl} belum ada; npm start akan membuatnya.`);
    else if (health.state === 'outdated') check(false, `Database ${config.databaseUrl}: ${health.pending.length} migrasi belum diterapkan (${health.pending.join(', ')}). Jalankan: npm run kopdar -- db migrate`);
    else {
      check(true, `Database ${config.databaseUrl} dapat dibuka dan mutakhir (${health.opds} OPD).`);
      if (health.opds === 0) print('⚠️  Belum ada OPD: npm run kopdar -- opd import prisma/opd-contoh.csv');
    }
  } catch (error) {
    check(false, `Database ${config.databaseUrl} bermasalah: ${error instanceof Error ? error.message : String(error)}`);
  }
  const me = await getMe(config.telegramApiRoot, config.botToken);
  check(me.ok, me.ok ? `Token bot berlaku: @${me.username} (${me.name}).` : `Token bot: ${me.problem}.`);
  return failures === 0 ? 0 : 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof ConfigError || error instanceof ImportRejected;
    const message = known ? (error as Error).message : `Gagal: ${error instanceof Error ? error.message : String(error)}`;
    const token = process.env.BOT_TOKEN;
    process.stderr.write(`${token && token.length >= 8 ? message.split(token).join('[redacted]') : message}\n`);
    process.exit(1);
  },
);
