import { reply, type AppDeps, type Outcome } from '../deps.ts';
import type { Person } from '../../domain/model.ts';
import { displayName } from '../../domain/model.ts';

/** /start without a token: a registered person is welcomed back, anyone else learns how to join. */
export async function describeWelcome(deps: AppDeps, actor: Person): Promise<Outcome> {
  const m = deps.messages;
  if (actor.role === 'none') return reply(m.common.notRegistered(displayName(actor)));
  const opd = actor.opdId === null ? null : await deps.uow.run((repos) => repos.opds.findById(actor.opdId ?? -1));
  return reply(m.start.welcomeBack(displayName(actor), actor.role, opd ? m.opdLabel(opd.name, opd.code) : null));
}
