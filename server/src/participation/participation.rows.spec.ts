import type { ParticipationEntity } from './participation.entity';
import { toParticipation } from './participation.mapper';
import { newParticipationRow, participationDecidedAudit, participationDecision } from './participation.rows';

const key = { sessionId: 's1', organisationId: 'o1', role: 'buyer' as const };
const at = new Date('2027-01-02T03:04:05.000Z');

describe('participation rows', () => {
  it('builds an undecided registration or invitation', () => {
    expect(newParticipationRow(key, { status: 'pending' })).toEqual({ ...key, status: 'pending', reason: null, decidedByUserId: null, decidedAt: null });
    expect(newParticipationRow(key, { status: 'invited' }).status).toBe('invited');
  });

  it('builds a participation approved at once by a decision', () => {
    expect(newParticipationRow(key, participationDecision('approved', null, { userId: 'u1', at }))).toEqual({
      ...key,
      status: 'approved',
      reason: null,
      decidedByUserId: 'u1',
      decidedAt: at,
    });
  });

  it('audits a decision by its decider, with the reason only when there is one, plus what the caller adds', () => {
    const approved = { id: 'p1', ...newParticipationRow(key, participationDecision('approved', null, { userId: 'u1', at })) };
    expect(participationDecidedAudit(approved, { importJobId: 'j1' })).toEqual({
      actorUserId: 'u1',
      action: 'participation.approved',
      entityType: 'participation',
      entityId: 'p1',
      data: { sessionId: 's1', organisationId: 'o1', role: 'buyer', importJobId: 'j1' },
    });
    const rejected = { ...approved, ...participationDecision('rejected', 'not a buyer', { userId: 'u2', at }) };
    expect(participationDecidedAudit(rejected)).toEqual({
      actorUserId: 'u2',
      action: 'participation.rejected',
      entityType: 'participation',
      entityId: 'p1',
      data: { sessionId: 's1', organisationId: 'o1', role: 'buyer', reason: 'not a buyer' },
    });
  });

  it('maps a row to the Participation view, an unknown organisation as an unnamed enterprise', () => {
    const row = { id: 'p1', ...newParticipationRow(key, participationDecision('approved', null, { userId: 'u1', at })), createdAt: at } as ParticipationEntity;
    expect(toParticipation(row, { name: '某公司', kind: 'distributor' })).toEqual({
      id: 'p1',
      sessionId: 's1',
      organisationId: 'o1',
      organisationName: '某公司',
      organisationKind: 'distributor',
      role: 'buyer',
      status: 'approved',
      reason: null,
      createdAt: '2027-01-02T03:04:05.000Z',
      decidedAt: '2027-01-02T03:04:05.000Z',
    });
    expect(toParticipation({ ...row, decidedAt: null }, undefined)).toMatchObject({ organisationName: '', organisationKind: 'enterprise', decidedAt: null });
  });
});
