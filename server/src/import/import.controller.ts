import { Controller, Param, Query, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { routes, type ImportJob, type ImportReport } from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { InvalidInput } from '../common/errors';
import { ID } from '../common/validation';
import { ImportQuery } from './dto/import.dto';
import { ImportService } from './import.service';
import { templateCsv, templateWorkbook, TEMPLATE_FILE_NAMES } from './template';
import { ImportUploadInterceptor } from './upload.interceptor';
import type { UploadedFile } from './workbook';

function sendFile(res: Response, body: Buffer, type: string, asciiName: string, name: string): void {
  res
    .set({
      'content-type': type,
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    })
    .send(body);
}

/** Organisers load organisations and listings from a workbook: dry run, then the import as a job. */
@Roles('organiser')
@Controller()
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Endpoint(routes.imports.template)
  async template(@Res() res: Response): Promise<void> {
    sendFile(
      res,
      await templateWorkbook(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'duijie-import-template.xlsx',
      TEMPLATE_FILE_NAMES.xlsx,
    );
  }

  @Endpoint(routes.imports.organisationsCsv)
  organisationsCsv(@Res() res: Response): void {
    sendFile(res, templateCsv('organisations'), 'text/csv; charset=utf-8', 'duijie-import-organisations.csv', TEMPLATE_FILE_NAMES.organisations);
  }

  @Endpoint(routes.imports.listingsCsv)
  listingsCsv(@Res() res: Response): void {
    sendFile(res, templateCsv('listings'), 'text/csv; charset=utf-8', 'duijie-import-listings.csv', TEMPLATE_FILE_NAMES.listings);
  }

  /**
   * A dry run (the default) answers 200 with the report. `dryRun=false` answers 202 with the
   * running job, or 422 with the report when the files have problems (nothing is imported).
   */
  @Endpoint(routes.imports.import)
  @UseInterceptors(ImportUploadInterceptor)
  async import(
    @CurrentUser() principal: Principal,
    @Param('id', ID) id: string,
    @Query() query: ImportQuery,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportReport | ImportJob> {
    if (!files || files.length === 0) throw new InvalidInput('file', 'attach the workbook (.xlsx) or CSV files in the multipart field “file”');
    if (query.dryRun === 'false') {
      const job = await this.imports.start(principal, id, files);
      res.status(202);
      return job;
    }
    return this.imports.dryRun(id, files);
  }

  @Endpoint(routes.imports.job)
  job(@Param('id', ID) id: string): Promise<ImportJob> {
    return this.imports.job(id);
  }
}
