// The producers' directory (生产企业名录) of a session, normally a building-materials one:
// compiled by organisers from approved producers and their open supply listings, reviewed,
// published, and then read by anyone without logging in.
import type { Page } from './api';

/** A draft is being compiled and reviewed; a published one is public. Unpublishing returns it to draft. */
export const DIRECTORY_STATUSES = ['draft', 'published'] as const;
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number];

/**
 * `included`: in the directory. `excluded`: an organiser took it out (it stays out on re-compiling).
 * `lapsed`: the producer no longer qualifies (participation withdrawn, organisation suspended, no
 * open supply listing left) at the last compile; it comes back when it qualifies again.
 */
export const DIRECTORY_ENTRY_STATUSES = ['included', 'excluded', 'lapsed'] as const;
export type DirectoryEntryStatus = (typeof DIRECTORY_ENTRY_STATUSES)[number];

/** The fields of an entry an organiser may edit; an edited field is kept as edited on re-compiling. */
export const DIRECTORY_EDITABLE_FIELDS = [
  'name',
  'region',
  'categories',
  'varieties',
  'specifications',
  'annualOutput',
  'outputUnit',
  'contactName',
  'contactPhone',
  'notes',
] as const;
export type DirectoryEditableField = (typeof DIRECTORY_EDITABLE_FIELDS)[number];

export const DIRECTORY_LIMITS = {
  title: 200,
  name: 200,
  text: 2000,
  notes: 2000,
  unit: 12,
  contactName: 100,
  contactPhone: 40,
  categories: 30,
  query: 100,
  reason: 500,
} as const;

/** A directory as everyone sees it once published. */
export type DirectorySummary = {
  id: string;
  eventId: string;
  eventName: string;
  sessionId: string;
  sessionTitle: string;
  title: string;
  /** The event's IANA time zone, for showing the publication date. */
  timeZone: string;
  entryCount: number;
  publishedAt: string | null;
};

/** What organisers see of a directory: the summary, its state and its version. */
export type DirectoryAdmin = DirectorySummary & {
  status: DirectoryStatus;
  version: number;
  compiledAt: string;
  excludedCount: number;
  lapsedCount: number;
  updatedAt: string;
};

/** One producer in a published directory, as anyone sees it. */
export type DirectoryEntryPublic = {
  id: string;
  organisationId: string;
  name: string;
  /** GB/T 2260 code. */
  region: string;
  /** Product category codes (taxonomy.ts). */
  categories: string[];
  /** 品种: what it makes. */
  varieties: string;
  /** 规格: specifications. */
  specifications: string;
  /** Annual output (产能/产量), in `outputUnit`; null when unknown. */
  annualOutput: number | null;
  outputUnit: string;
  /** Only when the producer agreed to publish its contact; null otherwise. */
  contactName: string | null;
  contactPhone: string | null;
  notes: string;
  /** One of its open supply listings when compiled: the meeting request (申请洽谈) is made about it. */
  listingId: string | null;
};

/** An entry as organisers review it: everything, with its state, consent and edited fields. */
export type DirectoryEntryAdmin = Omit<DirectoryEntryPublic, 'contactName' | 'contactPhone'> & {
  contactName: string;
  contactPhone: string;
  /** The producer agreed that its contact is published (recorded by the organiser). */
  contactConsent: boolean;
  status: DirectoryEntryStatus;
  excludeReason: string | null;
  /** Fields an organiser edited: re-compiling leaves them as edited. */
  editedFields: DirectoryEditableField[];
  version: number;
  updatedAt: string;
};

export type DirectoryPublicQuery = {
  category?: string;
  /** A GB/T 2260 code; a prefecture includes its counties, a province everything in it. */
  region?: string;
  /** Searched in names, varieties, specifications and notes. */
  q?: string;
  page?: number;
  pageSize?: number;
};

export type DirectoryExportQuery = Omit<DirectoryPublicQuery, 'page' | 'pageSize'>;

export type DirectoryListQuery = { page?: number; pageSize?: number };

/** A published directory and one page of its entries (filtered). */
export type DirectoryPublicView = {
  directory: DirectorySummary;
  entries: Page<DirectoryEntryPublic>;
};

/** The organisers' view: the directory and every entry, excluded and lapsed ones too. */
export type DirectoryReview = { directory: DirectoryAdmin; entries: DirectoryEntryAdmin[] };

export type DirectoryCompileInput = {
  /** Required when a directory exists for the session: the version read (optimistic). */
  version?: number;
  /** The title, on the first compile (default: the session's title + 生产企业名录). */
  title?: string;
};

/** A producer of the session that was not entered, and why. */
export type DirectorySkipped = {
  organisationId: string;
  name: string;
  reason: 'organisation_not_approved' | 'participation_not_approved' | 'no_open_supply_listings';
};

export type DirectoryCompileResult = {
  directory: DirectoryAdmin;
  added: number;
  refreshed: number;
  lapsed: number;
  skipped: DirectorySkipped[];
};

export type DirectoryEntryUpdateInput = {
  version: number;
  name?: string;
  region?: string;
  categories?: string[];
  varieties?: string;
  specifications?: string;
  annualOutput?: number | null;
  outputUnit?: string;
  contactName?: string;
  contactPhone?: string;
  notes?: string;
  contactConsent?: boolean;
  /** true: exclude it (with `excludeReason`); false: take it back in. */
  excluded?: boolean;
  excludeReason?: string;
};

export type DirectoryVersionInput = { version: number };
