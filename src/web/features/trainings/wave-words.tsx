import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { courseLevels, courseTopics, enrollmentStatuses, waveStatuses } from '../../../shared/trainings.js';
import { useFormat } from '../../app/format.js';
import { useLanguage } from '../../app/i18n/index.js';
import { todayWib } from '../mentoring/dates.js';
import type { WaveSummary } from './trainings-api.js';

const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** What a wave is doing now: a scheduled wave between its first and last day is running. */
export function wavePhase(wave: Pick<WaveSummary, 'status' | 'startsOn' | 'endsOn'>, today = todayWib()) {
  if (wave.status === 'scheduled' && wave.startsOn <= today && today <= wave.endsOn) return 'running' as const;
  return known(waveStatuses, wave.status) ? wave.status : ('scheduled' as const);
}

const phaseColor = { scheduled: 'blue', running: 'teal', closed: 'gray', cancelled: 'red' } as const;

export function WaveStatusBadge({
  wave,
  ...props
}: { wave: Pick<WaveSummary, 'status' | 'startsOn' | 'endsOn'> } & BadgeProps) {
  const { t } = useTranslation();
  const phase = wavePhase(wave);
  return (
    <Badge variant="light" color={phaseColor[phase]} style={{ flexShrink: 0 }} data-testid="wave-status" {...props}>
      {t(`trainings.waveStatus.${phase}`)}
    </Badge>
  );
}

const enrollmentColor = {
  enrolled: 'blue',
  waitlisted: 'yellow',
  cancelled: 'gray',
  completed: 'teal',
  not_completed: 'red',
} as const;

/** "Terdaftar", "Daftar tunggu #2", "Lulus"… */
export function EnrollmentBadge({
  status,
  waitlistPosition,
  ...props
}: { status: string; waitlistPosition?: number | null } & BadgeProps) {
  const { t } = useTranslation();
  if (!known(enrollmentStatuses, status)) return <Badge color="gray">{status}</Badge>;
  return (
    <Badge variant="light" color={enrollmentColor[status]} style={{ flexShrink: 0 }} {...props}>
      {t(`trainings.enrollmentStatus.${status}`)}
      {status === 'waitlisted' && waitlistPosition ? ` #${waitlistPosition}` : ''}
    </Badge>
  );
}

export function LevelBadge({ level, ...props }: { level: string } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" style={{ flexShrink: 0 }} {...props}>
      {known(courseLevels, level) ? t(`trainings.level.${level}`) : level}
    </Badge>
  );
}

const clock = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });

/** The WIB time of a timestamp, `08.12`. */
export function clockWib(iso: string): string {
  return clock.format(new Date(iso));
}

/** The words every wave is described by: its dates, its place, its seats. */
export function useWaveWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  return {
    dates: (w: Pick<WaveSummary, 'startsOn' | 'endsOn'>) =>
      w.startsOn === w.endsOn ? fmt.date(w.startsOn) : `${fmt.date(w.startsOn)} – ${fmt.date(w.endsOn)}`,
    place: (w: Pick<WaveSummary, 'mode' | 'centerName' | 'venueName' | 'venueAddress'>) =>
      w.mode === 'online'
        ? t('trainings.mode.online')
        : [w.centerName, w.venueName].filter(Boolean).join(' · ') || w.venueAddress || '—',
    seats: (w: Pick<WaveSummary, 'seatsTaken' | 'capacity'>) =>
      t('trainings.seats', { taken: fmt.number(w.seatsTaken), capacity: fmt.number(w.capacity) }),
    topic: (key: string) => courseTopics.find((c) => c.key === key)?.[lang] ?? key,
  };
}
