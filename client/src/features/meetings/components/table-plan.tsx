import { PushpinFilled } from '@ant-design/icons';
import { theme, Typography } from 'antd';
import type { GlobalToken } from 'antd';
import { Fragment, useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSlot, Meeting } from '@duijie/shared';
import { formatTime } from '../../../ui/dates';

type Props = {
  slots: MeetingSlot[];
  tableCount: number;
  /** Meetings with a slot and a table (others are listed beside the plan). */
  meetings: Meeting[];
  onOpen: (meeting: Meeting) => void;
  /** The event's zone: the slots' times are its wall clock. */
  timeZone: string;
};

/** Where a meeting sits: "slot:table". */
export function cellKey(slot: number, table: number): string {
  return `${slot}:${table}`;
}

type PlanStyles = {
  border: string;
  headCell: CSSProperties;
  timeCell: CSSProperties;
  corner: CSSProperties;
  bodyCell: CSSProperties;
  breakCell: CSSProperties;
  quiet: string;
  pin: string;
  statusBackground: Record<Meeting['status'], string>;
};

/** The plan's cell styles, in the theme's colours. */
function planStyles(token: GlobalToken): PlanStyles {
  const border = `1px solid ${token.colorBorderSecondary}`;
  const headCell: CSSProperties = {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    background: token.colorFillAlter,
    border,
    padding: '6px 8px',
    fontWeight: 600,
    whiteSpace: 'nowrap',
    minWidth: 150,
  };
  const timeCell: CSSProperties = {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    background: token.colorFillAlter,
    border,
    padding: '6px 8px',
    whiteSpace: 'nowrap',
    fontWeight: 500,
  };
  const bodyCell: CSSProperties = { border, padding: 4, verticalAlign: 'top', height: 56 };
  return {
    border,
    headCell,
    timeCell,
    corner: { ...headCell, left: 0, zIndex: 3, minWidth: 110 },
    bodyCell,
    breakCell: { ...bodyCell, height: 28, background: token.colorFillAlter },
    quiet: token.colorTextTertiary,
    pin: token.colorPrimary,
    statusBackground: {
      unscheduled: token.colorWarningBg,
      scheduled: token.colorPrimaryBg,
      held: token.colorSuccessBg,
      no_show: token.colorErrorBg,
      cancelled: token.colorFillAlter,
    },
  };
}

/**
 * The table plan: a row per slot, a column per table, each seat showing the two parties of its
 * meeting. Large sessions scroll inside the frame with the header row and time column kept in view.
 */
export function TablePlan({ slots, tableCount, meetings, onOpen, timeZone }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { border, headCell, timeCell, corner, bodyCell, breakCell, quiet, pin, statusBackground } = useMemo(() => planStyles(token), [token]);
  const bySeat = new Map<string, Meeting>();
  for (const m of meetings) if (m.slot !== null && m.table !== null) bySeat.set(cellKey(m.slot, m.table), m);
  const tables = Array.from({ length: tableCount }, (_v, i) => i + 1);

  return (
    <div style={{ overflow: 'auto', maxHeight: '70vh', border, borderRadius: 6 }} data-testid="table-plan">
      <table style={{ borderCollapse: 'separate', borderSpacing: 0, width: 'max-content', minWidth: '100%' }}>
        <thead>
          <tr>
            <th style={corner}>{t('meetingPlan.slot')}</th>
            {tables.map((table) => (
              <th key={table} style={headCell}>
                {t('agenda.table', { table })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((s, i) => (
            <Fragment key={s.slot}>
              {i > 0 && slots[i - 1].endsAt !== s.startsAt ? (
                <tr data-testid="plan-break">
                  <th style={{ ...timeCell, color: quiet }} scope="row">
                    {t('meetingPlan.break')} {formatTime(slots[i - 1].endsAt, timeZone)}–{formatTime(s.startsAt, timeZone)}
                  </th>
                  <td colSpan={tableCount} style={breakCell} />
                </tr>
              ) : null}
              <tr>
                <th style={timeCell} scope="row">
                  {formatTime(s.startsAt, timeZone)}–{formatTime(s.endsAt, timeZone)}
                </th>
                {tables.map((table) => {
                  const m = bySeat.get(cellKey(s.slot, table));
                  return (
                    <td
                      key={table}
                      style={{ ...bodyCell, background: m ? statusBackground[m.status] : undefined }}
                      data-testid="plan-cell"
                      data-slot={s.slot}
                      data-table={table}
                      data-meeting-id={m?.id ?? ''}
                    >
                      {m ? (
                        <button
                          type="button"
                          onClick={() => onOpen(m)}
                          data-testid="plan-meeting"
                          data-meeting-id={m.id}
                          data-status={m.status}
                          data-published={String(m.published)}
                          style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%', fontSize: 12, lineHeight: 1.4 }}
                          title={m.topic}
                        >
                          <Typography.Text ellipsis style={{ display: 'block', maxWidth: 160, fontSize: 12 }}>
                            {m.pinned ? <PushpinFilled style={{ color: pin, marginInlineEnd: 4 }} /> : null}
                            {m.parties[0].organisationName}
                          </Typography.Text>
                          <Typography.Text ellipsis type="secondary" style={{ display: 'block', maxWidth: 160, fontSize: 12 }}>
                            {m.parties[1].organisationName}
                          </Typography.Text>
                        </button>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
