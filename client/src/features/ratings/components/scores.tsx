import { Flex, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionRating } from '@duijie/shared';

type Props = { rating: Pick<InstitutionRating, 'speed' | 'attitude' | 'terms'> };

/** One rating's three scores as small read-only stars, labelled. */
export function Scores({ rating }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap="small" align="center">
      {(['speed', 'attitude', 'terms'] as const).map((field) => (
        <Flex key={field} gap={4} align="center" data-testid={`score-${field}`} data-value={rating[field]}>
          <Typography.Text type="secondary">{t(`ratings.fields.${field}`)}</Typography.Text>
          <Rate disabled value={rating[field]} style={{ fontSize: 14 }} />
        </Flex>
      ))}
    </Flex>
  );
}
