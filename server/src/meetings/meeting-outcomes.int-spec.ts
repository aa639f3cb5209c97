// What each party says came of a meeting: only a party, only once it has started, the same
// again a no-op, a change version-checked; shown as `myOutcome` to a party and both to
// organisers; counted per session.
import type { AgendaItem, Meeting, MeetingOutcome } from '@duijie/shared';
import { Clock } from '../common/clock';
import { placeMeeting } from '../testing/meetings';
import { TestApp, type Actor } from '../testing/test-app';
import { MeetingOutcomesService } from './meeting-outcomes.service';

describe('meeting outcomes (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  let organiser: Actor;
  let a: Actor;
  let b: Actor;
  let other: Actor;
  let eventId: string;
  let sessionId: string;
  let meetingId: string;
  let laterId: string;

  const put = (actor: Actor, id: string, body: object) => t.http.put(`/api/meetings/${id}/outcome`).auth(actor.token, { type: 'bearer' }).send(body);
  const get = (actor: Actor, path: string) => t.http.get(`/api${path}`).auth(actor.token, { type: 'bearer' });

  beforeAll(async () => {
    t = await TestApp.start();
    clock = t.app.get(Clock);
    organiser = await t.organiser();
    eventId = (await t.event(organiser)).id;
    // Slots of 20 minutes from 2026-12-10 09:00 Beijing time.
    sessionId = (await t.session(organiser, eventId, 'bank_enterprise', 'live')).id;
    [a, b, other] = await Promise.all([t.organisation('enterprise'), t.organisation('bank'), t.organisation('enterprise')]);
    await t.participate(a, organiser, sessionId, 'borrower');
    await t.participate(b, organiser, sessionId, 'lender');
    meetingId = (await placeMeeting(t.dataSource, { eventId, sessionId, a: a.organisationId, b: b.organisationId, slot: 1, table: 1 })).id;
    laterId = (await placeMeeting(t.dataSource, { eventId, sessionId, a: a.organisationId, b: b.organisationId, slot: 10, table: 2 })).id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));

  it('is refused before the meeting has started', async () => {
    at('2026-12-10T08:59:00+08:00');
    const res = await put(a, meetingId, { outcome: 'follow_up', version: 0 }).expect(409);
    expect(res.body.code).toBe('meeting_not_started');
  });

  it('lets each party record its own once the meeting has started; the same again changes nothing; a change names the version read', async () => {
    at('2026-12-10T09:05:00+08:00');
    const first: MeetingOutcome = (await put(a, meetingId, { outcome: 'follow_up', note: '下周再谈', version: 0 }).expect(200)).body;
    expect(first).toMatchObject({ meetingId, organisationId: a.organisationId, outcome: 'follow_up', note: '下周再谈', version: 1 });
    // A retry (even naming the version it read before) is a no-op.
    expect((await put(a, meetingId, { outcome: 'follow_up', note: '下周再谈', version: 0 }).expect(200)).body.version).toBe(1);
    // A change on a stale version is refused; on the current one it is made.
    expect((await put(a, meetingId, { outcome: 'agreement_drafted', version: 0 }).expect(409)).body.code).toBe('stale_version');
    const changed = (await put(a, meetingId, { outcome: 'agreement_drafted', version: 1 }).expect(200)).body;
    expect(changed).toMatchObject({ outcome: 'agreement_drafted', note: '', version: 2 });
    // The other party records its own, independently.
    expect((await put(b, meetingId, { outcome: 'no_interest', version: 0 }).expect(200)).body).toMatchObject({ organisationId: b.organisationId, version: 1 });
    const audits = await t.dataSource.query(`SELECT data FROM audit_record WHERE action = 'meeting.outcome_recorded' AND "entityId" = $1 ORDER BY id`, [
      meetingId,
    ]);
    expect(audits.map((r: { data: { outcome: string } }) => r.data.outcome)).toEqual(['follow_up', 'agreement_drafted', 'no_interest']);
  });

  it('is only for a party: another participant gets 404 and organisers 403; bad input is 400', async () => {
    at('2026-12-10T09:05:00+08:00');
    await put(other, meetingId, { outcome: 'follow_up', version: 0 }).expect(404);
    await put(organiser, meetingId, { outcome: 'follow_up', version: 0 }).expect(403);
    await put(a, meetingId, { outcome: 'great', version: 0 }).expect(400);
    await put(a, meetingId, { outcome: 'follow_up', note: '长'.repeat(501), version: 0 }).expect(400);
  });

  it("shows a party its own outcome and organisers both, and counts a session's outcomes by kind", async () => {
    at('2026-12-10T12:00:00+08:00');
    await put(b, laterId, { outcome: 'not_held', version: 0 }).expect(200);
    const mine: Meeting[] = (await get(a, `/sessions/${sessionId}/meetings`).expect(200)).body;
    expect(mine.find((m) => m.id === meetingId)?.myOutcome).toMatchObject({ outcome: 'agreement_drafted' });
    expect(mine.find((m) => m.id === laterId)?.myOutcome).toBeNull();
    const agenda: AgendaItem[] = (await get(b, `/me/agenda?eventId=${eventId}`).expect(200)).body;
    expect(agenda.find((m) => m.id === laterId)?.myOutcome).toMatchObject({ outcome: 'not_held' });
    const all: Meeting[] = (await get(organiser, `/sessions/${sessionId}/meetings`).expect(200)).body;
    expect(
      all
        .find((m) => m.id === meetingId)
        ?.outcomes?.map((o) => o.outcome)
        .sort(),
    ).toEqual(['agreement_drafted', 'no_interest']);
    expect(await t.app.get(MeetingOutcomesService).outcomeCounts(sessionId)).toEqual({ not_held: 1, no_interest: 1, follow_up: 0, agreement_drafted: 1 });
  });
});
