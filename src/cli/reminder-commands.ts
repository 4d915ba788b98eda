import type { Command } from 'commander';
import { todayWib } from '../server/modules/participants/journey.service.js';
import { withPlatform } from './context.js';

export function registerReminderCommands(program: Command) {
  const reminders = program.command('reminders').description('Pengingat harian / daily reminders');
  reminders
    .command('send')
    .description(
      'Kirim pengingat hari ini sekarang: pelatihan besok dan ringkasan pendamping (aman diulang) / send today’s reminders now (safe to repeat)',
    )
    .option('--date <YYYY-MM-DD>', 'hari yang dikirim (WIB) / the day to send for', todayWib())
    .action((opts: { date: string }) =>
      withPlatform(async (_p, services) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error('--date harus YYYY-MM-DD / must be YYYY-MM-DD');
        const result = await services.reminders.sendNow(opts.date);
        console.log(JSON.stringify(result, null, 2));
        // The messages wait in the outbox, where the server's (or a worker's) sender delivers them with retries.
        console.log(
          'Pesan masuk kotak keluar; server mengirimnya / messages are queued in the outbox for the server to send',
        );
      }),
    );
}
