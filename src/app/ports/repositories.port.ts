import type { Opd, Person, RecordedReport } from '../../domain/model.ts';
import type { Role } from '../../domain/roles.ts';
import type { Platform } from '../../domain/links/index.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import type { FileUpload, MediaRef } from '../../domain/media.ts';
import type { Button } from '../reply.ts';
import type { Audience, DirectiveStatus, Priority } from '../../domain/directives/directive.ts';
import type { PostCount, RecapOpd } from '../../domain/recap/assemble.ts';
import type { MeetupStatus, RsvpAnswer } from '../../domain/meetups/meetup.ts';

export interface OpdInput {
  readonly code: string;
  readonly name: string;
  readonly type: string;
}

export interface OpdRepository {
  findByCode(code: string): Promise<Opd | null>;
  findById(id: number): Promise<Opd | null>;
  list(): Promise<Opd[]>;
  /** Creates (added at `at`) or updates by code; says which happened. */
  upsert(input: OpdInput, at: Date): Promise<'created' | 'updated' | 'unchanged'>;
  countAdmins(opdId: number): Promise<number>;
}

export interface TelegramProfile {
  readonly telegramId: bigint;
  readonly username: string | null;
  readonly firstName: string;
  readonly lastName: string | null;
}

export interface UserRepository {
  findById(id: number): Promise<Person | null>;
  findByTelegramId(telegramId: bigint): Promise<Person | null>;
  findByUsername(username: string): Promise<Person | null>;
  /** Inserts the person or refreshes their names; never changes role or OPD. */
  upsertProfile(profile: TelegramProfile): Promise<Person>;
  setRole(id: number, role: Role, opdId: number | null): Promise<Person>;
  listByRole(role: Role): Promise<Person[]>;
  listAdmins(opdId?: number): Promise<Person[]>;
  markUnreachable(telegramId: bigint, reason: string, at: Date): Promise<void>;
}

export interface InvitationRecord {
  readonly id: number;
  readonly token: string;
  readonly role: Role;
  readonly opdId: number | null;
  readonly createdById: number;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface InvitationRepository {
  create(input: { token: string; role: Role; opdId: number | null; createdById: number; expiresAt: Date }): Promise<InvitationRecord>;
  findByToken(token: string): Promise<InvitationRecord | null>;
  /** Marks it used only if still unused; false when someone else used it first. */
  markUsed(id: number, usedById: number, at: Date): Promise<boolean>;
}

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected';

export interface JoinRequestRecord {
  readonly id: number;
  readonly userId: number;
  readonly opdId: number;
  readonly status: JoinRequestStatus;
  readonly createdAt: Date;
  readonly decidedById: number | null;
}

export interface JoinRequestRepository {
  create(input: { userId: number; opdId: number; at: Date }): Promise<JoinRequestRecord>;
  findById(id: number): Promise<JoinRequestRecord | null>;
  findPending(userId: number): Promise<JoinRequestRecord | null>;
  /** Decides it only if still pending; false when it was already decided. */
  decide(id: number, status: 'approved' | 'rejected', deciderId: number, at: Date): Promise<boolean>;
}

export type HandoverStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';

/** A handover (serah terima) of an OPD's admin duties from one person to another. */
export interface HandoverRecord {
  readonly id: number;
  readonly opdId: number;
  readonly fromUserId: number;
  readonly toUserId: number;
  readonly requestedById: number;
  readonly status: HandoverStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly decidedAt: Date | null;
}

export interface HandoverRepository {
  create(input: { opdId: number; fromUserId: number; toUserId: number; requestedById: number; at: Date; expiresAt: Date }): Promise<HandoverRecord>;
  findById(id: number): Promise<HandoverRecord | null>;
  /** The pending handover of this OPD from this admin (at most one), expired or not. */
  findPending(opdId: number, fromUserId: number): Promise<HandoverRecord | null>;
  /** Pending handovers this person asked for, oldest first. */
  pendingRequestedBy(userId: number): Promise<HandoverRecord[]>;
  /** Leaves pending for `status` only if still pending; false when it was already decided. */
  decide(id: number, status: Exclude<HandoverStatus, 'pending'>, at: Date): Promise<boolean>;
}

/** A report about to be stored: everything but its id (a link showing no account may leave the account fields out). */
export type NewReport = Omit<RecordedReport, 'id' | 'accountHandle' | 'accountUnregistered'> &
  Partial<Pick<RecordedReport, 'accountHandle' | 'accountUnregistered'>>;

export interface ReportRepository {
  findByCanonicalUrl(canonicalUrl: string): Promise<RecordedReport | null>;
  /** Inserts unless the canonical URL is already recorded; then returns the existing one. */
  insertIfAbsent(report: NewReport): Promise<{ inserted: boolean; report: RecordedReport }>;
  countForOpdSince(opdId: number, since: Date): Promise<number>;
  lastByReporter(reporterId: number): Promise<RecordedReport | null>;
  delete(id: number): Promise<void>;
  linkToDirective(reportId: number, directiveId: number): Promise<void>;
  recentForOpd(opdId: number, limit: number): Promise<RecordedReport[]>;
  between(from: Date, to: Date): Promise<RecordedReport[]>;
  /**
   * Sets accountUnregistered on the OPD's reports whose link shows this account, so the mark keeps
   * saying whether the account is registered now (false once registered, true once removed).
   */
  setAccountMark(opdId: number, platform: Platform, handle: string, unregistered: boolean): Promise<number>;
}

export interface AuditEntry {
  readonly actorId: number | null;
  readonly action: string;
  readonly subject: string;
  readonly details?: Record<string, unknown>;
  readonly at: Date;
}

export interface AuditRepository {
  record(entry: AuditEntry): Promise<void>;
}

export interface ProcessedUpdateRepository {
  /**
   * Marks an update as handled, inside the transaction that does its work: a crash rolls the mark
   * back with the work, so a redelivery is handled again. False when it was handled already.
   */
  markHandled(updateId: bigint, at: Date): Promise<boolean>;
  /** Forgets claims older than `before` (Telegram reuses ids after a long pause). */
  pruneBefore(before: Date): Promise<number>;
}

export interface DeliveryFailureRepository {
  record(input: { chatId: bigint; errorCode: number; description: string; at: Date }): Promise<void>;
}

export interface Repositories {
  readonly opds: OpdRepository;
  readonly users: UserRepository;
  readonly invitations: InvitationRepository;
  readonly joinRequests: JoinRequestRepository;
  readonly reports: ReportRepository;
  readonly audit: AuditRepository;
  readonly updates: ProcessedUpdateRepository;
  readonly deliveryFailures: DeliveryFailureRepository;
  readonly settings: SettingRepository;
  readonly holidays: HolidayRepository;
  readonly leaves: LeaveRepository;
  readonly activity: ActivityRepository;
  readonly nudges: NudgeRepository;
  readonly jobRuns: JobRunRepository;
  readonly outbox: OutboxRepository;
  readonly directives: DirectiveRepository;
  readonly recaps: RecapRepository;
  readonly accounts: OfficialAccountRepository;
  readonly handovers: HandoverRepository;
  readonly dialogues: DialogueRepository;
  readonly meetups: MeetupRepository;
}

/**
 * Runs work inside one database transaction: all of it is stored, or none. A run() called
 * inside another joins it (the outer transaction decides).
 */
export interface UnitOfWork {
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

// --- Nudges, calendar, settings and the persistent outbox -------------------------------

export interface StoredSetting {
  readonly key: string;
  readonly value: string;
  readonly updatedAt: Date;
  readonly updatedById: number | null;
}

export interface SettingRepository {
  all(): Promise<StoredSetting[]>;
  get(key: string): Promise<StoredSetting | null>;
  set(key: string, value: string, updatedById: number | null, at: Date): Promise<void>;
  remove(key: string): Promise<boolean>;
}

export interface HolidayRecord {
  readonly date: LocalDate;
  readonly name: string;
}

export interface HolidayRepository {
  /** Holidays from `from` to `until` (inclusive local dates), in date order. */
  between(from: LocalDate, until: LocalDate): Promise<HolidayRecord[]>;
  /** Adds or renames; says which. */
  upsert(holiday: HolidayRecord): Promise<'created' | 'updated'>;
  remove(date: LocalDate): Promise<boolean>;
}

export interface LeaveRecord {
  readonly id: number;
  readonly opdId: number | null;
  readonly userId: number | null;
  readonly fromDate: LocalDate;
  readonly untilDate: LocalDate;
  readonly reason: string;
  readonly createdById: number;
}

export interface LeaveRepository {
  create(leave: Omit<LeaveRecord, 'id'> & { readonly at: Date }): Promise<LeaveRecord>;
  /** Leave of OPDs (and admins) that overlaps [from, until]. */
  overlapping(from: LocalDate, until: LocalDate): Promise<LeaveRecord[]>;
  /** Ends a leave after `lastDay`; a leave that would then have no day left is deleted. */
  endEarly(id: number, lastDay: LocalDate): Promise<'shortened' | 'removed'>;
}

export interface OpdActivityRow {
  readonly opd: Opd;
  readonly lastReportAt: Date | null;
  readonly createdAt: Date;
  readonly admins: readonly Person[];
  /** Leaders linked to the OPD (its head), who receive escalations. */
  readonly heads: readonly Person[];
}

/** Which active OPDs a nudge run needs to look at (the others are on target). */
export interface OpdActivityQuery {
  /** OPDs whose last report — or, never having reported, whose creation — is before this instant; null: none for that reason. */
  readonly quietBefore: Date | null;
  /** OPDs to include whatever their activity (those on leave today). */
  readonly alsoOpdIds: readonly number[];
  /** People whose OPD (as its admin) is to be included whatever its activity (admins on leave today). */
  readonly alsoOpdsOfAdminIds: readonly number[];
}

export interface OpdActivity {
  /** The OPDs asked for, plus every active OPD without an admin, ordered by code. */
  readonly rows: readonly OpdActivityRow[];
  /** All active OPDs, listed or not. */
  readonly activeOpds: number;
}

export interface ActivityRepository {
  /** Every active OPD with its last report instant, creation instant, current admins and heads, by code. */
  opdActivity(): Promise<OpdActivityRow[]>;
  /** What a nudge run reads: only the active OPDs that may need attention (same rows), and how many are active. */
  opdsNeedingAttention(query: OpdActivityQuery): Promise<OpdActivity>;
  /** Reports per OPD recorded in [from, to). */
  reportCountsBetween(from: Date, to: Date): Promise<Map<number, number>>;
  /** Leaders linked to an OPD (its head). */
  headsOf(opdId: number): Promise<Person[]>;
}

export interface NudgeRecord {
  readonly opdId: number;
  readonly day: LocalDate;
  readonly level: string;
  readonly silence: number;
}

export interface NudgeRepository {
  /**
   * Records each nudge unless one exists for its (opd, day, level), in a few statements: true
   * for each nudge recorded now, in order; false for one that already was.
   */
  recordAllOnce(nudges: readonly NudgeRecord[], at: Date): Promise<boolean[]>;
  forDay(day: LocalDate): Promise<NudgeRecord[]>;
}

export interface JobRunRepository {
  /** Claims a job's run for a local day; false when it already ran (or runs) that day. */
  claim(job: string, day: LocalDate, at: Date): Promise<boolean>;
  finish(job: string, day: LocalDate, at: Date): Promise<void>;
  lastRun(job: string): Promise<{ day: LocalDate; finishedAt: Date | null } | null>;
}

export type OutboxKind = 'nudge' | 'escalation' | 'digest' | 'notice' | 'directive' | 'recap';
/** urgent: segera directives; high: penting ones; bulk: biasa directives, nudges, digests, notices. */
export type OutboxLane = 'urgent' | 'high' | 'bulk';

export interface OutboxEntry {
  readonly chatId: bigint;
  /** HTML; with `media`, its caption (≤ 1,024 after parsing: split first with splitForDelivery). */
  readonly text: string;
  readonly buttons?: readonly (readonly Button[])[];
  readonly kind: OutboxKind;
  readonly lane: OutboxLane;
  /** When set, a second entry with the same key is not written (exactly-once enqueueing). */
  readonly dedupeKey?: string;
  /** The row is this photo, video or document (by file_id) with `text` as its caption. */
  readonly media?: MediaRef;
  /** Pin the message in its chat once sent (segera directives in the community group). */
  readonly pin?: boolean;
  /** Edit this already sent message in `chatId` (text and buttons) instead of sending a new one. */
  readonly editMessageId?: number;
  /**
   * The row is this file the bot made (an id from addAttachment; never together with `media`),
   * with `text` as its caption. Many rows may share one: it is uploaded once, then sent by the
   * file_id Telegram gave it.
   */
  readonly attachmentId?: number;
}

/** A row's attachment as it is to be sent: by file_id once uploaded, else the file itself. */
export interface OutboxAttachment {
  readonly id: number;
  readonly media: MediaRef | FileUpload;
}

export interface StoredOutboxMessage extends OutboxEntry {
  readonly id: number;
  readonly attempts: number;
  /** With `attachmentId`: the attachment (missing only if its row was deleted). */
  readonly attachment?: OutboxAttachment;
}

export interface OutboxRepository {
  /** Writes entries (skipping dedupe keys already written); returns how many were written. */
  enqueue(entries: readonly OutboxEntry[], at: Date): Promise<number>;
  /** Writes one entry and returns its id (null when its dedupe key was already written). */
  add(entry: OutboxEntry, at: Date): Promise<number | null>;
  /** Writes many entries at once (same rules); returns each entry's id or null, in entry order. */
  addAll(entries: readonly OutboxEntry[], at: Date): Promise<(number | null)[]>;
  /** Pending messages: the urgent lane, then high, then bulk; oldest first within a lane. */
  pending(limit: number): Promise<StoredOutboxMessage[]>;
  markSent(id: number, messageId: number | null, at: Date): Promise<void>;
  markFailed(id: number, error: string, at: Date): Promise<void>;
  /** Points pending messages of a migrated group at its new chat id. */
  retarget(oldChatId: bigint, newChatId: bigint): Promise<number>;
  /**
   * Stores a file the bot made for entries to reference by `attachmentId`; returns that id.
   * Throws when Telegram would refuse the file (empty, or over its upload limit: uploadProblem).
   */
  addAttachment(file: FileUpload, at: Date): Promise<number>;
  /** The file_id Telegram gave the attachment's first upload: rows sent after it use that. */
  attachmentUploaded(id: number, fileId: string): Promise<void>;
  /**
   * Deletes those of the given attachments no outbox row references (a job re-run whose rows were
   * all enqueued already); returns how many.
   */
  discardUnreferencedAttachments(ids: readonly number[]): Promise<number>;
}

// --- Directives (arahan) ------------------------------------------------------------------

export type DirectiveMedia = MediaRef;

export interface DirectiveRecord {
  readonly id: number;
  readonly authorId: number;
  readonly fromLeader: boolean;
  readonly text: string;
  readonly media: DirectiveMedia | null;
  readonly priority: Priority;
  readonly audience: Audience;
  readonly requireAck: boolean;
  readonly deadline: Date | null;
  readonly status: DirectiveStatus;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  readonly remindedAt: Date | null;
  readonly summarizedAt: Date | null;
}

export interface DeliveryRow {
  readonly opdId: number | null;
  readonly userId: number | null;
  readonly chatId: bigint;
  readonly outboxId: number;
  /** The outbox row's state: pending | sent | failed. */
  readonly status: string;
  readonly messageId: number | null;
  readonly error: string | null;
}

export interface AckRecord {
  readonly opdId: number;
  readonly userId: number;
  readonly at: Date;
}

export interface DirectiveRepository {
  create(input: Omit<DirectiveRecord, 'id' | 'status' | 'sentAt' | 'remindedAt' | 'summarizedAt'>): Promise<DirectiveRecord>;
  find(id: number): Promise<DirectiveRecord | null>;
  /** Changes a draft's options; false when it is no longer a draft. */
  updateDraft(id: number, patch: { readonly priority?: Priority; readonly requireAck?: boolean }): Promise<boolean>;
  /** Moves draft → sent or draft → cancelled once; false when it was not a draft any more. */
  leaveDraft(id: number, status: 'sent' | 'cancelled', at: Date): Promise<boolean>;
  markReminded(id: number, at: Date): Promise<void>;
  markSummarized(id: number, at: Date): Promise<void>;
  recent(limit: number): Promise<DirectiveRecord[]>;
  /** Sent directives asking for acknowledgement whose silent OPDs have not been reminded yet. */
  awaitingReminder(): Promise<DirectiveRecord[]>;
  /** Sent directives whose deadline has passed without a summary to the author. */
  pastDeadline(now: Date): Promise<DirectiveRecord[]>;
  addDeliveries(deliveries: readonly { directiveId: number; opdId: number | null; userId: number | null; chatId: bigint; outboxId: number }[]): Promise<void>;
  deliveries(directiveId: number): Promise<DeliveryRow[]>;
  /** The directive copy an outbox row carries, if it is one. */
  deliveryByOutboxId(outboxId: number): Promise<{ readonly directiveId: number; readonly opdId: number | null } | null>;
  /** Records an OPD's acknowledgement once; returns the acknowledgement that stands. */
  acknowledge(ack: { directiveId: number } & AckRecord): Promise<{ readonly first: boolean; readonly ack: AckRecord }>;
  acks(directiveId: number): Promise<AckRecord[]>;
  addQuestion(question: { directiveId: number; userId: number; text: string; at: Date }): Promise<void>;
  /** Follow-up reports per OPD. */
  followUps(directiveId: number): Promise<Map<number, number>>;
}

// --- Guided dialogues and meetups (kopdar) -------------------------------------------------

export interface DialogueRecord {
  readonly userId: number;
  readonly kind: string;
  readonly step: string;
  /** JSON, validated by the dialogue's own schema. */
  readonly data: unknown;
  readonly expiresAt: Date;
}

export interface DialogueRepository {
  find(userId: number): Promise<DialogueRecord | null>;
  /** Opens (or replaces) the person's dialogue. */
  save(dialogue: DialogueRecord): Promise<void>;
  /** Closes it; false when none was open. */
  remove(userId: number): Promise<boolean>;
}

export interface MeetupRecord {
  readonly id: number;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string | null;
  readonly onlineUrl: string | null;
  readonly agenda: string | null;
  readonly capacity: number | null;
  readonly status: MeetupStatus;
  readonly cancelReason: string | null;
  readonly checkInCode: string;
  readonly createdById: number;
  readonly groupOutboxId: number | null;
  readonly groupDirty: boolean;
  readonly scheduledAt: Date;
  readonly remindedDayAt: Date | null;
  readonly remindedHourAt: Date | null;
  readonly createdAt: Date;
}

export type MeetupInput = Pick<MeetupRecord, 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'agenda' | 'capacity' | 'checkInCode' | 'createdById'> & { readonly at: Date };

export type MeetupPatch = Partial<
  Pick<MeetupRecord, 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'agenda' | 'capacity' | 'status' | 'cancelReason' | 'groupOutboxId' | 'groupDirty' | 'scheduledAt' | 'remindedDayAt' | 'remindedHourAt'>
>;

export interface RsvpRecord {
  readonly userId: number;
  readonly opdId: number | null;
  readonly answer: RsvpAnswer;
  readonly waitlisted: boolean;
  readonly at: Date;
}

export interface AttendanceRecord {
  readonly userId: number;
  readonly opdId: number | null;
  readonly at: Date;
}

export interface MeetupRepository {
  create(input: MeetupInput): Promise<MeetupRecord>;
  find(id: number): Promise<MeetupRecord | null>;
  update(id: number, patch: MeetupPatch): Promise<void>;
  /** Scheduled meetups that have not ended by `now`, soonest first. */
  upcoming(now: Date, limit: number): Promise<MeetupRecord[]>;
  /** Scheduled meetups with this check-in code. */
  byCheckInCode(code: string): Promise<MeetupRecord[]>;
  /** Scheduled meetups starting in (now, until] with a reminder not yet handled. */
  awaitingReminder(now: Date, until: Date): Promise<MeetupRecord[]>;
  /** Meetups whose group copy needs redrawing. */
  dirtyGroupCopies(): Promise<MeetupRecord[]>;
  /** The Telegram message id of a sent outbox row (null while pending or failed). */
  sentMessageId(outboxId: number): Promise<{ readonly chatId: bigint; readonly messageId: number } | null>;
  rsvps(meetupId: number): Promise<RsvpRecord[]>;
  /** Writes a person's answer (one per meetup and person). */
  saveRsvp(meetupId: number, rsvp: RsvpRecord): Promise<void>;
  setWaitlisted(meetupId: number, userIds: readonly number[], waitlisted: boolean): Promise<void>;
  attendance(meetupId: number): Promise<AttendanceRecord[]>;
  /** Records a check-in once; false when the person had already checked in. */
  addAttendance(meetupId: number, record: AttendanceRecord): Promise<boolean>;
}

// --- Recaps --------------------------------------------------------------------------------

/** A local day of a recap and the instants it spans ([from, to)). */
export interface DaySpan {
  readonly day: LocalDate;
  readonly from: Date;
  readonly to: Date;
}

export interface RecapDirectiveRow {
  readonly id: number;
  readonly text: string;
  readonly priority: Priority;
  readonly fromLeader: boolean;
  readonly sentAt: Date;
  readonly deadline: Date | null;
  readonly requireAck: boolean;
  readonly addressedOpdIds: readonly number[];
  readonly acknowledgedOpdIds: readonly number[];
  /** OPDs that reported at least one post linked to the directive (at any time). */
  readonly followedUpOpdIds: readonly number[];
}

/** What a recap reads, in a few grouped queries whatever the number of reports. */
export interface RecapRepository {
  /** Active OPDs with their current admins' ids, by code. */
  activeOpds(): Promise<RecapOpd[]>;
  /** Posts per OPD and platform for each day span, with those from unregistered accounts (days without posts give no rows). */
  postCounts(days: readonly DaySpan[]): Promise<PostCount[]>;
  /** Directives sent in [from, to), oldest first, with whom they reached and what came back. */
  directivesSent(from: Date, to: Date): Promise<RecapDirectiveRow[]>;
  /** The platforms on which each OPD has a registered official account. */
  accountPlatforms(): Promise<{ readonly opdId: number; readonly platform: Platform }[]>;
  /** Meetups held (not cancelled, ended by `endedBy`) that started in [from, to), with the OPDs that attended. */
  meetupsHeld(from: Date, to: Date, endedBy: Date): Promise<RecapMeetupRow[]>;
}

export interface RecapMeetupRow {
  readonly id: number;
  readonly startsAt: Date;
  readonly attendedOpdIds: readonly number[];
  /** With a capacity, the OPDs that had a seat (an admin answered Hadir, not waitlisted); null when open to all. */
  readonly seatedOpdIds: readonly number[] | null;
}

// --- Official accounts (akun resmi) --------------------------------------------------------

export interface OfficialAccountRecord {
  readonly id: number;
  readonly opdId: number;
  readonly platform: Platform;
  /** Lower-case, without @ (Facebook: the page's name in its URL, or its numeric id). */
  readonly handle: string;
  /** The profile's canonical URL. */
  readonly url: string;
  /** When Diskominfo last vouched for it; null: never, or reset by a handover. */
  readonly lastVerifiedAt: Date | null;
  readonly createdAt: Date;
}

export interface NewOfficialAccount {
  readonly opdId: number;
  readonly platform: Platform;
  readonly handle: string;
  readonly url: string;
  /** Who registers it; null for the operator CLI. */
  readonly createdById: number | null;
  readonly at: Date;
  /**
   * Diskominfo vouches for it: lastVerifiedAt becomes `at`. Otherwise (an admin registering their
   * own OPD's account) a new account starts unverified and an existing one keeps its date.
   */
  readonly verified: boolean;
}

export type AccountRegistration =
  /** updated: its URL changed; unchanged: already registered as given (the verification date may have been renewed). */
  | { readonly outcome: 'created' | 'updated' | 'unchanged'; readonly account: OfficialAccountRecord }
  /** The (platform, handle) is registered for another OPD: nothing was changed. */
  | { readonly outcome: 'taken'; readonly account: OfficialAccountRecord; readonly owner: Opd };

export interface OfficialAccountRepository {
  /** Creates the account, or updates it when already registered for the same OPD; refuses another OPD's. */
  register(account: NewOfficialAccount): Promise<AccountRegistration>;
  /** The OPD's accounts (only those on `platform` when given), by platform then handle. */
  listForOpd(opdId: number, platform?: Platform): Promise<OfficialAccountRecord[]>;
  /** Every registered account, by OPD, platform and handle (what the recap reads). */
  listAll(): Promise<OfficialAccountRecord[]>;
  /** Removes the OPD's account; false when the OPD has no such account. */
  remove(opdId: number, platform: Platform, handle: string): Promise<boolean>;
  /** Marks all of the OPD's accounts verified at `at`; returns how many. */
  markVerified(opdId: number, at: Date): Promise<number>;
  /** Clears the OPD's verification dates (a handover: Diskominfo verifies again); returns how many. */
  resetVerification(opdId: number): Promise<number>;
}
