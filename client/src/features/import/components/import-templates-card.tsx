import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes } from '@duijie/shared';
import { download } from '../../../api/client';
import { useFailureHandler } from '../../../ui/use-failure';

const TEMPLATES = [
  { key: 'xlsx', route: routes.imports.template, file: 'templateXlsxFile' },
  { key: 'organisations', route: routes.imports.organisationsCsv, file: 'templateOrganisationsFile' },
  { key: 'listings', route: routes.imports.listingsCsv, file: 'templateListingsFile' },
] as const;

/** The files to fill in: one workbook, or a CSV file per sheet. */
export function ImportTemplatesCard() {
  const { t } = useTranslation();
  const onFailure = useFailureHandler();
  return (
    <Card size="small" title={t('import.templatesTitle')}>
      <Typography.Paragraph type="secondary">{t('import.templatesHint')}</Typography.Paragraph>
      <Space wrap>
        {TEMPLATES.map((template) => (
          <Button
            key={template.key}
            icon={<DownloadOutlined />}
            onClick={() => void download(template.route, {}, t(`import.${template.file}`)).catch((error: unknown) => onFailure(error))}
            data-testid={`import-template-${template.key}`}
          >
            {t(`import.template.${template.key}`)}
          </Button>
        ))}
      </Space>
    </Card>
  );
}
