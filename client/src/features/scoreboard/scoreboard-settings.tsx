// The organisers' control of an event's public scoreboard: which figure ranks it, and the link to
// the public page (for a projector or to share). Placed in the console's 考核奖励 tab.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { routes, SCOREBOARD_FIGURES, type ScoreboardFigure } from '@duijie/shared';
import { call, isApiFailure } from '../../api/client';
import { keys } from '../../api/keys';
import { useFailureHandler } from '../../ui/use-failure';
import { FIGURE_KEYS } from './scoreboard-format';

/** Until organisers choose, the server ranks by signed loans. */
const DEFAULT_FIGURE: ScoreboardFigure = 'platform.signedLoans';

export function ScoreboardSettings({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const onFailure = useFailureHandler();
  const client = useQueryClient();
  const board = useQuery({
    queryKey: keys.scoreboard(eventId),
    queryFn: ({ signal }) => call(routes.rewards.scoreboard, { params: { id: eventId } }, { signal }),
    retry: (count, error) => !(isApiFailure(error) && error.status === 404) && count < 2,
  });
  // The public read is a 404 while the event has no published session: organisers may choose all the same.
  const notPublic = isApiFailure(board.error) && board.error.status === 404;
  const save = useMutation({
    mutationFn: (figure: ScoreboardFigure) => call(routes.rewards.scoreboardSettings, { params: { id: eventId }, body: { figure } }),
    onSuccess: (answer) => {
      if (!notPublic) client.setQueryData(keys.scoreboard(eventId), answer);
      void message.success(t('scoreboard.settings.saved', { figure: t(`scoreboard.figures.${FIGURE_KEYS[answer.figure]}`) }));
    },
    onError: (error) => onFailure(error),
  });
  const current = save.data?.figure ?? board.data?.figure ?? DEFAULT_FIGURE;
  const label = (figure: ScoreboardFigure) => t(`scoreboard.figures.${FIGURE_KEYS[figure]}`);

  const choose = (figure: ScoreboardFigure) => {
    if (figure === current) return;
    modal.confirm({
      title: t('scoreboard.settings.confirmTitle'),
      content: t('scoreboard.settings.confirmBody', { figure: label(figure) }),
      okText: t('scoreboard.settings.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync(figure).catch(() => undefined),
    });
  };

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid="scoreboard-settings">
      <Typography.Text strong>{t('scoreboard.settings.label')}</Typography.Text>
      <Space wrap>
        <Select<ScoreboardFigure>
          data-testid="scoreboard-figure-select"
          aria-label={t('scoreboard.settings.label')}
          style={{ minWidth: 240 }}
          value={current}
          loading={board.isLoading || save.isPending}
          disabled={save.isPending}
          onChange={choose}
          options={SCOREBOARD_FIGURES.map((figure) => ({ value: figure, label: label(figure) }))}
        />
        <Typography.Link href={`/scoreboard/${eventId}`} target="_blank" rel="noopener noreferrer" data-testid="scoreboard-open-link">
          {t('scoreboard.settings.open')}
        </Typography.Link>
      </Space>
      <Typography.Text type="secondary">{notPublic ? t('scoreboard.settings.notPublic') : t('scoreboard.settings.help')}</Typography.Text>
    </Space>
  );
}
