import type { AppDeps } from '../../deps.ts';
import type { DirectiveRecord, Repositories } from '../../ports/repositories.port.ts';
import type { Button } from '../../reply.ts';
import { inAudience } from '../../../domain/directives/directive.ts';
import type { Opd, Person } from '../../../domain/model.ts';
import { escapeHtml } from '../../../domain/text/html.ts';
import { COMMUNITY_CHAT_KEY, LEADERS_CHAT_KEY } from '../community.ts';

export const DIRECTIVE_PREFIX = 'd';
export const MAX_DIRECTIVE_LENGTH = 3500;

/** callback_data of the buttons on a directive and its preview (all well under 64 bytes). */
export const directiveData = {
  ack: (id: number) => `${DIRECTIVE_PREFIX}:ack:${id}`,
  question: (id: number) => `${DIRECTIVE_PREFIX}:ask:${id}`,
  followUp: (id: number) => `${DIRECTIVE_PREFIX}:fu:${id}`,
  send: (id: number) => `${DIRECTIVE_PREFIX}:send:${id}`,
  cancel: (id: number) => `${DIRECTIVE_PREFIX}:cancel:${id}`,
  priority: (id: number, p: string) => `${DIRECTIVE_PREFIX}:prio:${id}:${p}`,
  toggleAck: (id: number) => `${DIRECTIVE_PREFIX}:tack:${id}`,
};

/** The text every recipient reads (HTML; the author's text escaped). */
export function directiveCopy(deps: AppDeps, directive: DirectiveRecord): string {
  return deps.messages.directive.copy({
    id: directive.id,
    title: directive.fromLeader ? deps.settings.directives.leaderTitle : null,
    priority: directive.priority,
    body: escapeHtml(directive.text),
    deadline: directive.deadline ? deps.messages.format.dateTime(directive.deadline, deps.settings.timezone) : null,
    requireAck: directive.requireAck,
  });
}

/** Buttons under an admin's copy: acknowledge and ask (when asked for), report a follow-up. */
export function recipientButtons(deps: AppDeps, directive: DirectiveRecord): Button[][] {
  const m = deps.messages.directive;
  const followUp = [{ text: m.followUpButton, callbackData: directiveData.followUp(directive.id) }];
  if (!directive.requireAck) return [followUp];
  return [
    [
      { text: m.ackButton, callbackData: directiveData.ack(directive.id) },
      { text: m.questionButton, callbackData: directiveData.question(directive.id) },
    ],
    followUp,
  ];
}

export interface Recipients {
  readonly admins: readonly { readonly person: Person; readonly opd: Opd }[];
  readonly opds: readonly Opd[];
  readonly communityChatId: bigint | null;
  readonly leadersChatId: bigint | null;
}

/** Every admin of every targeted OPD, and the community and leaders' groups when bound. */
export async function recipientsOf(repos: Repositories, directive: Pick<DirectiveRecord, 'audience'>): Promise<Recipients> {
  const rows = await repos.activity.opdActivity();
  const targeted = rows.filter((row) => inAudience(directive.audience, row.opd));
  const community = await repos.settings.get(COMMUNITY_CHAT_KEY);
  const leaders = await repos.settings.get(LEADERS_CHAT_KEY);
  return {
    admins: targeted.flatMap((row) => row.admins.map((person) => ({ person, opd: row.opd }))),
    opds: targeted.map((row) => row.opd),
    communityChatId: community && /^-?\d+$/.test(community.value) ? BigInt(community.value) : null,
    leadersChatId: leaders && /^-?\d+$/.test(leaders.value) ? BigInt(leaders.value) : null,
  };
}
