import { Card, Empty, Flex, Grid, Pagination, Spin, theme, Typography } from 'antd';
import type { TableColumnGroupType, TableColumnsType, TableColumnType, TablePaginationConfig, TableProps } from 'antd';
import { isValidElement, lazy, Suspense, useState } from 'react';
import type { HTMLAttributes, Key, ReactNode } from 'react';

/**
 * "A table on a desktop, cards on a phone": an antd Table from md up, and below md (phones) one card per row
 * with the row's key facts. Both views take the same dataSource, rowKey, columns, loading, empty text and pagination.
 *
 * The card is either
 * - `card(row, index)`: your own content, placed inside a small Card; or
 * - built from the columns, named by their `key` (or their `dataIndex` when it is a string):
 *   `cardTitle` (bold, wraps), `cardExtra` (top right, e.g. a status tag), `cardFacts` (label: value lines, labels are
 *   the column titles) and `cardActions` (buttons along the bottom).
 *   Without any of these the first column is the title, a column keyed `actions`/`action`/`operation` the actions,
 *   and every other column a fact.
 *
 * Test ids: the wrapper carries `testId` in both views; each card carries `${testId}-card` and `data-row-key`
 * (or what `rowProps` gives, which also goes on the table's rows).
 */
export type ResponsiveListProps<T extends object> = {
  dataSource: readonly T[] | undefined;
  rowKey: (keyof T & string) | ((row: T) => Key);
  columns: TableColumnsType<T>;
  loading?: boolean;
  /** As the Table's: false for none, undefined for antd's default (10 a page); server-side when total > dataSource.length. */
  pagination?: TablePaginationConfig | false;
  /** Shown when there are no rows (both views). */
  emptyText?: ReactNode;
  card?: (row: T, index: number) => ReactNode;
  cardTitle?: string;
  cardExtra?: string;
  cardFacts?: readonly string[];
  cardActions?: readonly string[];
  /** A tap on a card or a click on a row (a row click only when set; buttons inside stop their own events). */
  onRowClick?: (row: T) => void;
  /** Attributes of a row's element in both views (the table row, the card): test ids, data-*, aria-*, a className (see ui/test-id.ts); not `title`. */
  rowProps?: (row: T) => HTMLAttributes<HTMLElement>;
  testId?: string;
  /** Further props for the desktop table only (scroll, size, expandable, onChange for server-side sorting…). */
  tableProps?: Omit<TableProps<T>, 'dataSource' | 'rowKey' | 'columns' | 'loading' | 'pagination'>;
  /** Forces one view (e.g. a narrow side panel on a desktop wants cards); default: by breakpoint. */
  view?: 'table' | 'cards';
};

/** The desktop's table, fetched when first shown (phones never need it); Table's generic props are restored where it is used. */
const LazyTable = lazy(async () => ({ default: (await import('./data-table')).DataTable }));

const ACTION_KEYS = ['actions', 'action', 'operation', 'operations'];

type Leaf<T> = TableColumnType<T>;

function leaves<T>(columns: TableColumnsType<T>): Leaf<T>[] {
  return columns.flatMap((column) => ('children' in column ? leaves((column as TableColumnGroupType<T>).children) : [column as Leaf<T>]));
}

/** A column's dataIndex as a path of keys (a string, a number or an array of them); [] when it has none. */
function pathOf(dataIndex: unknown): (string | number)[] {
  if (typeof dataIndex === 'string' || typeof dataIndex === 'number') return [dataIndex];
  if (Array.isArray(dataIndex)) return dataIndex.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
  return [];
}

function columnId<T>(column: Leaf<T>, index: number): string {
  if (column.key !== undefined && column.key !== null) return String(column.key);
  const path = pathOf(column.dataIndex);
  return path.length > 0 ? path.join('.') : `column-${index}`;
}

function valueAt(row: object, dataIndex: unknown): unknown {
  const path = pathOf(dataIndex);
  if (path.length === 0) return undefined;
  let value: unknown = row;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** What the column's cell shows for the row, as the table would render it. */
function cell<T extends object>(column: Leaf<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, column.dataIndex);
  if (!column.render) {
    if (value === null || value === undefined) return null;
    return typeof value === 'object' && !isValidElement(value) ? null : (value as ReactNode);
  }
  const rendered: unknown = column.render(value, row, index);
  // A render may return { children, props } (row/col spans); the card needs only its children.
  if (rendered !== null && typeof rendered === 'object' && !isValidElement(rendered) && 'children' in rendered) {
    return (rendered as { children: ReactNode }).children;
  }
  return rendered as ReactNode;
}

function titleOf<T>(column: Leaf<T>): ReactNode {
  return typeof column.title === 'function' ? null : (column.title ?? null);
}

function keyOf<T extends object>(row: T, rowKey: ResponsiveListProps<T>['rowKey']): Key {
  if (typeof rowKey === 'function') return rowKey(row);
  return String(row[rowKey]);
}

function isEmptyCell(node: ReactNode): boolean {
  return node === null || node === undefined || node === false || node === '';
}

type Layout = { title?: string; extra?: string; facts: readonly string[]; actions: readonly string[] };

function cardLayout(ids: readonly string[], props: Pick<ResponsiveListProps<object>, 'cardTitle' | 'cardExtra' | 'cardFacts' | 'cardActions'>): Layout {
  const named = props.cardTitle ?? props.cardExtra ?? props.cardFacts ?? props.cardActions;
  if (named !== undefined) {
    return { title: props.cardTitle, extra: props.cardExtra, facts: props.cardFacts ?? [], actions: props.cardActions ?? [] };
  }
  const actions = ids.filter((id) => ACTION_KEYS.includes(id));
  const rest = ids.filter((id) => !actions.includes(id));
  return { title: rest[0], facts: rest.slice(1), actions };
}

/** Below antd's md breakpoint (768 px), where the header folds into a drawer too; false outside a browser. */
function belowMd(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 767.98px)').matches;
}

function TypedTable<T extends object>(props: TableProps<T>) {
  return <LazyTable {...(props as unknown as TableProps<unknown>)} />;
}

export function ResponsiveList<T extends object>(props: ResponsiveListProps<T>) {
  const { dataSource, rowKey, columns, loading = false, pagination, emptyText, onRowClick, rowProps, testId, tableProps, view } = props;
  const md = Grid.useBreakpoint().md;
  // antd knows the breakpoints only after its first effect: ask the browser for that first render,
  // so that a phone does not render (and download) the table for one frame.
  const narrow = md === undefined ? belowMd() : md === false;
  const cards = view === 'cards' || (view === undefined && narrow);
  if (!cards) {
    return (
      <div data-testid={testId}>
        <Suspense fallback={<Spin style={{ display: 'block', padding: 24 }} />}>
          <TypedTable<T>
            {...tableProps}
            dataSource={dataSource as T[] | undefined}
            rowKey={rowKey}
            columns={columns}
            loading={loading}
            pagination={pagination}
            locale={emptyText === undefined ? tableProps?.locale : { ...tableProps?.locale, emptyText }}
            onRow={(row, index) => ({
              ...tableProps?.onRow?.(row, index),
              ...rowProps?.(row),
              ...(onRowClick ? { onClick: () => onRowClick(row), style: { cursor: 'pointer' } } : {}),
            })}
          />
        </Suspense>
      </div>
    );
  }
  return <CardList list={props} />;
}

type CardListProps<T extends object> = { list: ResponsiveListProps<T> };

function CardList<T extends object>({ list }: CardListProps<T>) {
  const {
    dataSource,
    rowKey,
    columns,
    loading = false,
    pagination,
    emptyText,
    card,
    cardTitle,
    cardExtra,
    cardFacts,
    cardActions,
    onRowClick,
    rowProps,
    testId,
  } = list;
  const { token } = theme.useToken();
  const rows = dataSource ?? [];
  const config = pagination === false ? undefined : (pagination ?? {});
  const pageSize = config?.pageSize ?? config?.defaultPageSize ?? 10;
  const [ownPage, setOwnPage] = useState(config?.defaultCurrent ?? 1);
  const current = config?.current ?? ownPage;
  // As antd's Table: when the total is larger than the rows given, the server already cut the page.
  const serverSide = config?.total !== undefined && config.total > rows.length;
  const total = config?.total ?? rows.length;
  const lastPage = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = serverSide ? current : Math.min(current, lastPage);
  const shown = config === undefined || serverSide ? rows : rows.slice((page - 1) * pageSize, page * pageSize);

  const all = leaves(columns);
  const ids = all.map((column, index) => columnId(column, index));
  const byId = new Map(ids.map((id, index) => [id, all[index]]));
  const layout = cardLayout(ids, { cardTitle, cardExtra, cardFacts, cardActions });

  const renderCard = (row: T, index: number): ReactNode => {
    if (card) return card(row, index);
    const part = (id: string | undefined) => {
      const column = id === undefined ? undefined : byId.get(id);
      return column ? cell(column, row, index) : null;
    };
    const title = part(layout.title);
    const extra = part(layout.extra);
    const facts = layout.facts.flatMap((id) => {
      const column = byId.get(id);
      if (!column) return [];
      const value = cell(column, row, index);
      return isEmptyCell(value) ? [] : [{ id, label: titleOf(column), value }];
    });
    const actions = layout.actions.map((id) => part(id)).filter((node) => !isEmptyCell(node));
    return (
      <Flex vertical gap={token.marginXS}>
        {isEmptyCell(title) && isEmptyCell(extra) ? null : (
          <Flex justify="space-between" align="flex-start" gap={token.marginXS}>
            <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {title}
            </Typography.Text>
            {isEmptyCell(extra) ? null : <span style={{ flexShrink: 0 }}>{extra}</span>}
          </Flex>
        )}
        {facts.map((fact) => (
          <Flex key={fact.id} gap={token.marginXS} wrap style={{ minWidth: 0 }}>
            {fact.label === null ? null : <Typography.Text type="secondary">{fact.label}:</Typography.Text>}
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{fact.value}</span>
          </Flex>
        ))}
        {actions.length > 0 ? (
          <Flex wrap gap={token.marginXS} style={{ marginTop: token.marginXXS }}>
            {actions.map((node, at) => (
              <span key={at}>{node}</span>
            ))}
          </Flex>
        ) : null}
      </Flex>
    );
  };

  return (
    <div data-testid={testId}>
      <Spin spinning={loading}>
        {shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ padding: token.paddingLG }} />
        ) : (
          <Flex vertical gap={token.marginSM}>
            {shown.map((row, index) => {
              const key = keyOf(row, rowKey);
              return (
                <Card
                  key={key}
                  data-testid={testId ? `${testId}-card` : undefined}
                  data-row-key={String(key)}
                  {...rowProps?.(row)}
                  size="small"
                  hoverable={onRowClick !== undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {renderCard(row, index)}
                </Card>
              );
            })}
          </Flex>
        )}
      </Spin>
      {config !== undefined && total > pageSize ? (
        <Flex justify="center" style={{ marginTop: token.marginMD }}>
          <Pagination
            simple
            current={page}
            pageSize={pageSize}
            total={total}
            onChange={(next, size) => {
              setOwnPage(next);
              config.onChange?.(next, size);
            }}
          />
        </Flex>
      ) : null}
    </div>
  );
}
