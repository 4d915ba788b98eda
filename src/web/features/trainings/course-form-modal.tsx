import {
  Divider,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CourseLevel, courseLevels, courseTopics } from '../../../shared/trainings.js';
import { notifySaved } from '../../app/errors.js';
import { useLanguage } from '../../app/i18n/index.js';
import { FormActions } from '../../app/ui/form-actions.js';
import { useOperatorChoices } from '../programs/use-operator-choices.js';
import { CourseMaterials } from './course-materials.js';
import { useFormProblems } from './form-problems.js';
import { type Course, useSaveCourse } from './trainings-api.js';

type Values = {
  operatorId: string | null;
  title: string;
  topics: string[];
  level: string;
  hours: number | string;
  description: string;
  active: boolean;
};
type TopicKey = (typeof courseTopics)[number]['key'];
const fields = ['operatorId', 'title', 'topics', 'level', 'hours', 'description', 'active'] as const;

/** Create a course, or edit one with its materials (files and links). */
export function CourseFormModal({
  opened,
  onClose,
  course,
}: {
  opened: boolean;
  onClose: () => void;
  course?: Course;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const problems = useFormProblems();
  const save = useSaveCourse(course?.id);
  const { choices } = useOperatorChoices('trainings.manage');
  const form = useForm<Values>({
    initialValues: { operatorId: null, title: '', topics: [], level: 'dasar', hours: 8, description: '', active: true },
    validate: {
      operatorId: (v) => (!course && !v ? t('trainings.courseForm.operatorRequired') : null),
      title: (v) => (v.trim().length < 3 ? t('trainings.courseForm.titleRequired') : null),
      topics: (v) => (v.length === 0 ? t('trainings.courseForm.topicsRequired') : null),
      hours: (v) =>
        typeof v !== 'number' || v <= 0 || v > 999 || (v * 2) % 1 !== 0 ? t('trainings.courseForm.hoursInvalid') : null,
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      operatorId: course?.operatorId ?? (choices.length === 1 ? choices[0].value : null),
      title: course?.title ?? '',
      topics: course?.topics ?? [],
      level: course?.level ?? 'dasar',
      hours: course?.hours ?? 8,
      description: course?.description ?? '',
      active: course?.active ?? true,
    });
    form.clearErrors();
  }, [opened, course?.id, choices.length]);

  const submit = form.onSubmit((v) => {
    const body = {
      title: v.title.trim(),
      topics: v.topics as TopicKey[],
      level: v.level as CourseLevel,
      hours: Number(v.hours),
      description: v.description.trim() || null,
    };
    const input = course ? { ...body, active: v.active } : { ...body, operatorId: v.operatorId ?? '' };
    save.mutate(input, {
      onSuccess: () => {
        notifySaved(t, course ? undefined : t('trainings.courseForm.created', { title: body.title }));
        onClose();
      },
      onError: problems(form, fields),
    });
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={course ? t('trainings.courseForm.editTitle') : t('trainings.courseForm.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!course && choices.length > 1 ? (
            <Select
              label={t('trainings.operator')}
              data={choices}
              withAsterisk
              searchable
              {...form.getInputProps('operatorId')}
            />
          ) : null}
          <TextInput
            label={t('trainings.courseForm.title')}
            placeholder={t('trainings.courseForm.titlePlaceholder')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('title')}
          />
          <MultiSelect
            label={t('trainings.courseForm.topics')}
            placeholder={form.values.topics.length ? undefined : t('trainings.courseForm.topicsPlaceholder')}
            data={courseTopics.map((c) => ({ value: c.key, label: c[lang] }))}
            withAsterisk
            searchable
            {...form.getInputProps('topics')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('trainings.courseForm.level')}
              data={courseLevels.map((l) => ({ value: l, label: t(`trainings.level.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps('level')}
            />
            <NumberInput
              label={t('trainings.courseForm.hours')}
              description={t('trainings.courseForm.hoursHint')}
              min={0.5}
              max={999}
              step={0.5}
              decimalScale={1}
              decimalSeparator=","
              withAsterisk
              {...form.getInputProps('hours')}
            />
          </SimpleGrid>
          <Textarea
            label={t('trainings.courseForm.description')}
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          {course ? (
            <Switch
              label={t('trainings.courseForm.active')}
              description={t('trainings.courseForm.activeHint')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          ) : null}
          <FormActions
            onCancel={onClose}
            submitLabel={course ? t('common.save') : t('trainings.courseForm.create')}
            loading={save.isPending}
          />
        </Stack>
      </form>
      {course ? (
        <>
          <Divider my="md" label={t('trainings.materials.title')} labelPosition="left" />
          <CourseMaterials course={course} />
        </>
      ) : null}
    </Modal>
  );
}
