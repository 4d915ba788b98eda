import { Button, Card, Group, Image, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MyRecord, qrImage } from './members-api.js';

/** The member card on screen: staff scan its QR at a training day or a clinic visit; the PDF prints it. */
export function MemberCard({ record }: { record: MyRecord }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrImage(record.code).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [record.code]);

  return (
    <Card withBorder padding="md" data-testid="member-card">
      <Group align="flex-start" wrap="wrap" gap="md">
        {src ? (
          <Image src={src} alt={t('members.qrAlt')} w={180} h={180} data-testid="member-qr" />
        ) : (
          <Skeleton w={180} h={180} />
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 160 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('members.cardTitle')}
          </Text>
          <Title order={4}>{record.fullName}</Title>
          <Text size="sm">NIK {record.nikMasked}</Text>
          <Text size="sm">
            {t('members.district', { name: record.districtName })} · {record.villageName}
          </Text>
          <Text size="xs" c="dimmed">
            {record.operatorName}
          </Text>
          <Text size="sm" mt="xs">
            {t('members.cardHint')}
          </Text>
          <Button
            component="a"
            href="/api/me/member-card.pdf"
            variant="light"
            leftSection={<IconDownload size={16} />}
            mt="xs"
            w="fit-content"
          >
            {t('members.downloadCard')}
          </Button>
        </Stack>
      </Group>
    </Card>
  );
}
