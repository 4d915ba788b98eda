import { eq, inArray } from 'drizzle-orm';
import { normalizePhone } from '../../../shared/phone.js';
import { user } from '../../platform/auth/auth.schema.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import type { Locale, TemplateName, TemplateParams } from '../../platform/notifications/templates.js';
import { memberAccounts } from '../members/members.schema.js';

export type Recipient = {
  id: string;
  operatorId: string;
  fullName: string;
  phone: string | null;
  email: string | null;
};

/**
 * Messages to members about their trainings: WhatsApp to their phone and, when they have one, email, in the language
 * of their member account (Bahasa Indonesia without one). Written in the caller's transaction, so a message is sent
 * only for a change that happened.
 */
export function makeNotices(notifications: Notifications) {
  async function localesOf(tx: DbOrTx, personIds: string[]): Promise<Map<string, Locale>> {
    if (personIds.length === 0) return new Map();
    const rows = await tx
      .select({ personId: memberAccounts.personId, locale: user.locale })
      .from(memberAccounts)
      .innerJoin(user, eq(user.id, memberAccounts.userId))
      .where(inArray(memberAccounts.personId, personIds));
    return new Map(rows.map((r) => [r.personId, r.locale === 'en' ? 'en' : 'id']));
  }

  /** One template to many people; `params` builds each person's values in their language. */
  async function send<T extends TemplateName>(
    tx: DbOrTx,
    people: Recipient[],
    template: T,
    params: (person: Recipient, locale: Locale) => Omit<TemplateParams<T>, 'name'>,
  ): Promise<number> {
    const locales = await localesOf(
      tx,
      people.map((p) => p.id),
    );
    let sent = 0;
    for (const person of people) {
      const locale = locales.get(person.id) ?? 'id';
      const message = {
        template,
        locale,
        params: { name: person.fullName, ...params(person, locale) } as TemplateParams<T>,
        operatorId: person.operatorId,
      };
      const phone = person.phone ? normalizePhone(person.phone) : null;
      if (phone) {
        await notifications.enqueue(tx, { ...message, channel: 'whatsapp', recipient: phone });
        sent++;
      }
      if (person.email) {
        await notifications.enqueue(tx, { ...message, channel: 'email', recipient: person.email });
        sent++;
      }
    }
    return sent;
  }

  return { send };
}

export type Notices = ReturnType<typeof makeNotices>;
