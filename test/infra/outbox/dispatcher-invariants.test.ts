import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GatewayError } from '../../../src/infra/outbox/gateway.port.ts';
import type { Lane } from '../../../src/infra/outbox/dispatcher.ts';
import { maxInWindow } from '../../helpers/fake-gateway.ts';
import { harness } from './harness.ts';

const chatIds = [1n, 2n, 3n, 4n, -10n, -11n];
const errors: GatewayError[] = [
  { kind: 'rate_limited', retryAfterSeconds: 1 },
  { kind: 'transient', description: '500' },
  { kind: 'blocked', description: '403' },
];

const workload = fc.record({
  latencyMs: fc.constantFrom(0, 30, 120),
  messages: fc.array(
    fc.record({
      chat: fc.constantFrom(...chatIds),
      lane: fc.constantFrom<Lane>('interactive', 'urgent', 'bulk'),
      error: fc.option(fc.constantFrom(...errors), { freq: 4 }),
    }),
    { minLength: 1, maxLength: 60 },
  ),
});

describe('Dispatcher invariants under random workloads', () => {
  it('never exceeds a limit, keeps per-chat order within a lane, and settles everything', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async ({ latencyMs, messages }) => {
        const { clock, gateway, dispatcher, times } = harness({ latencyMs });
        dispatcher.start();
        const results = messages.map((m, i) => {
          if (m.error) gateway.script((msg) => msg.kind === 'text' && msg.text === `#${i}`, m.error);
          return dispatcher.send({ kind: 'text', chatId: m.chat, text: `#${i}` }, m.lane);
        });
        await clock.runUntilIdle();
        const settled = await Promise.all(results);

        expect(settled).toHaveLength(messages.length);
        expect(dispatcher.pending).toBe(0);
        expect(maxInWindow(times(), 1000)).toBeLessThanOrEqual(30);
        for (const chat of chatIds) {
          expect(maxInWindow(times(chat), 1000)).toBeLessThanOrEqual(3);
          if (chat < 0n) expect(maxInWindow(times(chat), 60_000)).toBeLessThanOrEqual(20);
        }
        // First attempts per chat and lane happen in enqueue order.
        for (const chat of chatIds) {
          for (const lane of ['interactive', 'urgent', 'bulk'] as const) {
            const expected = messages.flatMap((m, i) => (m.chat === chat && m.lane === lane ? [`#${i}`] : []));
            const firstCalls = [
              ...new Set(
                gateway.calls
                  .slice()
                  .sort((a, b) => a.at - b.at)
                  .flatMap((c) => (c.message.kind === 'text' && c.message.chatId === chat ? [c.message.text] : []))
                  .filter((t) => expected.includes(t)),
              ),
            ];
            expect(firstCalls).toEqual(expected);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
