import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DirectoryExportQuery } from '@duijie/shared';
import { CategorySelect } from '../../../ui/category-select';
import { RegionSelect } from '../../../ui/region-select';

type Props = {
  filters: DirectoryExportQuery;
  onFilter: (name: keyof DirectoryExportQuery, value: string | undefined) => void;
  printing: boolean;
  onPrint: () => void;
  exporting: boolean;
  onExport: () => void;
};

/** Category, region (a prefecture includes its counties) and text; print and export what they select. */
export function DirectoryFilters({ filters, onFilter, printing, onPrint, exporting, onExport }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const width = (px: number) => (screens.md ? px : '100%');
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex wrap gap="small" align="center">
        <CategorySelect
          value={filters.category}
          onChange={(value) => onFilter('category', value)}
          allowClear
          placeholder={t('directory.anyCategory')}
          style={{ width: width(220) }}
          testId="directory-filter-category"
        />
        <div className="directory-region-filter" style={{ width: width(260) }}>
          <RegionSelect value={filters.region} onChange={(value) => onFilter('region', value)} allowClear testId="directory-filter-region" />
        </div>
        <Input.Search
          defaultValue={filters.q}
          allowClear
          placeholder={t('directory.searchPlaceholder')}
          onSearch={(value) => onFilter('q', value.trim() || undefined)}
          style={{ width: width(260) }}
          maxLength={100}
          data-testid="directory-search"
        />
        <Space style={{ marginInlineStart: screens.md ? 'auto' : undefined }}>
          <Button icon={<PrinterOutlined />} loading={printing} onClick={onPrint} data-testid="directory-print">
            {t('directory.print')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="directory-export">
            {t('directory.export')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}
