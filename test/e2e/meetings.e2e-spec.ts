// Negotiation meetings in real browsers. Two organisations meet in a self-booking session: A
// asks B for a meeting (over the API), B accepts it in the browser, A books a free slot in the
// browser, and both agendas show the meeting at the same table and time, B's without a reload;
// the organiser's table plan shows it in that seat too. A slower booker is told the slot went
// to someone else and sees fresh free slots. In a scheduled session the organiser gives one
// participant's availability at the help desk, runs the scheduler, watches it finish, sees the plan
// fill in and publishes it onto the agendas. In a session that has begun, the organiser marks a
// meeting held, then corrects it to no-show, and the attendance rate follows.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MatchSession } from '@duijie/shared';
import { launchBrowser } from './browser';
import { Api, E2E_PASSWORD, steelSupply, type Actor } from './api';
import { ADMIN, startServer, type RunningServer } from './server';
import { clickSettled, login, modal, motionless, pick, withScreenshots } from './ui';

/** What a browser's agenda says about one meeting, read from the row's data attributes and text. */
async function agendaEntry(page: Page, meetingId: string) {
  const entry = page.locator(`[data-testid="agenda-item"][data-meeting-id="${meetingId}"]`);
  await entry.waitFor({ timeout: 10_000 });
  return {
    table: await entry.getAttribute('data-table'),
    startsAt: await entry.getAttribute('data-starts-at'),
    endsAt: await entry.getAttribute('data-ends-at'),
    time: (await entry.getByTestId('agenda-time').innerText()).trim(),
    tableText: (await entry.getByTestId('agenda-table').innerText()).trim(),
    counterpart: await entry.getAttribute('data-counterpart'),
  };
}

/** HH:mm in Beijing time, as a browser there shows it. */
const beijingTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

describe('negotiation meetings in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let pageA: Page;
  let pageB: Page;
  let desk: Page;
  let api: Api;
  let organiser: Actor;
  let a: Actor & { email: string; name: string };
  let b: Actor & { email: string; name: string };
  let session: MatchSession;
  let eventName: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    api = new Api(server.url);
    organiser = await api.login(ADMIN.email, ADMIN.password);
    [a, b] = await Promise.all([api.organisation(organiser, 'enterprise'), api.organisation(organiser, 'enterprise')]);
    session = await api.liveSession(organiser, 'upstream_downstream', { meetingMode: 'self_booking', tableCount: 3 });
    eventName = (await api.call<{ name: string }>('GET', `/events/${session.eventId}`, undefined, organiser.token)).name;
    await api.participate(a, organiser, session.id, 'buyer');
    await api.participate(b, organiser, session.id, 'supplier');
    browser = await launchBrowser();
    // The events happen in Beijing and so do the users: their browsers show Beijing time.
    contexts = await Promise.all(
      [0, 1, 2].map(() => browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })),
    );
    [pageA, pageB, desk] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [pageA, pageB, desk]) page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is accepted by one party, booked by the other, and on both agendas at the same table and time', async () => {
    await withScreenshots(
      'meetings',
      () => ({ a: pageA, b: pageB, desk }),
      async () => {
        const listing = await api.createListing(b, session.id, steelSupply('螺纹钢现货'));
        const topic = `希望洽谈螺纹钢年度采购 ${Date.now().toString(36)}`;
        await api.call('POST', '/meeting-requests', { toListingId: listing.id, fromListingId: null, topic }, a.token);

        // B accepts the request in the browser.
        await login(pageB, server.url, b.email, E2E_PASSWORD);
        await pageB.goto(`${server.url}/my/requests?tab=meetings-received`);
        const request = pageB.getByTestId('meeting-request-row').filter({ hasText: topic });
        await request.getByTestId('meeting-accept').click();
        await pageB.locator('[data-testid="meeting-request-row"][data-status="accepted"]').filter({ hasText: topic }).waitFor();

        // B opens the agenda through the nav: nothing on it yet.
        await pageB.getByTestId('nav-my-agenda').click();
        await pageB.waitForURL('**/my/agenda**');
        await pageB.getByTestId('agenda-empty').waitFor();

        // A books the first free slot in the browser.
        await login(pageA, server.url, a.email, E2E_PASSWORD);
        await pageA.goto(`${server.url}/my/agenda?tab=arrangements`);
        const row = pageA.locator('[data-testid="my-meeting-row"][data-status="unscheduled"]').filter({ hasText: topic });
        await row.waitFor();
        const meetingId = (await row.getAttribute('data-meeting-id'))!;
        expect(await pageA.getByTestId('session-meeting-mode').getAttribute('data-mode')).toBe('self_booking');
        await row.getByTestId('meeting-book').click();
        const booking = modal(pageA);
        const firstFree = booking.getByTestId('free-slot').first();
        await firstFree.waitFor();
        const bookedSlotStart = (await firstFree.getAttribute('data-starts-at'))!;
        await clickSettled(firstFree.getByTestId('free-slot-book'));
        await booking.waitFor({ state: 'detached' });
        await pageA.locator(`[data-testid="my-meeting-row"][data-meeting-id="${meetingId}"][data-status="scheduled"]`).waitFor();

        // B's agenda shows it without a reload (the socket's meeting:changed).
        const onB = await agendaEntry(pageB, meetingId);

        await pageA.getByTestId('agenda-tab-agenda').click();
        const onA = await agendaEntry(pageA, meetingId);

        expect(onA.startsAt).toBe(bookedSlotStart);
        expect(onB.startsAt).toBe(onA.startsAt);
        expect(onB.endsAt).toBe(onA.endsAt);
        expect(onA.table).toMatch(/^[1-3]$/);
        expect(onB.table).toBe(onA.table);
        expect(onA.tableText).toBe(`第${onA.table}号桌`);
        expect(onB.tableText).toBe(onA.tableText);
        expect(onA.time).toBe(`${beijingTime(onA.startsAt!)}–${beijingTime(onA.endsAt!)}`);
        expect(onB.time).toBe(onA.time);
        expect(onA.counterpart).toBe(b.name);
        expect(onB.counterpart).toBe(a.name);

        // A's agenda exports to a calendar file and prints as a PDF.
        const [ics] = await Promise.all([pageA.waitForEvent('download'), pageA.getByTestId('agenda-export-ics').click()]);
        const calendar = readFileSync((await ics.path())!, 'utf8');
        expect(calendar).toContain('BEGIN:VCALENDAR');
        expect(calendar).toContain('BEGIN:VEVENT');
        expect(ics.suggestedFilename()).toBe(`洽谈日程-${eventName}.ics`);
        const [pdf] = await Promise.all([pageA.waitForEvent('download'), pageA.getByTestId('agenda-print').click()]);
        expect(
          readFileSync((await pdf.path())!)
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');

        // The organiser's table plan has it in the same seat.
        await login(desk, server.url, ADMIN.email, ADMIN.password);
        await desk.goto(`${server.url}/console?tab=meetings`);
        await pick(desk, desk.getByTestId('console-event-picker'), eventName);
        await pick(desk, desk.getByTestId('console-session-picker'), session.title);
        const seat = desk.locator(`[data-testid="plan-cell"][data-meeting-id="${meetingId}"]`);
        await seat.waitFor();
        expect(await seat.getAttribute('data-table')).toBe(onA.table);
        expect(await desk.getByTestId('plan-meeting-mode').getAttribute('data-mode')).toBe('self_booking');

        expect(pageErrors).toEqual([]);
      },
    );
  });

  it('tells the slower party that the slot went to someone else and refreshes the free slots', async () => {
    await withScreenshots(
      'meetings-race',
      () => ({ a: pageA }),
      async () => {
        // One table: two pairs compete for the same slot.
        const small = await api.liveSession(organiser, 'upstream_downstream', { meetingMode: 'self_booking', tableCount: 1 });
        const [c, d, e, f] = await Promise.all([0, 1, 2, 3].map(() => api.organisation(organiser, 'enterprise')));
        await Promise.all([
          api.participate(c, organiser, small.id, 'buyer'),
          api.participate(d, organiser, small.id, 'supplier'),
          api.participate(e, organiser, small.id, 'buyer'),
          api.participate(f, organiser, small.id, 'supplier'),
        ]);
        const meetingOf = async (asker: Actor, asked: Actor, title: string) => {
          const listing = await api.createListing(asked, small.id, steelSupply(title));
          const request = await api.call<{ id: string }>(
            'POST',
            '/meeting-requests',
            { toListingId: listing.id, fromListingId: null, topic: `洽谈${title}` },
            asker.token,
          );
          await api.call('POST', `/meeting-requests/${request.id}/answer`, { accept: true }, asked.token);
          const meetings = await api.call<{ id: string; requestId: string }[]>('GET', `/sessions/${small.id}/meetings`, undefined, asker.token);
          return meetings.find((m) => m.requestId === request.id)!.id;
        };
        await meetingOf(c, d, '热轧卷板');
        const other = await meetingOf(e, f, '冷轧薄板');

        await contexts[0].clearCookies();
        await pageA.evaluate(() => localStorage.clear());
        await login(pageA, server.url, c.email, E2E_PASSWORD);
        await pageA.goto(`${server.url}/my/agenda?tab=arrangements&event=${small.eventId}`);
        const row = pageA.locator('[data-testid="my-meeting-row"][data-status="unscheduled"]').filter({ hasText: '洽谈热轧卷板' });
        await row.getByTestId('meeting-book').click();
        const booking = modal(pageA);
        const first = booking.getByTestId('free-slot').first();
        await first.waitFor();
        const slot = Number(await first.getAttribute('data-slot'));

        // The other pair takes that slot's only table while C is still choosing.
        await api.call('POST', `/meetings/${other}/book`, { slot }, e.token);
        await clickSettled(first.getByTestId('free-slot-book'));
        await pageA.locator('.ant-message-notice').filter({ hasText: '该时段刚被他人抢先预约' }).waitFor();
        await booking.locator(`[data-testid="free-slot"][data-slot="${slot}"]`).waitFor({ state: 'detached' });
        await booking.getByTestId('free-slot').first().waitFor();
        expect(await row.getAttribute('data-status')).toBe('unscheduled');
        expect(pageErrors).toEqual([]);
      },
    );
  });

  it('is planned by the organiser: scheduler run with live progress, table plan, publish onto the agendas', async () => {
    await withScreenshots(
      'meetings-plan',
      () => ({ desk }),
      async () => {
        const planned = await api.liveSession(organiser, 'upstream_downstream', { tableCount: 2 });
        const plannedEvent = (await api.call<{ name: string }>('GET', `/events/${planned.eventId}`, undefined, organiser.token)).name;
        const orgs = await Promise.all([0, 1, 2, 3].map(() => api.organisation(organiser, 'enterprise')));
        const [buyer1, buyer2, supplier1, supplier2] = orgs;
        await Promise.all([
          api.participate(buyer1, organiser, planned.id, 'buyer'),
          api.participate(buyer2, organiser, planned.id, 'buyer'),
          api.participate(supplier1, organiser, planned.id, 'supplier'),
          api.participate(supplier2, organiser, planned.id, 'supplier'),
        ]);
        const listings = await Promise.all([supplier1, supplier2].map((s, i) => api.createListing(s, planned.id, steelSupply(`排程用钢材${i}`))));
        for (const [buyer, i] of [
          [buyer1, 0],
          [buyer1, 1],
          [buyer2, 0],
        ] as const) {
          const asked = i === 0 ? supplier1 : supplier2;
          const request = await api.call<{ id: string }>(
            'POST',
            '/meeting-requests',
            { toListingId: listings[i].id, fromListingId: null, topic: `排程洽谈${i}` },
            buyer.token,
          );
          await api.call('POST', `/meeting-requests/${request.id}/answer`, { accept: true }, asked.token);
        }

        // At the help desk the organiser gives buyer2's availability for them: not in the first slot.
        await desk.goto(`${server.url}/console?tab=participants`);
        await pick(desk, desk.getByTestId('console-event-picker'), plannedEvent);
        await pick(desk, desk.getByTestId('console-session-picker'), planned.title);
        await desk.locator('.ant-segmented-item').filter({ hasText: '已通过' }).click();
        await desk.getByTestId('participant-row').filter({ hasText: buyer2.name }).getByTestId('participant-availability').click();
        await desk.locator('[data-testid="availability-slot"][data-slot="1"]').click();
        await clickSettled(desk.getByTestId('availability-save'));
        await desk.getByTestId('availability-save').waitFor({ state: 'detached' });
        const given = await api.call<{ unavailableSlots: number[] }>(
          'GET',
          `/sessions/${planned.id}/availability/${buyer2.organisationId}`,
          undefined,
          organiser.token,
        );
        expect(given.unavailableSlots).toEqual([1]);

        await desk.goto(`${server.url}/console?tab=meetings`);
        await pick(desk, desk.getByTestId('console-event-picker'), plannedEvent);
        await pick(desk, desk.getByTestId('console-session-picker'), planned.title);
        expect(await desk.getByTestId('plan-meeting-mode').getAttribute('data-mode')).toBe('scheduled');
        await desk.locator('[data-testid="unplaced-meeting"]').nth(2).waitFor();

        await desk.getByTestId('schedule-run-start').click();
        await desk.locator('[data-testid="schedule-run"][data-status="done"]').waitFor({ timeout: 60_000 });
        expect(await desk.getByTestId('run-scheduled').innerText()).toBe('3');
        // The plan fills in: three meetings seated, none left beside it, none published yet.
        await desk.waitForFunction(() => document.querySelectorAll('[data-testid="plan-meeting"]').length === 3);
        expect(await desk.getByTestId('unplaced-meeting').count()).toBe(0);
        expect(await desk.locator('[data-testid="plan-meeting"][data-published="false"]').count()).toBe(3);
        const agendaBefore = await api.call<unknown[]>('GET', `/me/agenda?eventId=${planned.eventId}`, undefined, buyer1.token);
        expect(agendaBefore).toHaveLength(0);

        await desk.getByTestId('meetings-publish').click();
        await clickSettled(desk.getByTestId('publish-confirm'));
        await desk.waitForFunction(() => document.querySelectorAll('[data-testid="plan-meeting"][data-published="true"]').length === 3);
        const agenda = await api.call<{ table: number; startsAt: string }[]>('GET', `/me/agenda?eventId=${planned.eventId}`, undefined, buyer1.token);
        expect(agenda).toHaveLength(2);
        // buyer1's two meetings are at different times; buyer2's is not in the slot the desk ruled out.
        expect(new Set(agenda.map((m) => m.startsAt)).size).toBe(2);
        const buyer2Meetings = await api.call<{ slot: number }[]>('GET', `/sessions/${planned.id}/meetings`, undefined, buyer2.token);
        expect(buyer2Meetings.map((m) => m.slot)).toEqual([expect.any(Number)]);
        expect(buyer2Meetings[0].slot).not.toBe(1);

        // The organiser moves a meeting by hand to a free seat at another time, sees it there, then unpins it.
        type Placed = { id: string; slot: number | null; table: number | null; pinned: boolean };
        const placed = async (id: string) =>
          (await api.call<Placed[]>('GET', `/sessions/${planned.id}/meetings`, undefined, organiser.token)).find((m) => m.id === id)!;
        const movedId = (await desk.getByTestId('plan-meeting').first().getAttribute('data-meeting-id'))!;
        const before = await placed(movedId);
        await desk.locator(`[data-testid="plan-meeting"][data-meeting-id="${movedId}"]`).click();
        const planModal = desk.getByTestId('plan-meeting-modal');
        // Its own time is offered too (its seat would be free without it): take another.
        const now = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2}/.exec(await planModal.innerText())![0];
        // Once the modal and then the dropdown have stopped moving: a click during their zoom can miss (seen under CPU load).
        await motionless(desk);
        await planModal.getByTestId('pin-slot').click();
        await motionless(desk);
        await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasNotText: now }).first().click();
        await desk.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
        await clickSettled(planModal.getByTestId('pin-submit'));
        await planModal.waitFor({ state: 'detached' });
        const after = await placed(movedId);
        expect(after.pinned).toBe(true);
        expect(after.slot).not.toBe(before.slot);
        await desk.locator(`[data-testid="plan-cell"][data-slot="${after.slot}"][data-table="${after.table}"][data-meeting-id="${movedId}"]`).waitFor();
        await desk.locator(`[data-testid="plan-meeting"][data-meeting-id="${movedId}"]`).click();
        await clickSettled(planModal.getByTestId('unpin'));
        await planModal.waitFor({ state: 'detached' });
        expect((await placed(movedId)).pinned).toBe(false);
        expect(pageErrors).toEqual([]);
      },
    );
  });

  it('takes attendance once a meeting has begun: held, then corrected to no-show, with the figures', async () => {
    // Its own organiser browser, so this test does not depend on the others having signed in.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const organiserPage = await context.newPage();
    organiserPage.on('pageerror', (e) => pageErrors.push(e.message));
    await withScreenshots(
      'meetings-attendance',
      () => ({ organiserPage }),
      async () => {
        await login(organiserPage, server.url, ADMIN.email, ADMIN.password);
        // A self-booking session that began 40 minutes ago, so its first slot has started.
        const start = new Date(Math.floor((Date.now() - 40 * 60_000) / 60_000) * 60_000);
        const today = await api.liveSession(organiser, 'upstream_downstream', {
          meetingMode: 'self_booking',
          tableCount: 2,
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        });
        const todayEvent = (await api.call<{ name: string }>('GET', `/events/${today.eventId}`, undefined, organiser.token)).name;
        const [buyer, supplier] = await Promise.all([api.organisation(organiser, 'enterprise'), api.organisation(organiser, 'enterprise')]);
        await Promise.all([api.participate(buyer, organiser, today.id, 'buyer'), api.participate(supplier, organiser, today.id, 'supplier')]);
        const listing = await api.createListing(supplier, today.id, steelSupply('到场登记用钢材'));
        const request = await api.call<{ id: string }>(
          'POST',
          '/meeting-requests',
          { toListingId: listing.id, fromListingId: null, topic: '到场登记洽谈' },
          buyer.token,
        );
        await api.call('POST', `/meeting-requests/${request.id}/answer`, { accept: true }, supplier.token);
        type Held = { id: string; status: string; published: boolean };
        const meetingsNow = () => api.call<Held[]>('GET', `/sessions/${today.id}/meetings`, undefined, organiser.token);
        const [meeting] = await meetingsNow();
        // Placed in the first slot (already begun); in a self-booking session that publishes it at once.
        await api.call('POST', `/meetings/${meeting.id}/pin`, { slot: 1 }, organiser.token);

        await organiserPage.goto(`${server.url}/console?tab=meetings`);
        await pick(organiserPage, organiserPage.getByTestId('console-event-picker'), todayEvent);
        await pick(organiserPage, organiserPage.getByTestId('console-session-picker'), today.title);
        const planModal = organiserPage.getByTestId('plan-meeting-modal');
        for (const [button, status, rate] of [
          ['mark-held', 'held', '100'],
          ['mark-no-show', 'no_show', '0'],
        ] as const) {
          await organiserPage.locator(`[data-testid="plan-meeting"][data-meeting-id="${meeting.id}"]`).click();
          await clickSettled(planModal.getByTestId(button));
          await planModal.waitFor({ state: 'detached' });
          expect((await meetingsNow())[0]).toMatchObject({ id: meeting.id, status, published: true });
          await organiserPage.waitForFunction(
            (r) => document.querySelector('[data-testid="stat-attendanceRate"] .ant-statistic-content')?.textContent?.replace(/\s/g, '') === `${r}%`,
            rate,
          );
        }
        expect(pageErrors).toEqual([]);
      },
    );
  });
});
