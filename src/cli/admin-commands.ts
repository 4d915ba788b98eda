import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { systemActor } from '../server/modules/access/actor.js';
import { seedDemo } from '../server/modules/demo/demo.seed.js';
import { type Role, roles } from '../shared/access.js';
import { withPlatform } from './context.js';

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Terapkan migrasi dan muat data wilayah / apply migrations and load region data')
    .action(() =>
      withPlatform(async (p) => {
        console.log(`Basis data (${p.database.kind}) mutakhir / database is up to date`);
      }),
    );

  program
    .command('create-user')
    .description('Buat akun, opsional dengan peran / create an account, optionally with a role')
    .requiredOption('--name <name>', 'nama lengkap / full name')
    .option('--email <email>', 'email')
    .option('--phone <phone>', 'nomor HP / phone number')
    .option('--password <password>', 'kata sandi (acak bila kosong) / password (random when omitted)')
    .option('--role <role>', `peran / role: ${roles.join(', ')}`)
    .option('--operator <id>', 'id operator (wajib untuk peran selain admin) / operator id')
    .option('--region <prefix>', 'kode wilayah tugas, mis. 32.76.03 / region prefix')
    .action(
      (opts: {
        name: string;
        email?: string;
        phone?: string;
        password?: string;
        role?: string;
        operator?: string;
        region?: string;
      }) =>
        withPlatform(async (_p, services) => {
          if (opts.role && !roles.includes(opts.role as Role)) throw new Error(`Peran tidak dikenal: ${opts.role}`);
          const actor = systemActor('cli');
          const password = opts.password ?? randomBytes(9).toString('base64url');
          const u = await services.users.create(actor, {
            name: opts.name,
            email: opts.email,
            phone: opts.phone,
            password,
            operatorId: opts.operator,
          });
          if (opts.role) {
            await services.users.addAssignment(actor, u.id, {
              role: opts.role as Role,
              operatorId: opts.operator ?? null,
              regionPrefix: opts.region ?? null,
            });
          }
          console.log(`Akun dibuat / account created: ${u.id}`);
          console.log(`  masuk dengan / sign in with: ${u.email ?? u.phoneNumber}`);
          if (!opts.password) console.log(`  kata sandi / password: ${password}`);
        }),
    );

  program
    .command('seed-demo')
    .description('Isi data demo program Depok (idempoten) / add the Depok demo program (idempotent)')
    .option('--force', 'juga bila NODE_ENV=production / even when NODE_ENV=production')
    .action((opts: { force?: boolean }) =>
      withPlatform(async (p, services) => {
        // Demo accounts share a published password: never on a real installation by accident.
        if (p.config.env === 'production' && !opts.force)
          throw new Error(
            'seed-demo menolak berjalan di produksi tanpa --force / refuses to run in production without --force',
          );
        const { operatorId, logins, password, members } = await seedDemo(p.db, services);
        console.log(`Operator demo / demo operator: ${operatorId}`);
        console.log(`Peserta demo / demo members: ${members}`);
        console.log(`Kata sandi semua akun demo / password of every demo account: ${password}\n`);
        console.table(logins.map((l) => ({ peran: l.role, nama: l.name, masuk: l.login, wilayah: l.scope })));
      }),
    );
}
