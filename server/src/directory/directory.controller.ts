import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import {
  routes,
  type DirectoryAdmin,
  type DirectoryCompileResult,
  type DirectoryEntryAdmin,
  type DirectoryPublicView,
  type DirectoryReview,
  type DirectorySummary,
  type Page,
} from '@duijie/shared';
import type { Response } from 'express';
import { CurrentUser, Public, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { DirectoryExportService } from './directory-export.service';
import { DirectoryService } from './directory.service';
import {
  DirectoryCompileDto,
  DirectoryEntryUpdateDto,
  DirectoryExportQueryDto,
  DirectoryListQueryDto,
  DirectoryPublicQueryDto,
  DirectoryVersionDto,
} from './dto/directory.dto';

@Controller()
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly exports: DirectoryExportService,
  ) {}

  // ---- public: no login (the global request budget counts anonymous callers by address) ----

  @Public()
  @Endpoint(routes.directory.publicList)
  publicList(@Query() query: DirectoryListQueryDto): Promise<Page<DirectorySummary>> {
    return this.directory.publicList(query);
  }

  @Public()
  @Endpoint(routes.directory.publicShow)
  publicShow(@Param('id', ID) id: string, @Query() query: DirectoryPublicQueryDto): Promise<DirectoryPublicView> {
    return this.directory.publicShow(id, query);
  }

  @Public()
  @Endpoint(routes.directory.publicExport)
  publicExport(@Param('id', ID) id: string, @Query() query: DirectoryExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.send(id, query, res);
  }

  // ---- organisers ----

  @Endpoint(routes.directory.forEvent)
  @Roles('organiser')
  forEvent(@Param('id', ID) id: string): Promise<DirectoryAdmin[]> {
    return this.directory.forEvent(id);
  }

  @Endpoint(routes.directory.compile)
  @Roles('organiser')
  compile(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: DirectoryCompileDto): Promise<DirectoryCompileResult> {
    return this.directory.compile(principal, id, dto);
  }

  @Endpoint(routes.directory.review)
  @Roles('organiser')
  review(@Param('id', ID) id: string): Promise<DirectoryReview> {
    return this.directory.review(id);
  }

  @Endpoint(routes.directory.updateEntry)
  @Roles('organiser')
  updateEntry(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: DirectoryEntryUpdateDto): Promise<DirectoryEntryAdmin> {
    return this.directory.updateEntry(principal, id, dto);
  }

  @Endpoint(routes.directory.publish)
  @Roles('organiser')
  publish(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: DirectoryVersionDto): Promise<DirectoryAdmin> {
    return this.directory.publish(principal, id, dto.version);
  }

  @Endpoint(routes.directory.unpublish)
  @Roles('organiser')
  unpublish(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: DirectoryVersionDto): Promise<DirectoryAdmin> {
    return this.directory.unpublish(principal, id, dto.version);
  }
}
