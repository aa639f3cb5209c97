import {
  DIRECTORY_LIMITS as L,
  type DirectoryCompileInput,
  type DirectoryEntryUpdateInput,
  type DirectoryExportQuery,
  type DirectoryListQuery,
  type DirectoryPublicQuery,
  type DirectoryVersionInput,
} from '@duijie/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { Trim } from '../../common/validation';
import { IsProductCategory, IsRegionCode, MaxDecimals } from '../../common/validators';

export class DirectoryListQueryDto extends PageQuery implements DirectoryListQuery {}

export class DirectoryExportQueryDto implements DirectoryExportQuery {
  @IsOptional() @IsProductCategory() category?: string;
  @IsOptional() @IsRegionCode() region?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(L.query) q?: string;
}

export class DirectoryPublicQueryDto extends PageQuery implements DirectoryPublicQuery {
  @IsOptional() @IsProductCategory() category?: string;
  @IsOptional() @IsRegionCode() region?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(L.query) q?: string;
}

export class DirectoryCompileDto implements DirectoryCompileInput {
  @IsOptional() @IsInt() @Min(1) version?: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(L.title) title?: string;
}

export class DirectoryVersionDto implements DirectoryVersionInput {
  @IsInt() @Min(1) version: number;
}

export class DirectoryEntryUpdateDto implements DirectoryEntryUpdateInput {
  @IsInt() @Min(1) version: number;
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(L.name) name?: string;
  @IsOptional() @IsRegionCode() region?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(L.categories) @IsProductCategory({ each: true }) categories?: string[];
  @IsOptional() @Trim() @IsString() @MaxLength(L.text) varieties?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(L.text) specifications?: string;
  // null clears it (IsOptional lets null through).
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e15)
  @MaxDecimals(3)
  annualOutput?: number | null;
  @IsOptional() @Trim() @IsString() @MaxLength(L.unit) outputUnit?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(L.contactName) contactName?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(L.contactPhone) contactPhone?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(L.notes) notes?: string;
  @IsOptional() @IsBoolean() contactConsent?: boolean;
  @IsOptional() @IsBoolean() excluded?: boolean;
  @IsOptional() @Trim() @IsString() @MaxLength(L.reason) excludeReason?: string;
}
