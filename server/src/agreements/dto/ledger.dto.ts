import { LEDGER_ENTRY_KINDS, type LedgerEntryInput, type LedgerEntryKind } from '@duijie/shared';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsDay } from '../../common/validators';

export class LedgerEntryDto implements LedgerEntryInput {
  @IsIn(LEDGER_ENTRY_KINDS) kind: LedgerEntryKind;
  @ValidateIf((o: LedgerEntryDto) => o.kind === 'approved' || o.kind === 'disbursed' || o.kind === 'delivered' || (o.amount !== undefined && o.amount !== null))
  @IsInt({ message: 'amount must be a whole number of yuan' })
  @Min(1)
  @Max(1e15)
  amount?: number | null;
  @IsDay() occurredOn: string;
  @IsOptional() @IsString() @MaxLength(2000) evidence?: string;
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
