import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/kopdar-harness.ts';

const superadmin = { id: 1001, first_name: 'Sari' };
const stranger = { id: 4242, first_name: 'Tamu' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ superadminIds: [superadmin.id], env: { APP_LOCALE: 'en' } });
});
afterAll(async () => h?.stop());

describe('APP_LOCALE=en: the bot speaks English, commands stay Indonesian', () => {
  it('answers, helps and fills the command menus in English', async () => {
    const welcome = await h.say(stranger, '/start', /Tamu/);
    expect(welcome.text).toMatch(/not registered/i);
    const help = await h.say(superadmin, '/bantuan', /Commands for/);
    expect(help.text).toContain('/lapor');
    expect(help.text).toContain('Report a post on behalf of an OPD');
    const menu = h.tg.commands.get('chat:1001') ?? h.tg.commands.get('all_private_chats') ?? [];
    expect(menu.find((c) => c.command === 'lapor')?.description).toMatch(/report/i);
    const refused = await h.say(superadmin, '/atur jam 25:00', /^❌/);
    expect(refused.text).toContain('HH:MM');
  });
});
