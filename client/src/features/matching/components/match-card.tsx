import { CheckOutlined, CloseOutlined, StarFilled, StarOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Progress, Space, Tag, theme, Tooltip, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { regionLabel } from '@duijie/shared';
import type { ListingPublic, Match, MeetingRequest } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { useLabels } from '../../../ui/labels';
import { ListingKeyFields } from '../../listings/components/listing-fields';
import { useGrades, type Grades } from '../../../ui/colours';
import { MatchReasons } from './match-reasons';

/** Green from a strong match (80) up, blue from a good one (60), else amber. */
export function scoreColour(score: number, grades: Grades): string {
  if (score >= 80) return grades.strong;
  if (score >= 60) return grades.good;
  return grades.weak;
}

type ScoreProps = { score: number; size?: number };

/** The 0–100 score as a ring. */
export function ScoreRing({ score, size = 68 }: ScoreProps) {
  const { t } = useTranslation();
  const grades = useGrades();
  const rounded = Math.round(score);
  return (
    <Tooltip title={t('matching.scoreHint')}>
      <Progress
        type="circle"
        percent={rounded}
        size={size}
        strokeColor={scoreColour(score, grades)}
        format={() => (
          <span data-testid="match-score" data-score={rounded} style={{ fontSize: size / 3.6, fontWeight: 600 }}>
            {rounded}
          </span>
        )}
      />
    </Tooltip>
  );
}

type AskButtonProps = {
  listing: ListingPublic;
  request: MeetingRequest | undefined;
  onAsk: (listing: ListingPublic) => void;
  size?: 'small' | 'middle';
};

/** 约见洽谈, or what became of the request already sent to that organisation in that session. */
function AskButton({ listing, request, onAsk, size = 'middle' }: AskButtonProps) {
  const { t } = useTranslation();
  if (request) {
    const accepted = request.status === 'accepted';
    return (
      <Button size={size} icon={<CheckOutlined />} disabled data-testid="match-ask" data-state={request.status}>
        {accepted ? t('matching.meetingAccepted') : t('matching.asked')}
      </Button>
    );
  }
  return (
    <Button size={size} type="primary" icon={<TeamOutlined />} onClick={() => onAsk(listing)} data-testid="match-ask" data-state="none">
      {t('matching.ask')}
    </Button>
  );
}

type CounterpartProps = { listing: ListingPublic; extra?: ReactNode };

/** Who the counterpart is and what it offers or needs. */
function Counterpart({ listing, extra }: CounterpartProps) {
  const lang = useLanguage();
  const labels = useLabels();
  return (
    <Space orientation="vertical" size={2} style={{ minWidth: 0, flex: 1 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong data-testid="match-org">
          {listing.organisationName}
        </Typography.Text>
        <Tag>{labels.orgKind(listing.organisationKind)}</Tag>
        <Tag color="blue">{labels.listingType(listing.type)}</Tag>
        {extra}
      </Flex>
      <Typography.Text data-testid="match-title">{listing.title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {regionLabel(listing.organisationRegion, lang)} · {labels.orgSize(listing.organisationSize)}
      </Typography.Text>
      <ListingKeyFields listing={listing} />
    </Space>
  );
}

type Props = {
  match: Match;
  /** Live meeting requests to the counterpart and to the guarantor, if any. */
  request: MeetingRequest | undefined;
  guarantorRequest: MeetingRequest | undefined;
  /** Whether this user may act (organisers look, but do not ask or mark). */
  canAct: boolean;
  onAsk: (listing: ListingPublic) => void;
  onBookmark: (on: boolean) => void;
  onDismiss: () => void;
  dismissing: boolean;
};

/** One recommendation: the counterpart, its score and the reasons, the guarantor of a three-party deal, and what to do. */
export function MatchCard({ match, request, guarantorRequest, canAct, onAsk, onBookmark, onDismiss, dismissing }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { listing, score, reasons, bookmarked, guarantor, relation, eligible, ineligible } = match;
  const confirmProps: ButtonProps & { 'data-testid': string } = { danger: true, loading: dismissing, 'data-testid': 'match-dismiss-confirm' };
  const extra = (
    <>
      {relation !== 'direct' ? (
        <Tag color="geekblue" data-testid="match-relation" data-relation={relation}>
          {t(`matching.relation.${relation}`)}
        </Tag>
      ) : null}
      {bookmarked ? <StarFilled style={{ color: token.colorWarning }} aria-label={t('matching.bookmarked')} /> : null}
    </>
  );
  return (
    <Card
      size="small"
      className={eligible ? undefined : 'match-card-ineligible'}
      data-testid="match-card"
      data-listing-id={listing.id}
      data-score={score}
      data-bookmarked={bookmarked}
      data-eligible={eligible}
      data-relation={relation}
    >
      <Flex gap={16} align="flex-start">
        {eligible ? <ScoreRing score={score} /> : <Tag data-testid="match-ineligible">{t('matching.ineligible')}</Tag>}
        <Counterpart listing={listing} extra={extra} />
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px', fontSize: 12 }}>
        {eligible ? t('matching.whyTitle') : t('matching.ineligibleWhy')}
      </Typography.Text>
      {eligible ? (
        <MatchReasons reasons={reasons} />
      ) : (
        <ul className="match-ineligible-reasons" data-testid="match-ineligible-reasons">
          {ineligible.map((reason) => (
            <li key={reason} data-testid="match-ineligible-reason">
              <Typography.Text type="secondary">{reason}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {guarantor ? (
        <Card
          size="small"
          className="match-card-guarantor"
          style={{ marginTop: 12 }}
          data-testid="match-guarantor"
          data-listing-id={guarantor.listing.id}
          title={
            <Space size={6}>
              <Tag color="purple">{t('matching.threeParty')}</Tag>
              <Typography.Text style={{ fontWeight: 'normal' }}>{t('matching.threePartyHint')}</Typography.Text>
            </Space>
          }
        >
          <Flex gap={12} align="flex-start">
            <ScoreRing score={guarantor.score} size={48} />
            <Counterpart listing={guarantor.listing} />
          </Flex>
          <div style={{ marginTop: 8 }}>
            <MatchReasons reasons={guarantor.reasons} compact />
          </div>
          {canAct ? (
            <Flex justify="end" style={{ marginTop: 8 }}>
              <AskButton listing={guarantor.listing} request={guarantorRequest} onAsk={onAsk} size="small" />
            </Flex>
          ) : null}
        </Card>
      ) : null}
      {canAct ? (
        <Flex justify="end" gap={8} wrap style={{ marginTop: 12 }}>
          <Popconfirm
            title={t('matching.dismissTitle')}
            description={t('matching.dismissBody', { name: listing.organisationName })}
            okText={t('matching.dismiss')}
            okButtonProps={confirmProps}
            cancelText={t('common.cancel')}
            onConfirm={onDismiss}
          >
            <Button icon={<CloseOutlined />} data-testid="match-dismiss">
              {t('matching.dismiss')}
            </Button>
          </Popconfirm>
          <Button
            icon={bookmarked ? <StarFilled style={{ color: token.colorWarning }} /> : <StarOutlined />}
            onClick={() => onBookmark(!bookmarked)}
            data-testid="match-bookmark"
            aria-pressed={bookmarked}
          >
            {bookmarked ? t('matching.unbookmark') : t('matching.bookmark')}
          </Button>
          <AskButton listing={listing} request={request} onAsk={onAsk} />
        </Flex>
      ) : null}
    </Card>
  );
}
