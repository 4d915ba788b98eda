import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../app/api.js';

export type NotificationChannel = 'email' | 'whatsapp' | 'log';
export type NotificationStatus = 'queued' | 'sent' | 'failed';

export type OutboxMessage = {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  locale: string;
  subject: string | null;
  body: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type NotificationFilters = {
  status: NotificationStatus | null;
  channel: NotificationChannel | null;
  page: number;
};

export const notificationsPageSize = 25;

export function useNotifications(filters: NotificationFilters, enabled = true) {
  return useQuery({
    queryKey: ['notifications', filters],
    queryFn: ({ signal }) =>
      api<ListResponse<OutboxMessage>>('/api/notifications', {
        query: {
          status: filters.status,
          channel: filters.channel,
          page: filters.page,
          pageSize: notificationsPageSize,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
