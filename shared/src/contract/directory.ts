import type { Page } from '../api';
import type {
  DirectoryAdmin,
  DirectoryCompileInput,
  DirectoryCompileResult,
  DirectoryEntryAdmin,
  DirectoryEntryUpdateInput,
  DirectoryExportQuery,
  DirectoryListQuery,
  DirectoryPublicQuery,
  DirectoryPublicView,
  DirectoryReview,
  DirectorySummary,
  DirectoryVersionInput,
} from '../directory';
import { route, type FileAnswer } from './route';

export const directory = {
  // ---- public: no login ----
  publicList: route<{ query: DirectoryListQuery; output: Page<DirectorySummary> }>()('GET', '/directories', {
    summary: "Published producers' directories (生产企业名录), newest first (public)",
    public: true,
  }),
  publicShow: route<{ query: DirectoryPublicQuery; output: DirectoryPublicView }>()('GET', '/directories/:id', {
    summary: 'A published directory and a page of its entries, by category, region (a prefecture includes its counties) and text (public)',
    public: true,
  }),
  publicExport: route<{ query: DirectoryExportQuery; output: FileAnswer }>()('GET', '/directories/:id/entries.xlsx', {
    summary: "A published directory's entries (filtered as the page) as an .xlsx workbook (public)",
    public: true,
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  // ---- organisers ----
  forEvent: route<{ output: DirectoryAdmin[] }>()('GET', '/events/:id/directories', {
    summary: "Organisers: an event's directories, drafts and published",
  }),
  compile: route<{ body: DirectoryCompileInput; output: DirectoryCompileResult }>()('POST', '/sessions/:id/directory/compile', {
    summary:
      "Organisers: compiles the session's directory from its approved producers and their open supply listings; re-compiling adds new producers and keeps edited fields",
    status: 200,
    errors: ['stale_version', 'directory_published'],
  }),
  review: route<{ output: DirectoryReview }>()('GET', '/directories/:id/review', {
    summary: 'Organisers: a directory with every entry (excluded and lapsed too, contacts and consent)',
  }),
  updateEntry: route<{ body: DirectoryEntryUpdateInput; output: DirectoryEntryAdmin }>()('PATCH', '/directory-entries/:id', {
    summary: 'Organisers: edits an entry, records the contact consent, excludes or re-includes it (optimistic: the version read)',
    errors: ['stale_version'],
  }),
  publish: route<{ body: DirectoryVersionInput; output: DirectoryAdmin }>()('POST', '/directories/:id/publish', {
    summary: 'Organisers: publishes a directory (optimistic: the version read)',
    status: 200,
    errors: ['stale_version', 'invalid_state'],
  }),
  unpublish: route<{ body: DirectoryVersionInput; output: DirectoryAdmin }>()('POST', '/directories/:id/unpublish', {
    summary: 'Organisers: takes a directory off the public site; it is a draft again (optimistic: the version read)',
    status: 200,
    errors: ['stale_version', 'invalid_state'],
  }),
};
