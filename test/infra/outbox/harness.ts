import type { DispatcherHooks, DispatcherLimits } from '../../../src/infra/outbox/dispatcher.ts';
import { Dispatcher } from '../../../src/infra/outbox/dispatcher.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { FakeGateway } from '../../helpers/fake-gateway.ts';

/** A dispatcher wired to a FakeClock and FakeGateway; times in results are ms since start. */
export function harness(
  options: { latencyMs?: number; limits?: Partial<DispatcherLimits>; hooks?: DispatcherHooks; random?: () => number } = {},
) {
  const clock = new FakeClock();
  const start = clock.now().getTime();
  const gateway = new FakeGateway(clock, options.latencyMs ?? 0);
  const dispatcher = new Dispatcher({
    gateway,
    clock,
    random: options.random ?? (() => 1),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
  return {
    clock,
    gateway,
    dispatcher,
    /** Elapsed virtual ms of each gateway call (optionally to one chat). */
    times: (chatId?: bigint) => gateway.timesFor(chatId).map((t) => t - start),
    elapsed: () => clock.now().getTime() - start,
  };
}
