import { SESSION_TRANSITIONS, type SessionStatus } from '@duijie/shared';
import type { DataSource } from 'typeorm';
import type { Principal } from '../access/principal';
import { EventEntity } from '../events/event.entity';
import type { EventsService } from '../events/events.service';
import type { ListingsService } from '../listings/listings.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { ParticipationService } from '../participation/participation.service';
import { UserEntity } from '../users/user.entity';
import type { UsersService } from '../users/users.service';
import type { MeetingRequestsService } from '../meetings/meeting-requests.service';
import type { MeetingsService } from '../meetings/meetings.service';
import { DEMO_EVENT, DEMO_LISTINGS, DEMO_MEETINGS, DEMO_ORGANISATIONS, DEMO_ORGANISER, DEMO_PASSWORD, DEMO_SESSIONS } from './demo-data';

type Services = {
  dataSource: DataSource;
  organisations: OrganisationsService;
  users: UsersService;
  events: EventsService;
  participation: ParticipationService;
  listings: ListingsService;
  meetingRequests: MeetingRequestsService;
  meetings: MeetingsService;
};

/**
 * Loads the demo event through the same services users go through, so every rule
 * (roles that fit, approvals, listing types) holds for the demo data too.
 * Returns false when the demo event is already there.
 */
export async function loadDemo(s: Services): Promise<boolean> {
  if (await s.dataSource.getRepository(EventEntity).exists({ where: { name: DEMO_EVENT.name } })) return false;

  const principals = new Map<string, Principal>();
  for (const demo of [DEMO_ORGANISER, ...DEMO_ORGANISATIONS]) {
    const { key, adminEmail, adminName, ...input } = demo;
    const existing = await s.dataSource.getRepository(UserEntity).findOne({ where: { email: adminEmail } });
    const user =
      existing ??
      (await s.dataSource.transaction(async (manager) => {
        const organisation = await s.organisations.insert(manager, input, 'approved', null);
        return s.users.insert(
          manager,
          {
            organisationId: organisation.id,
            email: adminEmail,
            displayName: adminName,
            password: DEMO_PASSWORD,
            role: input.kind === 'organiser' ? 'organiser' : 'org_admin',
          },
          null,
        );
      }));
    principals.set(key, {
      userId: user.id,
      organisationId: user.organisationId,
      organisationStatus: 'approved',
      role: user.role,
      displayName: user.displayName,
    });
  }
  const organiser = principals.get(DEMO_ORGANISER.key)!;

  const event = await s.events.create(organiser, DEMO_EVENT);
  const listings = new Map<string, { id: string; org: string }>();
  for (const demo of DEMO_SESSIONS) {
    const { key, status, participants, ...input } = demo;
    let session = await s.events.createSession(organiser, event.id, input);
    session = await advance(s.events, organiser, session.id, session.version, 'draft', 'registration');
    for (const p of participants) {
      const principal = principals.get(p.org)!;
      if (session.registrationMode === 'invitation') {
        await s.participation.invite(organiser, session.id, { organisationId: principal.organisationId, role: p.role });
        await s.participation.register(principal, session.id, { role: p.role });
      } else {
        const registered = await s.participation.register(principal, session.id, { role: p.role });
        await s.participation.approve(organiser, registered.id);
      }
    }
    session = await advance(s.events, organiser, session.id, session.version, session.status, status === 'registration' ? 'registration' : 'live');
    for (const listing of DEMO_LISTINGS.filter((l) => l.session === key)) {
      const { key: listingKey, session: _session, org, ...input } = listing;
      listings.set(listingKey, { id: (await s.listings.create(principals.get(org)!, session.id, input)).id, org });
    }
    await advance(s.events, organiser, session.id, session.version, session.status, status);
  }

  for (const m of DEMO_MEETINGS) {
    const about = listings.get(m.about)!;
    const asker = principals.get(m.from)!;
    const request = await s.meetingRequests.create(asker, { toListingId: about.id, fromListingId: m.own ? listings.get(m.own)!.id : null, topic: m.topic });
    await s.meetingRequests.answer(principals.get(about.org)!, request.id, { accept: true });
    if (m.slot) {
      const [meeting]: { id: string }[] = await s.dataSource.query(`SELECT id FROM meeting WHERE "requestId" = $1`, [request.id]);
      await s.meetings.book(asker, meeting.id, { slot: m.slot });
    }
  }
  return true;
}

/** Steps the lifecycle forward until it reaches `to`. */
async function advance(events: EventsService, organiser: Principal, id: string, version: number, from: SessionStatus, to: SessionStatus) {
  let session = await events.getSession(organiser, id);
  let status = from;
  let v = version;
  while (status !== to) {
    const next = SESSION_TRANSITIONS[status];
    if (!next) break;
    session = await events.transition(organiser, id, { to: next, version: v });
    status = session.status;
    v = session.version;
  }
  return session;
}
