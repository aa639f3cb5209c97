import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { ResponsiveList } from './responsive-list';

type Row = { id: string; name: string; amount: number; status: string };

const rows: Row[] = Array.from({ length: 13 }, (_, i) => ({
  id: `r${i + 1}`,
  name: `企业${i + 1}`,
  amount: (i + 1) * 100,
  status: i % 2 ? '待审核' : '已通过',
}));

const columns: TableColumnsType<Row> = [
  { title: '名称', dataIndex: 'name' },
  { title: '金额', dataIndex: 'amount', render: (v: number) => `${v}万元` },
  { title: '状态', dataIndex: 'status', key: 'status' },
  { title: '操作', key: 'actions', render: (_v, row) => <button type="button">{`审核${row.id}`}</button> },
];

function html(node: ReactNode): string {
  return renderToStaticMarkup(node);
}

/** The cards' row keys, in order. */
function cardKeys(markup: string): string[] {
  return [...markup.matchAll(/<div[^>]*data-testid="orgs-card"[^>]*>/g)].map((m) => /data-row-key="([^"]+)"/.exec(m[0])?.[1] ?? '');
}

describe('ResponsiveList as cards', () => {
  it('builds each card from the named columns: title, extra, facts with their labels, and actions', () => {
    const markup = html(
      <ResponsiveList<Row>
        view="cards"
        testId="orgs"
        rowKey="id"
        columns={columns}
        dataSource={rows.slice(0, 2)}
        cardTitle="name"
        cardExtra="status"
        cardFacts={['amount']}
        cardActions={['actions']}
      />,
    );
    expect(cardKeys(markup)).toEqual(['r1', 'r2']);
    expect(markup).toContain('企业1');
    expect(markup).toContain('已通过');
    expect(markup).toContain('金额:');
    expect(markup).toContain('100万元');
    expect(markup).toContain('审核r2');
    expect(markup).not.toContain('<table');
  });

  it('takes the first column as the title and an actions column as the actions when nothing is named', () => {
    const markup = html(<ResponsiveList<Row> view="cards" testId="orgs" rowKey="id" columns={columns} dataSource={rows.slice(0, 1)} />);
    expect(markup).toMatch(/<strong>企业1<\/strong>/);
    expect(markup).toContain('状态:');
    expect(markup).not.toContain('名称:');
    expect(markup).not.toContain('操作:');
    expect(markup).toContain('审核r1');
  });

  it('renders a card of its own when given one, with the row attributes on it', () => {
    const markup = html(
      <ResponsiveList<Row>
        view="cards"
        rowKey="id"
        columns={columns}
        dataSource={rows.slice(0, 1)}
        rowProps={(row) => ({ className: 'row-flash', 'aria-label': `row ${row.id}` })}
        card={(row) => <em>{`自定义${row.name}`}</em>}
      />,
    );
    expect(markup).toContain('<em>自定义企业1</em>');
    expect(markup).toContain('aria-label="row r1"');
    expect(markup).toMatch(/class="[^"]*row-flash/);
  });

  it('pages the rows itself as the table would (10 a page by default), or shows the page the server cut', () => {
    expect(cardKeys(html(<ResponsiveList<Row> view="cards" testId="orgs" rowKey="id" columns={columns} dataSource={rows} />))).toHaveLength(10);
    const second = html(
      <ResponsiveList<Row> view="cards" testId="orgs" rowKey="id" columns={columns} dataSource={rows} pagination={{ current: 2, pageSize: 10 }} />,
    );
    expect(cardKeys(second)).toEqual(['r11', 'r12', 'r13']);
    const serverPage = html(
      <ResponsiveList<Row>
        view="cards"
        testId="orgs"
        rowKey="id"
        columns={columns}
        dataSource={rows.slice(0, 3)}
        pagination={{ current: 4, pageSize: 3, total: 13 }}
      />,
    );
    expect(cardKeys(serverPage)).toEqual(['r1', 'r2', 'r3']);
    expect(cardKeys(html(<ResponsiveList<Row> view="cards" testId="orgs" rowKey="id" columns={columns} dataSource={rows} pagination={false} />))).toHaveLength(
      13,
    );
  });

  it('says so when there are no rows', () => {
    const markup = html(<ResponsiveList<Row> view="cards" testId="orgs" rowKey="id" columns={columns} dataSource={[]} emptyText="暂无机构" />);
    expect(markup).toContain('暂无机构');
    expect(cardKeys(markup)).toEqual([]);
  });
});

describe('ResponsiveList as a table', () => {
  it('is the antd table with the same rows and row attributes, loaded when first shown', async () => {
    // The table is a lazy chunk (phones never fetch it): render until it has loaded.
    const { prelude } = await prerender(
      <ResponsiveList<Row>
        view="table"
        testId="orgs"
        rowKey="id"
        columns={columns}
        dataSource={rows.slice(0, 2)}
        rowProps={(row) => ({ 'aria-label': `row ${row.id}` })}
      />,
    );
    const markup = await new Response(prelude).text();
    expect(markup).toContain('<table');
    expect(markup).toContain('data-testid="orgs"');
    expect(markup).toContain('aria-label="row r2"');
    expect(markup).toContain('200万元');
    expect(cardKeys(markup)).toEqual([]);
  });
});
