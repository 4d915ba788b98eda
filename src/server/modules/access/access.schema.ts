import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/auth/auth.schema.js';
import { operators } from '../operators/operators.schema.js';

/**
 * A role held by a user for one operator within a region prefix (`32.76.03` = Kecamatan Sawangan).
 * operator_id is null only for the installation-wide `admin` role; a null region_prefix means the
 * operator's whole service area.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    operatorId: uuid('operator_id').references(() => operators.id),
    regionPrefix: text('region_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [
    unique('role_assignments_uq').on(t.userId, t.role, t.operatorId, t.regionPrefix).nullsNotDistinct(),
    index('role_assignments_operator_idx').on(t.operatorId, t.role),
  ],
);
