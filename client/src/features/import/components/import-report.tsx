import { Alert, Card, Col, Row, Statistic, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportListingRow, ImportOrganisationRow, ImportProblem, ImportReport } from '@duijie/shared';
import { useLabels } from '../../../ui/labels';
import { rowTestId } from '../../../ui/test-id';

type ProblemsProps = { items: ImportProblem[]; kind: 'problem' | 'warning' };

/** Problems (or warnings) by sheet, row and column, in the order of the file. */
export function ImportProblems({ items, kind }: ProblemsProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportProblem> = [
    { title: t('import.sheet'), dataIndex: 'sheet', width: 90, render: (_v, p) => (p.sheet ? t(`import.sheets.${p.sheet}`) : '—') },
    { title: t('import.row'), dataIndex: 'row', width: 70, render: (_v, p) => p.row ?? '—' },
    { title: t('import.column'), dataIndex: 'column', width: 180, render: (_v, p) => p.column ?? '—' },
    { title: t(kind === 'problem' ? 'import.problem' : 'import.warning'), dataIndex: 'message' },
  ];
  return (
    <Table<ImportProblem>
      size="small"
      rowKey={(p) => `${p.sheet ?? ''}:${p.row ?? ''}:${p.column ?? ''}:${p.message}`}
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={() => rowTestId(kind === 'problem' ? 'import-problem' : 'import-warning')}
    />
  );
}

type Props = { report: ImportReport };

/** What an import would do (or did): the counts, the problems and warnings, and every row's outcome. */
export function ImportReportView({ report }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const action = (value: 'create' | 'unchanged' | 'skip') => <Tag color={value === 'create' ? 'green' : 'default'}>{t(`import.actions.${value}`)}</Tag>;
  const organisationColumns: TableColumnsType<ImportOrganisationRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    { title: t('fields.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('fields.organisation'), dataIndex: 'name' },
    { title: t('import.outcome'), dataIndex: 'action', width: 110, render: (_v, r) => action(r.action) },
  ];
  const listingColumns: TableColumnsType<ImportListingRow> = [
    { title: t('import.row'), dataIndex: 'row', width: 70 },
    { title: t('fields.organisation'), dataIndex: 'organisationName' },
    { title: t('import.session'), dataIndex: 'sessionTitle' },
    { title: t('fields.role'), dataIndex: 'role', render: (_v, r) => labels.role(r.role) },
    { title: t('fields.listingType'), dataIndex: 'type', render: (_v, r) => labels.listingType(r.type) },
    { title: t('fields.listingTitle'), dataIndex: 'title' },
    { title: t('import.outcome'), dataIndex: 'action', width: 110, render: (_v, r) => action(r.action) },
  ];
  const { organisations, participations, listings } = report;
  return (
    <Card size="small" data-testid="import-report" data-problems={report.problems.length}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('import.organisationsCreate')} value={organisations.create} data-testid="import-organisations-create" />
        </Col>
        <Col span={6}>
          <Statistic title={t('import.organisationsUnchanged')} value={organisations.unchanged} />
        </Col>
        <Col span={6}>
          <Statistic title={t('import.listingsCreate')} value={listings.create} data-testid="import-listings-create" />
        </Col>
        <Col span={6}>
          <Statistic title={t('import.listingsSkip')} value={listings.skip} />
        </Col>
      </Row>
      <p style={{ marginTop: 12 }}>
        {t('import.participations', { create: participations.create, approve: participations.approve, unchanged: participations.unchanged })}
      </p>
      {report.problems.length > 0 ? (
        <>
          <Alert type="error" showIcon title={t('import.problemsTitle', { count: report.problems.length })} style={{ marginBottom: 8 }} />
          <ImportProblems items={report.problems} kind="problem" />
        </>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <Alert type="warning" showIcon title={t('import.warningsTitle', { count: report.warnings.length })} style={{ margin: '8px 0' }} />
          <ImportProblems items={report.warnings} kind="warning" />
        </>
      ) : null}
      <Tabs
        size="small"
        items={[
          {
            key: 'listings',
            label: t('import.listingRows', { count: listings.rows.length }),
            children: (
              <Table<ImportListingRow>
                size="small"
                rowKey="row"
                columns={listingColumns}
                dataSource={listings.rows}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            ),
          },
          {
            key: 'organisations',
            label: t('import.organisationRows', { count: organisations.rows.length }),
            children: (
              <Table<ImportOrganisationRow>
                size="small"
                rowKey="row"
                columns={organisationColumns}
                dataSource={organisations.rows}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
