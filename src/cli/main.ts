import { Command } from 'commander';
import { registerAdminCommands } from './admin-commands.js';
import { registerDataCommands } from './data-commands.js';
import { registerImportCommands } from './import-commands.js';
import { registerReminderCommands } from './reminder-commands.js';

const program = new Command()
  .name('sentra')
  .description('Sentra — program UMKM: perintah administrasi / administration commands')
  .showHelpAfterError();

registerAdminCommands(program);
registerDataCommands(program);
registerImportCommands(program);
registerReminderCommands(program);

program.parseAsync(process.argv).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
