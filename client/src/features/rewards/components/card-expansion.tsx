import { Badge, Button, Space } from 'antd';
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramProblem, RewardProgramContent } from '@duijie/shared';
import { addedCards, allCards, problemCards } from './card-paths';

// Which rule and scheme cards are open, by their path in the content (`rules[3]`, `schemes[0]`).
// The program editor holds the set; each card reads and toggles its own entry.

type Expansion = { isOpen: (path: string) => boolean; toggle: (path: string) => void };
export const CardExpansionContext = createContext<Expansion>({ isOpen: () => true, toggle: () => undefined });

export function useCardExpansion(path: string): { open: boolean; toggle: () => void } {
  const { isOpen, toggle } = useContext(CardExpansionContext);
  return { open: isOpen(path), toggle: () => toggle(path) };
}

type HeaderProps = { open: boolean; onToggle: () => void; problemCount: number; testId: string; children: ReactNode };

/** A card's title that opens and closes it: caret, the header tags, and a red count of its problems. */
export function ExpandHeader({ open, onToggle, problemCount, testId, children }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ cursor: 'pointer', rowGap: 4 }} onClick={onToggle}>
      <Button
        type="text"
        size="small"
        icon={open ? <DownOutlined /> : <RightOutlined />}
        aria-expanded={open}
        aria-label={open ? t('rewards.collapseCard') : t('rewards.expandCard')}
        data-testid={testId}
        onClick={(e) => {
          e.stopPropagation();
          onToggle();
        }}
      />
      {children}
      {problemCount > 0 ? <Badge count={problemCount} title={t('rewards.problemCount', { count: problemCount })} data-testid={`${testId}-problems`} /> : null}
    </Space>
  );
}

/**
 * The open cards of one program version: all closed at first; a card the check finds a problem in
 * opens (again) when its problems change; a rule or scheme just added opens; 全部展开 / 全部收起.
 */
export function useExpansionState(content: RewardProgramContent, problems: readonly ProgramProblem[]) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const add = useCallback((paths: string[]) => {
    if (paths.length) setOpen((s) => (paths.every((p) => s.has(p)) ? s : new Set([...s, ...paths])));
  }, []);

  const owners = problemCards(problems).join(',');
  useEffect(() => add(owners ? owners.split(',') : []), [owners, add]);

  const counts = useRef({ rules: content.rules.length, schemes: content.schemes.length });
  useEffect(() => {
    const before = counts.current;
    counts.current = { rules: content.rules.length, schemes: content.schemes.length };
    add(addedCards(before, counts.current));
  }, [content.rules.length, content.schemes.length, add]);

  const value = useMemo<Expansion>(
    () => ({
      isOpen: (path) => open.has(path),
      toggle: (path) =>
        setOpen((s) => {
          const next = new Set(s);
          if (next.has(path)) next.delete(path);
          else next.add(path);
          return next;
        }),
    }),
    [open],
  );
  const expandAll = () => setOpen(new Set(allCards(content)));
  const collapseAll = () => setOpen(new Set());
  return { value, expandAll, collapseAll, anyOpen: open.size > 0 };
}
