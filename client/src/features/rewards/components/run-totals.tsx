import { Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionClass, RewardRun, RewardRunChange } from '@duijie/shared';
import { Money } from '../../../ui/money';

/** A run's totals per rule and per class, and each institution's change from the previous run. */
export function RunTotals({ run, names }: { run: RewardRun; names: Map<string, string> }) {
  const { t } = useTranslation();
  const byRule = Object.entries(run.totals.byRule).map(([ruleId, amount]) => ({ ruleId, amount }));
  const byClass = Object.entries(run.totals.byClass).map(([c, amount]) => ({ cls: c as InstitutionClass, amount: amount ?? 0 }));
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('rewards.totalsByRule')}</Typography.Title>
          <Table
            size="small"
            rowKey="ruleId"
            pagination={false}
            dataSource={byRule}
            locale={{ emptyText: t('rewards.noTotals') }}
            columns={[
              { title: t('rewards.rule'), render: (_, r) => names.get(r.ruleId) ?? r.ruleId },
              { title: t('rewards.amount'), align: 'right', render: (_, r) => <Money yuan={r.amount} /> },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('rewards.totalsByClass')}</Typography.Title>
          <Table
            size="small"
            rowKey="cls"
            pagination={false}
            dataSource={byClass}
            locale={{ emptyText: t('rewards.noTotals') }}
            columns={[
              { title: t('rewards.class'), render: (_, r) => t(`rewards.classes.${r.cls}`) },
              { title: t('rewards.amount'), align: 'right', render: (_, r) => <Money yuan={r.amount} /> },
            ]}
          />
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('rewards.changesTitle')}
      </Typography.Title>
      {run.seq === 1 ? (
        <Typography.Paragraph type="secondary">{t('rewards.firstRun')}</Typography.Paragraph>
      ) : (
        <Table<RewardRunChange>
          size="small"
          rowKey="organisationId"
          dataSource={run.changes}
          pagination={run.changes.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: t('rewards.noChanges') }}
          data-testid="rewards-run-changes"
          columns={[
            { title: t('rewards.institution'), dataIndex: 'name' },
            { title: t('rewards.before'), align: 'right', render: (_, c) => <Money yuan={c.before} /> },
            { title: t('rewards.after'), align: 'right', render: (_, c) => <Money yuan={c.after} /> },
            {
              title: t('rewards.difference'),
              align: 'right',
              render: (_, c) => (
                <Typography.Text type={c.after > c.before ? 'success' : c.after < c.before ? 'danger' : undefined}>
                  {c.after >= c.before ? '+' : '−'}
                  <Money yuan={Math.abs(c.after - c.before)} />
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
