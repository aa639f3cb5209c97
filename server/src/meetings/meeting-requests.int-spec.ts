import type { MeetingRequest } from '@duijie/shared';
import { randomUUID } from 'node:crypto';
import { JobQueue, JOBS_SCHEMA } from '../jobs/job-queue';
import { supplyListing, TestApp, type Actor } from '../testing/test-app';
import { EXPIRE_REQUESTS, MeetingRequestsService } from './meeting-requests.service';

describe('meeting requests (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let session: string;
  let builder: Actor;
  let supplier: Actor;
  let outsider: Actor;
  let supplyId: string;
  let demandId: string;

  const as = (actor: Actor) => ({
    get: (path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => t.http.post(`/api${path}`).auth(actor.token, { type: 'bearer' }).send(body),
  });

  beforeAll(async () => {
    // This app runs no jobs: the sweep runs when a test says so (the last test runs it on the queue).
    t = await TestApp.start({ config: { jobsEnabled: false } });
    organiser = await t.organiser();
    const event = await t.event(organiser);
    session = (await t.session(organiser, event.id, 'building_materials', 'live')).id;
    [builder, supplier, outsider] = await Promise.all([t.organisation('construction_unit'), t.organisation('enterprise'), t.organisation('enterprise')]);
    await t.participate(builder, organiser, session, 'builder');
    await t.participate(supplier, organiser, session, 'producer');
    supplyId = (await as(supplier).post(`/sessions/${session}/listings`, supplyListing()).expect(201)).body.id;
    demandId = (
      await as(builder)
        .post(`/sessions/${session}/listings`, {
          type: 'demand',
          title: '螺纹钢采购',
          goods: { category: 'steel', quantity: 3000, unit: '吨', region: '630100' },
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('is asked by a participant about a listing, once, and answered by the listing’s owner', async () => {
    const request: MeetingRequest = (
      await as(builder).post('/meeting-requests', { toListingId: supplyId, fromListingId: demandId, topic: '洽谈螺纹钢年度供货' }).expect(201)
    ).body;
    expect(request).toMatchObject({
      status: 'pending',
      sessionId: session,
      from: { organisationId: builder.organisationId, listing: { id: demandId } },
      to: { organisationId: supplier.organisationId, listing: { id: supplyId } },
    });
    expect(new Date(request.respondBy).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    const twice = await as(builder).post('/meeting-requests', { toListingId: supplyId, topic: '再次' }).expect(409);
    expect(twice.body.code).toBe('already_requested');
    await as(builder).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(403);
    await as(outsider).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(404);
    const noReason = await as(supplier).post(`/meeting-requests/${request.id}/answer`, { accept: false }).expect(400);
    expect(noReason.body.fields[0].field).toBe('reason');
    const accepted: MeetingRequest = (await as(supplier).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(200)).body;
    expect(accepted.status).toBe('accepted');
    await as(supplier).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(200);
    expect((await as(supplier).post(`/meeting-requests/${request.id}/answer`, { accept: false, reason: '改主意' }).expect(409)).body.code).toBe(
      'already_answered',
    );
    const mine = (await as(builder).get('/me/meeting-requests').expect(200)).body as MeetingRequest[];
    expect(mine.map((r) => [r.id, r.status])).toContainEqual([request.id, 'accepted']);
  });

  it('refuses bad targets and outsiders, naming the field', async () => {
    expect((await as(supplier).post('/meeting-requests', { toListingId: supplyId, topic: '自己' }).expect(400)).body.fields[0].field).toBe('toListingId');
    expect(
      (await as(supplier).post('/meeting-requests', { toListingId: demandId, fromListingId: randomUUID(), topic: 'x' }).expect(400)).body.fields[0].field,
    ).toBe('fromListingId');
    await as(outsider).post('/meeting-requests', { toListingId: supplyId, topic: '我不是参会方' }).expect(403);
    const bad = await as(builder).post('/meeting-requests', { toListingId: 'nope', topic: '' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['toListingId', 'topic']);
  });

  it('expires at the deadline without a read writing it (the sweep does, audited), and a cancelled request can be asked again', async () => {
    const request: MeetingRequest = (await as(supplier).post('/meeting-requests', { toListingId: demandId, topic: '供货洽谈' }).expect(201)).body;
    await t.dataSource.query(`UPDATE meeting_request SET "respondBy" = now() - interval '1 minute' WHERE id = $1`, [request.id]);
    const late = await as(builder).post(`/meeting-requests/${request.id}/answer`, { accept: true }).expect(409);
    expect(late.body.code).toBe('request_expired');
    expect(((await as(supplier).get('/me/meeting-requests').expect(200)).body as MeetingRequest[]).find((r) => r.id === request.id)?.status).toBe('expired');
    // Reading is not writing: the row stays pending until the sweep expires it, audited.
    const stored = async () => (await t.dataSource.query(`SELECT status FROM meeting_request WHERE id = $1`, [request.id]))[0].status;
    expect(await stored()).toBe('pending');
    expect(await t.app.get(MeetingRequestsService).expireOverdue()).toContain(request.id);
    expect(await stored()).toBe('expired');
    const audit = await t.dataSource.query(`SELECT "actorUserId" FROM audit_record WHERE action = 'meeting_request.expired' AND "entityId" = $1`, [request.id]);
    expect(audit).toEqual([{ actorUserId: null }]);
    const again: MeetingRequest = (await as(supplier).post('/meeting-requests', { toListingId: demandId, topic: '再约' }).expect(201)).body;
    const cancelled: MeetingRequest = (await as(supplier).post(`/meeting-requests/${again.id}/cancel`).expect(200)).body;
    expect(cancelled.status).toBe('cancelled');
    await as(builder).post(`/meeting-requests/${again.id}/cancel`).expect(403);
    await as(supplier).post('/meeting-requests', { toListingId: demandId, topic: '第三次' }).expect(201);
  });

  it('makes exactly one meeting when accepted, none when declined, cancelled or expired', async () => {
    const meetingsOf = async (requestId: string) =>
      (await t.dataSource.query(`SELECT * FROM meeting WHERE "requestId" = $1`, [requestId])) as {
        organisationAId: string;
        organisationBId: string;
        status: string;
        topic: string;
        slot: number | null;
      }[];
    const [asker, declined] = await Promise.all([t.organisation('enterprise'), t.organisation('enterprise')]);
    await t.participate(asker, organiser, session, 'producer');
    await t.participate(declined, organiser, session, 'producer');
    const accepted: MeetingRequest = (await as(asker).post('/meeting-requests', { toListingId: demandId, topic: '钢材长期供应' }).expect(201)).body;
    await as(builder).post(`/meeting-requests/${accepted.id}/answer`, { accept: true }).expect(200);
    await as(builder).post(`/meeting-requests/${accepted.id}/answer`, { accept: true }).expect(200);
    const made = await meetingsOf(accepted.id);
    expect(made).toEqual([
      expect.objectContaining({
        organisationAId: asker.organisationId,
        organisationBId: builder.organisationId,
        status: 'unscheduled',
        topic: '钢材长期供应',
        slot: null,
      }),
    ]);

    const no: MeetingRequest = (await as(declined).post('/meeting-requests', { toListingId: demandId, topic: '不约' }).expect(201)).body;
    await as(builder).post(`/meeting-requests/${no.id}/answer`, { accept: false, reason: '暂不需要' }).expect(200);
    expect(await meetingsOf(no.id)).toEqual([]);
    const withdrawn: MeetingRequest = (await as(declined).post('/meeting-requests', { toListingId: demandId, topic: '撤回' }).expect(201)).body;
    await as(declined).post(`/meeting-requests/${withdrawn.id}/cancel`).expect(200);
    await as(builder).post(`/meeting-requests/${withdrawn.id}/answer`, { accept: true }).expect(409);
    expect(await meetingsOf(withdrawn.id)).toEqual([]);
    const late: MeetingRequest = (await as(declined).post('/meeting-requests', { toListingId: demandId, topic: '过期' }).expect(201)).body;
    await t.dataSource.query(`UPDATE meeting_request SET "respondBy" = now() - interval '1 minute' WHERE id = $1`, [late.id]);
    expect((await as(builder).post(`/meeting-requests/${late.id}/answer`, { accept: true }).expect(409)).body.code).toBe('request_expired');
    expect(await meetingsOf(late.id)).toEqual([]);
    const audited = await t.dataSource.query(`SELECT 1 FROM audit_record WHERE action = 'meeting.created' AND "entityId" = $1`, [
      (await t.dataSource.query(`SELECT id FROM meeting WHERE "requestId" = $1`, [accepted.id]))[0].id,
    ]);
    expect(audited).toHaveLength(1);
  });

  it('is swept by the job queue: the scheduled job expires an overdue request once, in a process that runs jobs', async () => {
    const asker = await t.organisation('enterprise');
    await t.participate(asker, organiser, session, 'producer');
    const request: MeetingRequest = (await as(asker).post('/meeting-requests', { toListingId: demandId, topic: '排程过期' }).expect(201)).body;
    await t.dataSource.query(`UPDATE meeting_request SET "respondBy" = now() - interval '1 minute' WHERE id = $1`, [request.id]);
    const runner = await TestApp.start({ config: { jobsEnabled: true, jobsPollIntervalMs: 500 } });
    try {
      // Started, the runner sends the schedule's job for the current minute (unless a process already did).
      const thisMinute = async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`, [
            EXPIRE_REQUESTS,
            `schedule:${new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()}`,
          ])
        ).length;
      for (const until = Date.now() + 5000; (await thisMinute()) === 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
      expect(await thisMinute()).toBe(1);
      // And a job sent now is run at once rather than at the next minute.
      expect(await runner.app.get(JobQueue).send(EXPIRE_REQUESTS, {})).toEqual(expect.any(String));
      const status = async () => (await t.dataSource.query(`SELECT status FROM meeting_request WHERE id = $1`, [request.id]))[0].status;
      for (const until = Date.now() + 10_000; (await status()) !== 'expired' && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
      expect(await status()).toBe('expired');
      const audit = await t.dataSource.query(`SELECT 1 FROM audit_record WHERE action = 'meeting_request.expired' AND "entityId" = $1`, [request.id]);
      expect(audit).toHaveLength(1);
    } finally {
      await runner.close();
    }
  });
});
