import { EventsService } from '../events/events.service';
import { ListingsService } from '../listings/listings.service';
import { MeetingRequestsService } from '../meetings/meeting-requests.service';
import { MeetingsService } from '../meetings/meetings.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ParticipationService } from '../participation/participation.service';
import { TestApp } from '../testing/test-app';
import { UsersService } from '../users/users.service';
import { DEMO_EVENT, DEMO_LISTINGS, DEMO_MEETINGS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_SESSIONS } from './demo-data';
import { loadDemo } from './load-demo';

describe('demo event (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('loads once through the services, with every session, participant and listing', async () => {
    const services = {
      dataSource: t.dataSource,
      organisations: t.app.get(OrganisationsService),
      users: t.app.get(UsersService),
      events: t.app.get(EventsService),
      participation: t.app.get(ParticipationService),
      listings: t.app.get(ListingsService),
      meetingRequests: t.app.get(MeetingRequestsService),
      meetings: t.app.get(MeetingsService),
    };
    expect(await loadDemo(services)).toBe(true);
    expect(await loadDemo(services)).toBe(false);

    const [event] = await t.dataSource.query(`SELECT id FROM match_event WHERE name = $1`, [DEMO_EVENT.name]);
    const sessions = await t.dataSource.query(`SELECT kind, status FROM match_session WHERE "eventId" = $1`, [event.id]);
    expect(sessions).toHaveLength(DEMO_SESSIONS.length);
    const [{ n: listings }] = await t.dataSource.query(`SELECT COUNT(*)::int AS n FROM listing WHERE "eventId" = $1`, [event.id]);
    expect(listings).toBe(DEMO_LISTINGS.length);
    // Every demo meeting is agreed; those with a slot are booked and published.
    const meetings: { status: string; published: boolean }[] = await t.dataSource.query(`SELECT status, published FROM meeting WHERE "eventId" = $1`, [
      event.id,
    ]);
    expect(meetings).toHaveLength(DEMO_MEETINGS.length);
    expect(meetings.filter((m) => m.status === 'scheduled' && m.published)).toHaveLength(DEMO_MEETINGS.filter((m) => m.slot).length);

    // A demo user logs in and sees the live board of a session.
    const someone = DEMO_ORGANISATIONS[0];
    const actor = await t.login(someone.adminEmail, DEMO_PASSWORD);
    const detail = await t.http.get(`/api/events/${event.id}`).auth(actor.token, { type: 'bearer' }).expect(200);
    const live = detail.body.sessions.find((s: { status: string }) => s.status === 'live');
    const board = await t.http.get(`/api/sessions/${live.id}/board`).auth(actor.token, { type: 'bearer' }).expect(200);
    expect(board.body.listingsOpen).toBeGreaterThan(0);
  });
});
