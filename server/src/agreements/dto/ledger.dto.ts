import { CLOSING_LEDGER_KINDS, LEDGER_ENTRY_KINDS, type LedgerEntryInput, type LedgerEntryKind, type LedgerReopenInput } from '@duijie/shared';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Trim } from '../../common/validation';
import { IsDay } from '../../common/validators';

const closing = (o: LedgerEntryDto) => CLOSING_LEDGER_KINDS.includes(o.kind);

export class LedgerEntryDto implements LedgerEntryInput {
  @IsIn(LEDGER_ENTRY_KINDS) kind: LedgerEntryKind;
  @ValidateIf((o: LedgerEntryDto) => o.kind === 'approved' || o.kind === 'disbursed' || o.kind === 'delivered' || (o.amount !== undefined && o.amount !== null))
  @IsInt({ message: 'amount must be a whole number of yuan' })
  @Min(1)
  @Max(1e15)
  amount?: number | null;
  @IsDay() occurredOn: string;
  @IsOptional() @IsString() @MaxLength(2000) evidence?: string;
  @ValidateIf((o: LedgerEntryDto) => closing(o) || (o.reason !== undefined && o.reason !== null && o.reason !== ''))
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must be given to record performed or terminated (it closes the ledger)' })
  @MaxLength(2000)
  reason?: string;
}

export class LedgerReopenDto implements LedgerReopenInput {
  @Trim() @IsString() @IsNotEmpty({ message: 'reason must be given to reopen a closed ledger' }) @MaxLength(2000) reason: string;
}
