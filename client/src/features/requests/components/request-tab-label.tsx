import { Badge, Flex, theme } from 'antd';

type Props = { text: string; count: number; danger?: boolean; testId: string };

/** A tab's title with the number of items awaiting an answer; red when some are overdue. */
export function RequestTabLabel({ text, count, danger = false, testId }: Props) {
  const { token } = theme.useToken();
  return (
    <Flex gap={6} align="center" data-testid={testId}>
      {text}
      {count > 0 ? <Badge count={count} size="small" color={danger ? token.colorError : token.colorWarning} /> : null}
    </Flex>
  );
}
