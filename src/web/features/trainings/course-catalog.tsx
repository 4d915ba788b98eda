import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.js';
import { AnchorLink } from '../../app/ui/links.js';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../app/ui/query-state.js';
import { CourseFormModal } from './course-form-modal.js';
import { MaterialLink, materialKey } from './course-materials.js';
import { type Course, useCourses } from './trainings-api.js';
import { LevelBadge, useWaveWords } from './wave-words.js';

function CourseCard({ course, onEdit }: { course: Course; onEdit?: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useWaveWords();
  return (
    <Card withBorder padding="md" data-testid="course-card" opacity={course.active ? 1 : 0.6}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600}>{course.title}</Text>
          <LevelBadge level={course.level} size="sm" />
        </Group>
        <Text size="sm" c="dimmed">
          {t('trainings.hoursN', { n: fmt.number(course.hours) })}
          {course.active ? '' : ` · ${t('common.inactive')}`}
        </Text>
        <Group gap={4}>
          {course.topics.map((k) => (
            <Badge key={k} size="sm" variant="light" color="gray">
              {words.topic(k)}
            </Badge>
          ))}
        </Group>
        {course.description ? (
          <Text size="sm" lineClamp={3}>
            {course.description}
          </Text>
        ) : null}
        {course.materials.length ? (
          <Stack gap={2}>
            {course.materials.slice(0, 3).map((m) => (
              <MaterialLink key={materialKey(m)} courseId={course.id} material={m} />
            ))}
            {course.materials.length > 3 ? (
              <Text size="xs" c="dimmed">
                {t('trainings.materials.more', { n: course.materials.length - 3 })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Group justify="space-between" mt="auto" pt="xs">
          <AnchorLink to="/trainings" search={{ courseId: course.id, when: 'all' }} size="sm">
            {t('trainings.wavesN', { n: fmt.number(course.waves) })}
          </AnchorLink>
          {onEdit ? (
            <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** The catalog: every course the operator teaches, with its materials; the managers add and edit them. */
export function CourseCatalog({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const query = useCourses();
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  // The modal follows the list, so materials added inside it show at once.
  const editingCourse = editing && editing !== 'new' ? query.data?.items.find((c) => c.id === editing.id) : undefined;

  return (
    <Stack gap="md">
      {canManage ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="course-new">
            {t('trainings.courseForm.createTitle')}
          </Button>
        </Group>
      ) : null}
      {query.isLoading ? <LoadingBlock /> : null}
      {query.isError ? <ErrorBlock error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <EmptyBlock title={t('trainings.catalogEmpty')} description={t('trainings.catalogEmptyHint')} />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {(query.data?.items ?? []).map((c) => (
          <CourseCard key={c.id} course={c} onEdit={canManage ? () => setEditing(c) : undefined} />
        ))}
      </SimpleGrid>
      <CourseFormModal opened={editing !== null} onClose={() => setEditing(null)} course={editingCourse} />
    </Stack>
  );
}
