import {
  obligationTiming,
  type InstitutionClass,
  type InstitutionFigures,
  type ObligationState,
  type PlatformFigure,
  type RewardPeriodState,
  type StatisticsFigures,
} from '@duijie/shared';
import type { EntityManager } from 'typeorm';
import { builderDeliveries, lenderTotals } from '../agreements/agreements.repository';
import { NotFound } from '../common/errors';
import { ratingAverages } from '../ratings/ratings.repository';

// Reads of the statistics institutions filed, for other capabilities (rewards, scoreboard).

/** Classes whose signed and disbursed loans the platform knows. */
const LENDER_CLASSES: readonly InstitutionClass[] = ['bank', 'microlender'];

/**
 * What the platform knows itself of these institutions in the event: lenders' signed and
 * disbursed loans, builders' delivered purchases and the in-province share (bp), everyone's
 * rating count and average (absent when none rated it).
 */
export async function platformFigures(
  manager: EntityManager,
  eventId: string,
  organisations: { id: string; class: InstitutionClass }[],
): Promise<Map<string, Partial<Record<PlatformFigure, number>>>> {
  const lenders = organisations.filter((o) => LENDER_CLASSES.includes(o.class)).map((o) => o.id);
  const builders = organisations.filter((o) => o.class === 'construction_unit').map((o) => o.id);
  const [loans, deliveries, ratings] = await Promise.all([
    lenderTotals(manager, eventId, lenders),
    builderDeliveries(manager, eventId, builders),
    ratingAverages(
      manager,
      eventId,
      organisations.map((o) => o.id),
    ),
  ]);
  const out = new Map<string, Partial<Record<PlatformFigure, number>>>();
  for (const o of organisations) {
    const figures: Partial<Record<PlatformFigure, number>> = {};
    if (LENDER_CLASSES.includes(o.class)) {
      const l = loans.get(o.id);
      figures['platform.signedLoans'] = l?.signedLoans ?? 0;
      figures['platform.disbursed'] = l?.disbursed ?? 0;
    }
    if (o.class === 'construction_unit') {
      const d = deliveries.get(o.id);
      const delivered = d?.delivered ?? 0;
      const local = d?.localDelivered ?? 0;
      figures['platform.delivered'] = delivered;
      figures['platform.localDelivered'] = local;
      figures['platform.localShareBp'] = delivered > 0 ? Math.round((local * 10_000) / delivered) : 0;
    }
    const r = ratings.get(o.id);
    figures['platform.ratingCount'] = r?.count ?? 0;
    if (r) figures['platform.ratingAverage'] = r.overall;
    out.set(o.id, figures);
  }
  return out;
}

export type ConfirmedPeriod = { id: string; eventId: string; name: string; startsOn: string; endsOn: string; state: RewardPeriodState };

export type UnconfirmedForm = { organisationId: string; name: string; class: InstitutionClass; state: string; timing: string };

/**
 * A period's confirmed figures: each institution whose form an organiser accepted, its latest
 * filed version merged with the platform's figures (under their `platform.*` keys); and those
 * owed a form that is not accepted, with their state and timing at `now`.
 */
export async function confirmedFigures(
  manager: EntityManager,
  periodId: string,
  now: Date = new Date(),
): Promise<{ period: ConfirmedPeriod; institutions: InstitutionFigures[]; unconfirmed: UnconfirmedForm[] }> {
  const [period]: (ConfirmedPeriod & { timeZone: string })[] = await manager.query(
    `SELECT p.id, p."eventId", p.name, to_char(p."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(p."endsOn", 'YYYY-MM-DD') AS "endsOn", p.state,
            e."timeZone"
       FROM reward_period p JOIN match_event e ON e.id = p."eventId" WHERE p.id = $1`,
    [periodId],
  );
  if (!period) throw new NotFound('Reporting period');
  const rows: {
    organisationId: string;
    name: string;
    class: InstitutionClass;
    state: ObligationState;
    dueOn: string;
    dueAt: Date;
    firstSubmittedAt: Date | null;
    figures: StatisticsFigures | null;
  }[] = await manager.query(
    `SELECT f."organisationId", org.name, f.class, o.state, to_char(o."dueOn", 'YYYY-MM-DD') AS "dueOn", o."dueAt", o."firstSubmittedAt",
            (SELECT v.figures FROM statistics_form_version v WHERE v."formId" = f.id ORDER BY v.n DESC LIMIT 1) AS figures
       FROM statistics_form f
       JOIN obligation o ON o.id = f."obligationId"
       JOIN organisation org ON org.id = f."organisationId"
      WHERE f."periodId" = $1
      ORDER BY f.class, org.name, f."organisationId"`,
    [periodId],
  );
  const accepted = rows.filter((r) => r.state === 'accepted' && r.figures !== null);
  const platform = await platformFigures(
    manager,
    period.eventId,
    accepted.map((r) => ({ id: r.organisationId, class: r.class })),
  );
  const { timeZone, ...periodOut } = period;
  return {
    period: periodOut,
    institutions: accepted.map((r) => ({
      organisationId: r.organisationId,
      name: r.name,
      class: r.class,
      figures: { ...r.figures, ...platform.get(r.organisationId) },
    })),
    unconfirmed: rows
      .filter((r) => !(r.state === 'accepted' && r.figures !== null))
      .map((r) => ({ organisationId: r.organisationId, name: r.name, class: r.class, state: r.state, timing: obligationTiming(r, now, timeZone) })),
  };
}

/**
 * Per institution, the figures of its accepted form of the event's latest period (by its end,
 * then its opening) that has one: the latest filed version. Institutions with none are absent.
 */
export async function latestConfirmedFigures(manager: EntityManager, eventId: string, organisationIds: string[]): Promise<Map<string, StatisticsFigures>> {
  if (organisationIds.length === 0) return new Map();
  const rows: { organisationId: string; figures: StatisticsFigures }[] = await manager.query(
    `SELECT DISTINCT ON (f."organisationId") f."organisationId",
            (SELECT v.figures FROM statistics_form_version v WHERE v."formId" = f.id ORDER BY v.n DESC LIMIT 1) AS figures
       FROM statistics_form f
       JOIN reward_period p ON p.id = f."periodId"
       JOIN obligation o ON o.id = f."obligationId"
      WHERE p."eventId" = $1 AND f."organisationId" = ANY($2::uuid[]) AND o.state = 'accepted'
        AND EXISTS (SELECT 1 FROM statistics_form_version v WHERE v."formId" = f.id)
      ORDER BY f."organisationId", p."endsOn" DESC, p."createdAt" DESC`,
    [eventId, organisationIds],
  );
  return new Map(rows.map((r) => [r.organisationId, r.figures]));
}
