import { reply, type AppDeps, type Outcome } from '../../deps.ts';
import type { DeliveryRow, DirectiveRecord, Repositories } from '../../ports/repositories.port.ts';
import { inAudience } from '../../../domain/directives/directive.ts';

export interface DirectiveProgress {
  readonly directive: DirectiveRecord;
  readonly total: number;
  readonly sent: number;
  readonly pending: number;
  readonly failed: number;
  readonly opdCodes: readonly string[];
  readonly notAcked: readonly string[];
  readonly noFollowUp: readonly string[];
  readonly failedChats: readonly string[];
  /** The copies, for callers that address them (the reminder goes to the silent OPDs' copies). */
  readonly deliveries: readonly DeliveryRow[];
  /** Ids of the OPDs in `notAcked`. */
  readonly notAckedIds: ReadonlySet<number>;
}

/** Per OPD: delivered, acknowledged, followed up — and who is still missing. */
export async function progressOf(repos: Repositories, directive: DirectiveRecord, groupLabel = 'grup'): Promise<DirectiveProgress> {
  const deliveries = await repos.directives.deliveries(directive.id);
  const opds = (await repos.opds.list()).filter((o) => inAudience(directive.audience, o));
  const acked = new Set((await repos.directives.acks(directive.id)).map((a) => a.opdId));
  const followUps = await repos.directives.followUps(directive.id);
  const codeOf = new Map(opds.map((o) => [o.id, o.code]));
  const reached = new Set(deliveries.filter((d) => d.opdId !== null).map((d) => d.opdId));
  const targeted = opds.filter((o) => reached.has(o.id));
  const silent = directive.requireAck ? targeted.filter((o) => !acked.has(o.id)) : [];
  return {
    directive,
    total: deliveries.length,
    sent: deliveries.filter((d) => d.status === 'sent').length,
    pending: deliveries.filter((d) => d.status === 'pending').length,
    failed: deliveries.filter((d) => d.status === 'failed').length,
    opdCodes: targeted.map((o) => o.code),
    notAcked: silent.map((o) => o.code),
    noFollowUp: targeted.filter((o) => !followUps.has(o.id)).map((o) => o.code),
    failedChats: deliveries.filter((d) => d.status === 'failed').map((d) => (d.opdId !== null ? (codeOf.get(d.opdId) ?? '?') : groupLabel)),
    deliveries,
    notAckedIds: new Set(silent.map((o) => o.id)),
  };
}

/** /status_arahan [id]: the latest directive by default. */
export async function directiveStatus(deps: AppDeps, directiveId: number | null): Promise<Outcome> {
  const m = deps.messages.directive;
  return deps.uow.run(async (repos) => {
    const directive = directiveId === null ? (await repos.directives.recent(10)).find((d) => d.status === 'sent') : await repos.directives.find(directiveId);
    if (!directive || directive.status === 'draft') return reply(directiveId === null ? m.listEmpty : m.unknown(directiveId));
    const p = await progressOf(repos, directive, m.groupCopy);
    const lines = [
      m.statusHeader(directive.id, directive.priority, deps.messages.format.dateTime(directive.sentAt ?? directive.createdAt, deps.settings.timezone)),
      m.statusCounts({
        sent: p.sent,
        pending: p.pending,
        failed: p.failed,
        total: p.total,
        acked: directive.requireAck ? p.opdCodes.length - p.notAcked.length : null,
        followed: p.opdCodes.length - p.noFollowUp.length,
        opds: p.opdCodes.length,
      }),
      ...(directive.requireAck ? [m.statusMissing(m.statusNotAcked, p.notAcked)] : []),
      m.statusMissing(m.statusNoFollowUp, p.noFollowUp),
      ...(p.failedChats.length > 0 ? [m.statusMissing(m.statusFailed, p.failedChats)] : []),
    ];
    return reply(lines.join('\n'));
  });
}

/** /arahan_list: the ten most recent directives. */
export async function listDirectives(deps: AppDeps): Promise<Outcome> {
  const m = deps.messages.directive;
  const recent = await deps.uow.run((repos) => repos.directives.recent(10));
  if (recent.length === 0) return reply(m.listEmpty);
  const lines = recent.map((d) =>
    m.listLine(d.id, deps.messages.format.dateTime(d.sentAt ?? d.createdAt, deps.settings.timezone), d.priority, m.statusWord[d.status], d.text.length > 80 ? `${d.text.slice(0, 79)}…` : d.text),
  );
  return reply([m.listHeader, ...lines].join('\n\n'));
}
