import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DIRECTORY_EDITABLE_FIELDS,
  findCategoryByWord,
  regionPrefix,
  type DirectoryAdmin,
  type DirectoryCompileResult,
  type DirectoryEditableField,
  type DirectoryEntryAdmin,
  type DirectoryEntryPublic,
  type DirectoryPublicView,
  type DirectoryReview,
  type DirectorySkipped,
  type DirectorySummary,
  type Page,
} from '@duijie/shared';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../access/principal';
import { AuditService, type AuditInput } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { assertVersion, Conflict, InvalidInput, NotFound } from '../common/errors';
import { pageOf, skipTake } from '../common/pagination';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { SessionEntity } from '../events/session.entity';
import { ListingEntity } from '../listings/listing.entity';
import { ParticipationEntity } from '../participation/participation.entity';
import { ProducerDirectoryEntity, ProducerDirectoryEntryEntity } from './directory.entity';
import type {
  DirectoryCompileDto,
  DirectoryEntryUpdateDto,
  DirectoryExportQueryDto,
  DirectoryListQueryDto,
  DirectoryPublicQueryDto,
} from './dto/directory.dto';

/** What a compile derives for one producer from its organisation and open supply listings. */
type Derived = Pick<
  ProducerDirectoryEntryEntity,
  | 'organisationId'
  | 'name'
  | 'region'
  | 'categories'
  | 'varieties'
  | 'specifications'
  | 'annualOutput'
  | 'outputUnit'
  | 'contactName'
  | 'contactPhone'
  | 'notes'
  | 'listingId'
>;

/** Entries an export writes at most (a directory is a few hundred producers; this bounds a hostile one). */
export const EXPORT_MAX_ROWS = 20_000;

/**
 * The producers' directory (生产企业名录). Organisers compile it for a session from its approved
 * producers (participants in the producer role whose organisation is approved) and their open supply
 * listings, edit, exclude, review and publish it; anyone reads a published one without logging in.
 *
 * Re-compiling adds producers that qualify since, refreshes what it derived for the others from their
 * listings and organisation, and never overwrites a field an organiser edited (each entry keeps the
 * list of its edited fields), an exclusion, or the contact consent. A producer that no longer
 * qualifies is marked lapsed (not public) and comes back when it qualifies again. A published
 * directory is not re-compiled (unpublish first), so nothing unreviewed reaches the public; edits
 * and exclusions of a published directory's entries show at once.
 */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {}

  // ---- organisers ----

  async compile(principal: Principal, sessionId: string, dto: DirectoryCompileDto): Promise<DirectoryCompileResult> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const session = await this.events.findSession(manager, sessionId);
      let directory = await manager.findOne(ProducerDirectoryEntity, { where: { sessionId }, lock: { mode: 'pessimistic_write' } });
      if (directory) {
        if (dto.version === undefined) throw new InvalidInput('version', 'is required to re-compile a directory (the version read)');
        assertVersion(directory.version, dto.version, 'The directory');
        if (directory.status === 'published') throw new Conflict('directory_published', 'A published directory is not re-compiled: unpublish it first');
      }
      const now = this.clock.now();
      const { derived, skipped } = await this.derive(manager, sessionId);
      if (!directory) {
        directory = manager.create(ProducerDirectoryEntity, {
          eventId: session.eventId,
          sessionId,
          title: dto.title ?? `${session.title} 生产企业名录`,
          status: 'draft',
          version: 1,
          compiledAt: now,
          publishedAt: null,
          publishedByUserId: null,
          createdByUserId: principal.userId,
        });
      } else {
        directory.version += 1;
        directory.compiledAt = now;
        if (dto.title) directory.title = dto.title;
      }
      directory = await manager.save(directory);

      const existing = await manager.find(ProducerDirectoryEntryEntity, { where: { directoryId: directory.id }, lock: { mode: 'pessimistic_write' } });
      const byOrganisation = new Map(existing.map((e) => [e.organisationId, e]));
      let added = 0;
      let refreshed = 0;
      let lapsed = 0;
      const changed: ProducerDirectoryEntryEntity[] = [];
      for (const d of derived) {
        const entry = byOrganisation.get(d.organisationId);
        if (!entry) {
          changed.push(
            manager.create(ProducerDirectoryEntryEntity, { ...d, directoryId: directory.id, status: 'included', editedFields: [], contactConsent: false }),
          );
          added += 1;
          continue;
        }
        byOrganisation.delete(d.organisationId);
        let touched = false;
        if (entry.status === 'lapsed') {
          entry.status = 'included';
          touched = true;
        }
        for (const field of DIRECTORY_EDITABLE_FIELDS) {
          if (entry.editedFields.includes(field) || same(entry[field], d[field])) continue;
          (entry as Record<DirectoryEditableField, unknown>)[field] = d[field];
          touched = true;
        }
        if (entry.listingId !== d.listingId) {
          entry.listingId = d.listingId;
          touched = true;
        }
        if (touched) {
          entry.version += 1;
          changed.push(entry);
          refreshed += 1;
        }
      }
      // Those left no longer qualify: out of the public directory until they do again.
      for (const entry of byOrganisation.values()) {
        if (entry.status !== 'included') continue;
        entry.status = 'lapsed';
        entry.version += 1;
        changed.push(entry);
        lapsed += 1;
      }
      if (changed.length) await manager.save(changed, { chunk: 500 });
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: 'directory.compiled',
        entityType: 'producer_directory',
        entityId: directory.id,
        data: {
          sessionId,
          version: directory.version,
          added,
          refreshed,
          lapsed,
          skipped: skipped.map((s) => ({ organisationId: s.organisationId, reason: s.reason })),
        },
      });
      return { directory: (await this.admins(manager, [directory]))[0], added, refreshed, lapsed, skipped };
    });
  }

  /** An event's directories, drafts and published, as organisers see them. */
  async forEvent(eventId: string): Promise<DirectoryAdmin[]> {
    await this.events.findEvent(this.dataSource.manager, eventId);
    const rows = await this.dataSource.getRepository(ProducerDirectoryEntity).find({ where: { eventId }, order: { createdAt: 'ASC' } });
    return this.admins(this.dataSource.manager, rows);
  }

  async review(id: string): Promise<DirectoryReview> {
    const manager = this.dataSource.manager;
    const directory = await manager.findOne(ProducerDirectoryEntity, { where: { id } });
    if (!directory) throw new NotFound('Directory');
    const entries = await manager
      .getRepository(ProducerDirectoryEntryEntity)
      .createQueryBuilder('e')
      .where('e.directoryId = :id', { id })
      .orderBy(`CASE e.status WHEN 'included' THEN 0 WHEN 'lapsed' THEN 1 ELSE 2 END`)
      .addOrderBy('e.name')
      .addOrderBy('e.id')
      .getMany();
    return { directory: (await this.admins(manager, [directory]))[0], entries: entries.map(toAdmin) };
  }

  /** Edits, consent, exclusion: each change audited; a retry of the same change answers the entry as it is. */
  async updateEntry(principal: Principal, id: string, dto: DirectoryEntryUpdateDto): Promise<DirectoryEntryAdmin> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const entry = await manager.findOne(ProducerDirectoryEntryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw new NotFound('Directory entry');
      const edits = DIRECTORY_EDITABLE_FIELDS.filter((f) => dto[f] !== undefined && !same(entry[f], normalise(f, dto[f])));
      const consent = dto.contactConsent !== undefined && dto.contactConsent !== entry.contactConsent;
      const wantStatus = dto.excluded === undefined ? entry.status : dto.excluded ? 'excluded' : 'included';
      const statusChange = wantStatus !== entry.status;
      const reasonChange = dto.excluded === true && (dto.excludeReason ?? null) !== entry.excludeReason;
      const nothing = !edits.length && !consent && !statusChange && !reasonChange;
      // A retry of a change that went through: nothing left to do, one version on.
      if (nothing && dto.version === entry.version - 1) return toAdmin(entry);
      assertVersion(entry.version, dto.version, 'The directory entry');
      if (nothing) return toAdmin(entry);
      const records: AuditInput[] = [];
      const base = { actorUserId: principal.userId, entityType: 'producer_directory_entry', entityId: id };
      if (edits.length) {
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const field of edits) {
          before[field] = entry[field];
          after[field] = normalise(field, dto[field]);
          (entry as Record<DirectoryEditableField, unknown>)[field] = after[field];
        }
        entry.editedFields = [...new Set([...entry.editedFields, ...edits])];
        records.push({ ...base, action: 'directory.entry_edited', data: { directoryId: entry.directoryId, before, after } });
      }
      if (consent) {
        entry.contactConsent = dto.contactConsent!;
        records.push({ ...base, action: 'directory.contact_consent', data: { directoryId: entry.directoryId, consent: entry.contactConsent } });
      }
      if (statusChange || reasonChange) {
        entry.status = wantStatus;
        entry.excludeReason = wantStatus === 'excluded' ? (dto.excludeReason ?? null) : null;
        records.push({
          ...base,
          action: wantStatus === 'excluded' ? 'directory.entry_excluded' : 'directory.entry_included',
          data: { directoryId: entry.directoryId, reason: entry.excludeReason },
        });
      }
      entry.version += 1;
      await manager.save(entry);
      await this.audit.recordMany(manager, records);
      return toAdmin(entry);
    });
  }

  publish(principal: Principal, id: string, version: number): Promise<DirectoryAdmin> {
    return this.move(principal, id, version, 'published');
  }

  unpublish(principal: Principal, id: string, version: number): Promise<DirectoryAdmin> {
    return this.move(principal, id, version, 'draft');
  }

  private async move(principal: Principal, id: string, version: number, to: 'published' | 'draft'): Promise<DirectoryAdmin> {
    return this.uow.run(async (tx) => {
      const { manager } = tx;
      const directory = await manager.findOne(ProducerDirectoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!directory) throw new NotFound('Directory');
      // A retry of a move that went through.
      if (directory.status === to && directory.version === version + 1) return (await this.admins(manager, [directory]))[0];
      assertVersion(directory.version, version, 'The directory');
      if (directory.status === to)
        throw new Conflict('invalid_state', to === 'published' ? 'The directory is already published' : 'The directory is not published');
      const included = await manager.count(ProducerDirectoryEntryEntity, { where: { directoryId: id, status: 'included' } });
      if (to === 'published' && included === 0) throw new Conflict('invalid_state', 'A directory without any included producer is not published');
      directory.status = to;
      directory.publishedAt = to === 'published' ? this.clock.now() : null;
      directory.publishedByUserId = to === 'published' ? principal.userId : null;
      directory.version += 1;
      await manager.save(directory);
      await this.audit.record(manager, {
        actorUserId: principal.userId,
        action: to === 'published' ? 'directory.published' : 'directory.unpublished',
        entityType: 'producer_directory',
        entityId: id,
        data: { version: directory.version, entries: included },
      });
      return (await this.admins(manager, [directory]))[0];
    });
  }

  // ---- public ----

  async publicList(query: DirectoryListQueryDto): Promise<Page<DirectorySummary>> {
    const { skip, take } = skipTake(query);
    const [rows, total] = await this.dataSource.getRepository(ProducerDirectoryEntity).findAndCount({
      where: { status: 'published' },
      order: { publishedAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
    const admins = await this.admins(this.dataSource.manager, rows);
    return pageOf(admins.map(toSummary), total, query);
  }

  async publicShow(id: string, query: DirectoryPublicQueryDto): Promise<DirectoryPublicView> {
    const directory = await this.published(id);
    const { skip, take } = skipTake(query);
    const [rows, total] = await this.publicEntries(id, query).skip(skip).take(take).getManyAndCount();
    return { directory, entries: pageOf(rows.map(toPublic), total, query) };
  }

  /** The published directory and its entries, filtered as the page, in batches (for the export). */
  async *publicBatches(id: string, query: DirectoryExportQueryDto, batch = 500): AsyncGenerator<DirectoryEntryPublic[]> {
    let offset = 0;
    while (offset < EXPORT_MAX_ROWS) {
      const rows = await this.publicEntries(id, query)
        .skip(offset)
        .take(Math.min(batch, EXPORT_MAX_ROWS - offset))
        .getMany();
      if (rows.length) yield rows.map(toPublic);
      if (rows.length < batch) return;
      offset += rows.length;
    }
  }

  /** How many entries the export of these filters writes. */
  async publicCount(id: string, query: DirectoryExportQueryDto): Promise<number> {
    return Math.min(EXPORT_MAX_ROWS, await this.publicEntries(id, query).getCount());
  }

  /** A published directory's summary; an unpublished or unknown one is not found. */
  async published(id: string): Promise<DirectorySummary> {
    const directory = await this.dataSource.getRepository(ProducerDirectoryEntity).findOne({ where: { id, status: 'published' } });
    if (!directory) throw new NotFound('Directory');
    return toSummary((await this.admins(this.dataSource.manager, [directory]))[0]);
  }

  private publicEntries(id: string, query: DirectoryExportQueryDto): SelectQueryBuilder<ProducerDirectoryEntryEntity> {
    const qb = this.dataSource
      .getRepository(ProducerDirectoryEntryEntity)
      .createQueryBuilder('e')
      .where(`e.directoryId = :id AND e.status = 'included'`, { id });
    if (query.category) qb.andWhere(':category = ANY(e.categories)', { category: query.category });
    if (query.region) qb.andWhere(`e.region LIKE :prefix`, { prefix: `${regionPrefix(query.region)}%` });
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // A word that names a category (水泥, 商混) also finds the producers of that category.
      const named = findCategoryByWord(query.q)?.code ?? null;
      qb.andWhere(`(e.name ILIKE :like OR e.varieties ILIKE :like OR e.specifications ILIKE :like OR e.notes ILIKE :like OR :named = ANY(e.categories))`, {
        like,
        named,
      });
    }
    return qb.orderBy('e.name').addOrderBy('e.id');
  }

  // ---- deriving and viewing ----

  /** Each qualifying producer of the session with what its organisation and open supply listings say; the others, with why not. */
  private async derive(manager: EntityManager, sessionId: string): Promise<{ derived: Derived[]; skipped: DirectorySkipped[] }> {
    const participations = await manager.find(ParticipationEntity, {
      where: { sessionId, role: 'producer', status: In(['approved', 'pending', 'invited']) },
      relations: { organisation: true },
      order: { createdAt: 'ASC' },
    });
    const skipped: DirectorySkipped[] = [];
    const qualifying = participations.filter((p) => {
      const organisation = p.organisation!;
      if (p.status !== 'approved') skipped.push({ organisationId: p.organisationId, name: organisation.name, reason: 'participation_not_approved' });
      else if (organisation.status !== 'approved')
        skipped.push({ organisationId: p.organisationId, name: organisation.name, reason: 'organisation_not_approved' });
      else return true;
      return false;
    });
    const listings = qualifying.length
      ? await manager.find(ListingEntity, {
          where: { sessionId, type: 'supply', status: 'open', organisationId: In(qualifying.map((p) => p.organisationId)) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const byOrganisation = new Map<string, ListingEntity[]>();
    for (const l of listings) byOrganisation.set(l.organisationId, [...(byOrganisation.get(l.organisationId) ?? []), l]);
    const derived: Derived[] = [];
    for (const p of qualifying) {
      const organisation = p.organisation!;
      const own = (byOrganisation.get(p.organisationId) ?? []).filter((l) => l.goods);
      if (!own.length) {
        skipped.push({ organisationId: p.organisationId, name: organisation.name, reason: 'no_open_supply_listings' });
        continue;
      }
      derived.push({
        organisationId: p.organisationId,
        name: organisation.name,
        region: organisation.region,
        categories: distinct(own.map((l) => l.goods!.category)),
        varieties: distinct(own.map((l) => l.title.trim())).join('；'),
        specifications: distinct(own.map((l) => l.goods!.specification?.trim() ?? '')).join('；'),
        ...output(own),
        contactName: organisation.contactName,
        contactPhone: organisation.contactPhone,
        notes: '',
        listingId: own[0].id,
      });
    }
    return { derived, skipped };
  }

  private async admins(manager: EntityManager, rows: ProducerDirectoryEntity[]): Promise<DirectoryAdmin[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const counts: { directoryId: string; status: string; n: number }[] = await manager.query(
      `SELECT "directoryId", status, COUNT(*)::int AS n FROM producer_directory_entry WHERE "directoryId" = ANY($1::uuid[]) GROUP BY 1, 2`,
      [ids],
    );
    const count = (id: string, status: string) => counts.find((c) => c.directoryId === id && c.status === status)?.n ?? 0;
    const [events, sessions] = await Promise.all([
      manager.find(EventEntity, { where: { id: In([...new Set(rows.map((r) => r.eventId))]) } }),
      manager.find(SessionEntity, { where: { id: In(rows.map((r) => r.sessionId)) } }),
    ]);
    return rows.map((r) => {
      const event = events.find((e) => e.id === r.eventId);
      return {
        id: r.id,
        eventId: r.eventId,
        eventName: event?.name ?? '',
        sessionId: r.sessionId,
        sessionTitle: sessions.find((s) => s.id === r.sessionId)?.title ?? '',
        title: r.title,
        timeZone: event?.timeZone ?? 'Asia/Shanghai',
        entryCount: count(r.id, 'included'),
        publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
        status: r.status,
        version: r.version,
        compiledAt: r.compiledAt.toISOString(),
        excludedCount: count(r.id, 'excluded'),
        lapsedCount: count(r.id, 'lapsed'),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }
}

/** The output of the listings: the quantities summed in the unit most of them use. */
function output(listings: ListingEntity[]): { annualOutput: number | null; outputUnit: string } {
  const byUnit = new Map<string, { n: number; sum: number }>();
  for (const l of listings) {
    const g = l.goods!;
    const u = byUnit.get(g.unit) ?? { n: 0, sum: 0 };
    byUnit.set(g.unit, { n: u.n + 1, sum: u.sum + Number(g.quantity) });
  }
  const [unit, best] = [...byUnit.entries()].sort((a, b) => b[1].n - a[1].n || b[1].sum - a[1].sum)[0];
  return { annualOutput: Math.round(best.sum * 1000) / 1000, outputUnit: unit };
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
}

/** An edited value as stored: categories without repeats. */
function normalise(field: DirectoryEditableField, value: unknown): unknown {
  if (field === 'categories') return distinct(value as string[]);
  return value;
}

function toAdmin(e: ProducerDirectoryEntryEntity): DirectoryEntryAdmin {
  return {
    id: e.id,
    organisationId: e.organisationId,
    name: e.name,
    region: e.region,
    categories: e.categories,
    varieties: e.varieties,
    specifications: e.specifications,
    annualOutput: e.annualOutput,
    outputUnit: e.outputUnit,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    contactConsent: e.contactConsent,
    notes: e.notes,
    listingId: e.listingId,
    status: e.status,
    excludeReason: e.excludeReason,
    editedFields: e.editedFields,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** What anyone sees: the contact only when the producer agreed. */
function toPublic(e: ProducerDirectoryEntryEntity): DirectoryEntryPublic {
  return {
    id: e.id,
    organisationId: e.organisationId,
    name: e.name,
    region: e.region,
    categories: e.categories,
    varieties: e.varieties,
    specifications: e.specifications,
    annualOutput: e.annualOutput,
    outputUnit: e.outputUnit,
    contactName: e.contactConsent ? e.contactName : null,
    contactPhone: e.contactConsent ? e.contactPhone : null,
    notes: e.notes,
    listingId: e.listingId,
  };
}

function toSummary(d: DirectoryAdmin): DirectorySummary {
  return {
    id: d.id,
    eventId: d.eventId,
    eventName: d.eventName,
    sessionId: d.sessionId,
    sessionTitle: d.sessionTitle,
    title: d.title,
    timeZone: d.timeZone,
    entryCount: d.entryCount,
    publishedAt: d.publishedAt,
  };
}
