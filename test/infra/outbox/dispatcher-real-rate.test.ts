import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/infra/clock/system-clock.ts';
import { Dispatcher } from '../../../src/infra/outbox/dispatcher.ts';
import { FakeTelegramServer } from '../../helpers/fake-telegram/server.ts';
import { HttpGateway } from '../../helpers/http-gateway.ts';

const TOKEN = '4242:dispatcher-test';
let tg: FakeTelegramServer | undefined;
afterEach(async () => {
  await tg?.stop();
});

describe('Dispatcher against the fake Telegram server in real time', () => {
  // Takes ~3 s of wall-clock time on purpose: it proves the pacing holds against a server
  // that measures real time. Kept small (90 messages) for that reason.
  it('sends 90 messages to 30 private chats within the limits: zero 429s', async () => {
    tg = await FakeTelegramServer.start({ token: TOKEN, limits: { enforce: true } });
    const dispatcher = new Dispatcher({
      gateway: new HttpGateway({ apiRoot: tg.apiRoot, token: TOKEN }),
      clock: systemClock,
    });
    dispatcher.start();
    const results = [];
    for (let round = 0; round < 3; round++) {
      for (let chat = 1; chat <= 30; chat++) {
        results.push(dispatcher.send({ kind: 'text', chatId: BigInt(1000 + chat), text: `<b>Arahan</b> ${round}` }, 'bulk'));
      }
    }
    const outcomes = await Promise.all(results);
    await dispatcher.stop();

    expect(outcomes.filter((o) => o.status !== 'sent')).toEqual([]);
    expect(tg.stats.rateLimited).toBe(0);
    expect(dispatcher.rateLimitedCount).toBe(0);
    expect(tg.stats.sendMessage).toBe(90);
    // How close to 30/s it gets is measured by `npm run bench`, not asserted here.
  });
});
