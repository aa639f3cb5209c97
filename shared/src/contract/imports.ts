import type { ImportJob, ImportQuery, ImportReport } from '../api';
import { route, type FileAnswer } from './route';

// Organisers load organisations and listings from a workbook: dry run, then the import as a job.
export const imports = {
  template: route<{ output: FileAnswer }>()('GET', '/import/template.xlsx', {
    summary: 'The import workbook template',
    file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  organisationsCsv: route<{ output: FileAnswer }>()('GET', '/import/template-organisations.csv', {
    summary: "The import template's organisations sheet as CSV",
    file: 'text/csv; charset=utf-8',
  }),
  listingsCsv: route<{ output: FileAnswer }>()('GET', '/import/template-listings.csv', {
    summary: "The import template's listings sheet as CSV",
    file: 'text/csv; charset=utf-8',
  }),
  import: route<{ query: ImportQuery; output: ImportReport | ImportJob }>()('POST', '/events/:id/import', {
    summary:
      'Imports a workbook (.xlsx) or CSV files: a dry run (the default) answers the report; dryRun=false answers 202 with the running job, or 422 with the report when the files have problems',
    status: 200,
    alsoAnswers: { 202: 'dryRun=false: the import runs as a job (ImportJob)' },
    multipart: true,
    errors: ['import_problems', 'file_too_large', 'workbook_too_large'],
  }),
  job: route<{ output: ImportJob }>()('GET', '/import-jobs/:id', { summary: "A running or finished import's progress and report" }),
};
