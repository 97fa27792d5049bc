import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/app/deps.ts';
import type { Person } from '../../src/domain/model.ts';
import { cancelDialogue, continueDialogue, dialogueButton } from '../../src/app/usecases/dialogue.ts';
import { meetupDialogue, startMeetupDialogue } from '../../src/app/usecases/meetups/create.ts';
import { answerRsvp } from '../../src/app/usecases/meetups/rsvp.ts';
import { checkIn } from '../../src/app/usecases/meetups/checkin.ts';
import { cancelMeetup, editMeetup } from '../../src/app/usecases/meetups/manage.ts';
import { runMeetupJobs } from '../../src/app/usecases/meetups/jobs.ts';
import { buildRecap } from '../../src/app/usecases/recap/build.ts';
import { recordLeave } from '../../src/app/usecases/leave.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { query } from '../helpers/seed-admins.ts';

const flows = [meetupDialogue];
const text = (outcome: Outcome | null): string => (outcome?.replies ?? []).map((r) => r.text).join('\n');
const HOUR = 3_600_000;

let app: TestApp;
let sari: Person;
let budi: Person;
let dewi: Person;
let rina: Person;
beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-23T02:00:00.000Z' });
  await app.addOpds('DINKES', 'DINSOS');
  sari = await app.addPerson(1001, 'superadmin', undefined, 'Sari');
  budi = await app.addPerson(2001, 'admin', 'DINKES', 'Budi');
  dewi = await app.addPerson(2002, 'admin', 'DINKES', 'Dewi');
  rina = await app.addPerson(2003, 'admin', 'DINSOS', 'Rina');
});
afterEach(async () => app.close());

/** Creates and publishes a meetup through the dialogue; returns its id. */
async function create(when: string, capacity: string): Promise<number> {
  await startMeetupDialogue(app.deps, sari);
  for (const answer of ['Kopdar Uji', when, 'Aula', '-', capacity]) await continueDialogue(app.deps, sari, answer, flows);
  const published = await dialogueButton(app.deps, sari, 'pub', null, flows);
  const id = Number(/Kopdar #(\d+) dipublikasikan/.exec(published.editedText ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

interface Row {
  readonly chatId: number;
  readonly text: string;
  readonly buttons: string | null;
}
const pending = async (): Promise<Row[]> => query<Row>(app.file, "SELECT chatId, text, buttons FROM OutboxMessage WHERE status = 'pending' ORDER BY id");

describe('the meetup dialogue', () => {
  it('repeats a question on a bad answer, stores nothing until Publikasikan, and is closed by /batal', async () => {
    expect(text(await startMeetupDialogue(app.deps, sari))).toContain('judul');
    await continueDialogue(app.deps, sari, 'Kopdar', flows);
    expect(text(await continueDialogue(app.deps, sari, '2026-13-01 10:00', flows))).toContain('tidak ada di kalender');
    expect(text(await continueDialogue(app.deps, sari, 'besok', flows))).toContain('25-12-2026 14:00');
    expect(text(await continueDialogue(app.deps, sari, '2026-12-01 10:00', flows))).toContain('Langkah 3');
    expect(text(await cancelDialogue(app.deps, sari, flows))).toContain('dibatalkan');
    expect(await cancelDialogue(app.deps, sari, flows)).toBeNull();
    expect(await continueDialogue(app.deps, sari, 'Aula', flows)).toBeNull();
    expect(query(app.file, 'SELECT id FROM Meetup')).toEqual([]);
  });

  it('times out after 15 minutes without an answer', async () => {
    await startMeetupDialogue(app.deps, sari);
    await app.clock.advance(15 * 60_000 + 1);
    expect(text(await continueDialogue(app.deps, sari, 'Kopdar', flows))).toContain('waktunya habis');
    expect(await continueDialogue(app.deps, sari, 'Kopdar', flows)).toBeNull();
  });

  it('publishes to every admin with RSVP buttons', async () => {
    await create('2026-12-01 10:00', '-');
    const rows = await pending();
    expect(rows.map((r) => r.chatId)).toEqual([2001, 2002, 2003]);
    expect(rows[0]?.buttons).toContain('k:1:hadir');
  });
});

describe('RSVP, reminders, check-in, edit, cancel and the recap', () => {
  it('waitlists beyond capacity and promotes on a cancellation', async () => {
    const id = await create('2026-12-01 10:00', '1');
    expect((await answerRsvp(app.deps, budi, id, 'hadir', false)).editedButtons?.[0]?.[0]?.text).toBe('✅ Hadir (1/1)');
    const waiting = await answerRsvp(app.deps, rina, id, 'hadir', false);
    expect(waiting.answer).toContain('daftar tunggu urutan ke-1');
    await answerRsvp(app.deps, budi, id, 'tidak', false);
    const rows = await pending();
    expect(rows.some((r) => r.chatId === 2003 && r.text.includes('Ada kursi kosong'))).toBe(true);
  });

  it('reminds a day and two hours before, to hadir and mungkin only, once', async () => {
    const id = await create('2026-11-25 14:00', '-'); // 07:00Z on the 25th
    await answerRsvp(app.deps, budi, id, 'hadir', false);
    await answerRsvp(app.deps, dewi, id, 'mungkin', false);
    await answerRsvp(app.deps, rina, id, 'tidak', false);
    const before = (await pending()).length;
    app.clock.set('2026-11-24T07:00:00.000Z');
    expect(await runMeetupJobs(app.deps)).toMatchObject({ reminded: 1 });
    expect(await runMeetupJobs(app.deps)).toMatchObject({ reminded: 0 });
    const day = (await pending()).slice(before);
    expect(day.map((r) => r.chatId)).toEqual([2001, 2002]);
    app.clock.set('2026-11-25T05:00:00.000Z');
    expect(await runMeetupJobs(app.deps)).toMatchObject({ reminded: 1 });
    expect((await pending()).slice(before).filter((r) => r.text.includes('2 jam lagi'))).toHaveLength(2);
  });

  it('a meetup published less than a day ahead gets only the two-hour reminder', async () => {
    const id = await create('2026-11-23 20:00', '-');
    await answerRsvp(app.deps, budi, id, 'hadir', false);
    expect(await runMeetupJobs(app.deps)).toMatchObject({ reminded: 0 });
    app.clock.set('2026-11-23T11:00:00.000Z');
    expect(await runMeetupJobs(app.deps)).toMatchObject({ reminded: 1 });
  });

  it('checks in only during the window, once per person', async () => {
    const id = await create('2026-11-23 14:00', '-');
    const meetup = await app.deps.uow.run((r) => r.meetups.find(id));
    const code = meetup?.checkInCode ?? '';
    expect(text(await checkIn(app.deps, budi, code))).toContain('belum dibuka');
    app.clock.set('2026-11-23T06:30:00.000Z');
    expect(text(await checkIn(app.deps, budi, code))).toContain('tercatat untuk OPD DINKES (DINKES)');
    expect(text(await checkIn(app.deps, budi, code))).toContain('sudah tercatat');
    app.clock.set('2026-11-23T09:00:01.000Z');
    expect(text(await checkIn(app.deps, dewi, code))).toContain('sudah ditutup');
  });

  it('tells everyone who answered about an edit and a cancellation', async () => {
    const id = await create('2026-12-01 10:00', '-');
    await answerRsvp(app.deps, budi, id, 'hadir', false);
    await answerRsvp(app.deps, rina, id, 'tidak', false);
    expect(text(await editMeetup(app.deps, sari, id, 'waktu', '2026-12-02 10:00'))).toContain('2 orang');
    expect(text(await editMeetup(app.deps, sari, id, 'waktu', '2020-12-02 10:00'))).toContain('sudah lewat');
    expect(text(await cancelMeetup(app.deps, sari, id, 'Hujan deras'))).toContain('2 orang');
    expect(text(await cancelMeetup(app.deps, sari, id, 'Lagi'))).toContain('sudah dibatalkan');
    const rows = await pending();
    expect(rows.filter((r) => r.text.includes('Perubahan waktu'))).toHaveLength(2);
    expect(rows.filter((r) => r.text.includes('dibatalkan') && r.text.includes('Hujan deras'))).toHaveLength(2);
    expect((await answerRsvp(app.deps, dewi, id, 'hadir', false)).answer).toContain('dibatalkan');
  });

  it('counts meetups held and attended per OPD in the recap; not while the OPD was on leave', async () => {
    const id = await create('2026-11-24 10:00', '-');
    await create('2026-11-26 10:00', '-');
    const code = (await app.deps.uow.run((r) => r.meetups.find(id)))?.checkInCode ?? '';
    app.clock.set('2026-11-24T03:10:00.000Z');
    await checkIn(app.deps, budi, code);
    await recordLeave(app.deps, sari, { kind: 'opd', code: 'DINSOS' }, '2026-11-24', 'Pelatihan');
    app.clock.set('2026-11-27T10:00:00.000Z');
    const recap = await buildRecap(app.deps, { kind: 'week', key: '2026-W48', from: '2026-11-23', until: '2026-11-29', countedUntil: '2026-11-27' });
    const meetups = (code: string) => recap.opds.find((o) => o.code === code)?.components.find((c) => c.key === 'meetups');
    expect(meetups('DINKES')?.ratio).toBe(0.5); // two held, one attended
    expect(meetups('DINSOS')?.ratio).toBe(0); // the first was held during its leave: one held, none attended
  });
});
