// Turns sheet rows into the API's inputs. Cells are read by their column's kind (万元 to yuan,
// percent to basis points, Chinese labels to codes); then the API's own DTO rules run on the
// result, so an import can never store what the API would refuse. Every problem names its
// sheet, row and column.
import {
  findCategory,
  findCategoryByWord,
  wanToYuan,
  type ImportProblem,
  type ImportSheet,
  type ListingInput,
  type ListingType,
  type OrganisationInput,
  type OrganisationSize,
  type ParticipantRole,
} from '@duijie/shared';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../common/validation';
import { ListingDto } from '../listings/dto/listing.dto';
import { listingProblems, PART_OF_TYPE, type ListingPart } from '../listings/listing-rules';
import { OrganisationDto } from '../organisations/dto/organisation.dto';
import { headerOf, LISTING_COLUMNS } from './columns';
import { VOCABULARIES, readBoolean, type Vocabulary } from './vocabulary';
import { isBlank, type Cell, type RowRecord } from './workbook';

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/** A cell as text: numbers as written, dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).trim();
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function readNumber(cell: Cell): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('must be a number');
  const text = cellText(cell).normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return fail('must be a number');
  return ok(Number(text));
}

function readInteger(cell: Cell): Read<number> {
  const n = readNumber(cell);
  if (!n.ok) return n;
  return Number.isInteger(n.value) ? n : fail('must be a whole number');
}

/** 万元 to integer yuan: more than four decimals would be a fraction of a yuan. */
function readWan(cell: Cell): Read<number> {
  const n = readNumber(cell);
  if (!n.ok) return n;
  const yuan = wanToYuan(n.value);
  if (Math.abs(n.value * 10_000 - yuan) > 1e-6 * Math.max(1, Math.abs(yuan))) return fail('is in 万元 with at most 4 decimal places (one yuan)');
  return ok(yuan);
}

/** Percent to basis points: 3.85 → 385. */
function readPercent(cell: Cell): Read<number> {
  const n = readNumber(cell);
  if (!n.ok) return n;
  const bp = Math.round(n.value * 100);
  if (Math.abs(n.value * 100 - bp) > 1e-6) return fail('is a percentage with at most 2 decimal places, e.g. 3.85');
  return ok(bp);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function readDate(cell: Cell): Read<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail('must be a date such as 2027-01-01') : ok(isoDay(cell));
  // A date cell that lost its date format is a serial day number.
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 2_958_466) return ok(isoDay(new Date(EXCEL_EPOCH_MS + cell * DAY_MS)));
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cellText(cell).normalize('NFKC'));
  if (!match) return fail('must be a date such as 2027-01-01');
  return ok(`${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`);
}

function readEnum<T extends string>(cell: Cell, vocabulary: Vocabulary<T>): Read<T> {
  const code = vocabulary.lookup(cellText(cell));
  return code ? ok(code) : fail(`must be one of: ${vocabulary.labels}`);
}

function readList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,，、;；\s]+/)
    .filter((part) => part !== '');
}

/** 面向企业规模 of a credit or guarantee product: sizes by label or code, each once; an unknown word fails the cell. */
function readSizes(cell: Cell): Read<OrganisationSize[]> {
  const words = readList(cell);
  const sizes = words.flatMap((word) => VOCABULARIES.targetSizes.lookup(word) ?? []);
  return sizes.length === words.length ? ok([...new Set(sizes)]) : fail(`must list sizes from: ${VOCABULARIES.targetSizes.labels}`);
}

/** Codes typed by people: full-width characters and spaces removed, upper case. */
function readCode(cell: Cell): string {
  return cellText(cell).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** "C31 黑色金属冶炼和压延加工业" is read as C31: the code at the start of the cell. */
function leadingCode(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  return match ? match[1] : text;
}
const INDUSTRY_AT_START = /^([A-T]\d{2})/;
const REGION_AT_START = /^(\d{6})/;

/** Collects the problems of one row, at most one per column. */
export class RowProblems {
  readonly list: ImportProblem[] = [];
  private readonly columns = new Set<string>();

  constructor(
    private readonly sheet: ImportSheet,
    private readonly row: number,
  ) {}

  add(key: string | null, message: string): void {
    const column = key === null ? null : headerOf(this.sheet, key);
    if (column !== null) {
      if (this.columns.has(column)) return;
      this.columns.add(column);
    }
    this.list.push({ sheet: this.sheet, row: this.row, column, message });
  }

  has(key: string): boolean {
    return this.columns.has(headerOf(this.sheet, key));
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** Reads one cell by its kind; records a problem and returns undefined when it cannot. */
function cell<T>(values: RowRecord['values'], key: string, problems: RowProblems, read: (cell: Cell) => Read<T>, required: boolean): T | undefined {
  const value = values[key] ?? null;
  if (isBlank(value)) {
    if (required) problems.add(key, 'is required');
    return undefined;
  }
  const result = read(value);
  if (!result.ok) {
    problems.add(key, result.message);
    return undefined;
  }
  return result.value;
}

const text = (c: Cell): Read<string> => ok(cellText(c));

/** The API's validation of a DTO, its messages put on the row's columns. */
async function validateDto(dto: object, problems: RowProblems, columnOf: (field: string) => string): Promise<void> {
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  for (const { field, messages } of flattenValidationErrors(errors)) {
    const key = columnOf(field);
    if (problems.has(key)) continue;
    const property = field.split('.').pop() ?? field;
    problems.add(key, messages.map((m) => (m.startsWith(`${property} `) ? m.slice(property.length + 1) : m)).join('; '));
  }
}

export type OrganisationRow = { row: number; creditCode: string; name: string; input: OrganisationInput | null; problems: ImportProblem[] };

export async function readOrganisationRow(record: RowRecord): Promise<OrganisationRow> {
  const { row, values } = record;
  const problems = new RowProblems('organisations', row);
  const plain = {
    name: cell(values, 'name', problems, text, true),
    creditCode: cell(values, 'creditCode', problems, (c) => ok(readCode(c)), true),
    kind: cell(values, 'kind', problems, (c) => readEnum(c, VOCABULARIES.kind), true),
    industry: cell(values, 'industry', problems, (c) => ok(leadingCode(readCode(c), INDUSTRY_AT_START)), true),
    region: cell(values, 'region', problems, (c) => ok(leadingCode(readCode(c), REGION_AT_START)), true),
    size: cell(values, 'size', problems, (c) => readEnum(c, VOCABULARIES.size), true),
    contactName: cell(values, 'contactName', problems, text, true),
    contactPhone: cell(values, 'contactPhone', problems, text, true),
  };
  const dto = plainToInstance(OrganisationDto, plain);
  await validateDto(dto, problems, (field) => field);
  return { row, creditCode: plain.creditCode ?? '', name: plain.name ?? '', input: problems.empty ? { ...dto } : null, problems: problems.list };
}

/** Columns that belong to one typed part; a filled one on a row of another type is ignored. */
const PART_COLUMNS: Record<ListingPart, readonly string[]> = {
  goods: ['category', 'specification', 'quantity', 'unit', 'priceMin', 'priceMax', 'deliveryFrom', 'deliveryTo', 'goodsRegion'],
  financing: ['amount', 'termMonths', 'purpose', 'collateral', 'guaranteeNeeded'],
  credit: [
    'amountMin',
    'amountMax',
    'totalLine',
    'termMinMonths',
    'termMaxMonths',
    'rateMin',
    'rateMax',
    'guaranteeRequirement',
    'targetSizes',
    'targetIndustries',
  ],
  guarantee: ['capacity', 'feeRate', 'targetIndustries', 'targetSizes'],
};

/** DTO field → column key where their names differ. */
const FIELD_COLUMN: Record<string, string> = { region: 'goodsRegion', rateMinBp: 'rateMin', rateMaxBp: 'rateMax', feeRateBp: 'feeRate' };

function listingColumnOf(field: string): string {
  const segments = field.split('.').filter((s) => !/^\d+$/.test(s));
  const last = segments[segments.length - 1] ?? field;
  if (segments.length === 1) return last;
  return FIELD_COLUMN[last] ?? last;
}

/**
 * A listings row read up to what needs the database: the organisation (by credit code) and the
 * session (by title or id) are resolved by the planner, which then calls `finish`.
 */
export type ListingRow = {
  row: number;
  creditCode: string;
  session: string;
  role: ParticipantRole | null;
  type: ListingType | null;
  title: string;
  /** The input without the defaults that come from the organisation; null when a cell was wrong. */
  draft: ListingInput | null;
  /** Whether the goods region was left blank (it defaults to the organisation's region). */
  defaultRegion: boolean;
  problems: RowProblems;
  warnings: ImportProblem[];
};

export function readListingRow(record: RowRecord): ListingRow {
  const { row, values } = record;
  const problems = new RowProblems('listings', row);
  const warnings: ImportProblem[] = [];
  const creditCode = cell(values, 'creditCode', problems, (c) => ok(readCode(c)), true) ?? '';
  const session = cell(values, 'session', problems, text, true) ?? '';
  const role = cell(values, 'role', problems, (c) => readEnum(c, VOCABULARIES.role), false) ?? null;
  const type = cell(values, 'type', problems, (c) => readEnum(c, VOCABULARIES.type), true) ?? null;
  const title = cell(values, 'title', problems, text, true) ?? '';
  const description = cell(values, 'description', problems, text, false);
  let draft: ListingInput | null = null;
  let defaultRegion = false;
  if (type) {
    const part = PART_OF_TYPE[type];
    const needs = (group: string) => part === group || (group === 'credit_guarantee' && (part === 'credit' || part === 'guarantee'));
    const required = (key: string) => {
      const column = LISTING_COLUMNS.find((c) => c.key === key);
      return column !== undefined && typeof column.required === 'string' && needs(column.required);
    };
    const read = <T>(key: string, reader: (c: Cell) => Read<T>) => cell(values, key, problems, reader, required(key));
    const mine = new Set(PART_COLUMNS[part]);
    for (const [other, keys] of Object.entries(PART_COLUMNS)) {
      if (other === part) continue;
      for (const key of keys) {
        if (!mine.has(key) && !isBlank(values[key] ?? null)) {
          warnings.push({
            sheet: 'listings',
            row,
            column: headerOf('listings', key),
            message: `ignored: it does not apply to a ${VOCABULARIES.type.label(type)} listing`,
          });
        }
      }
    }
    draft = { type, title, ...(description ? { description } : {}) };
    switch (part) {
      case 'goods': {
        const category = read('category', (c): Read<string> => {
          // Names, parts of names (钾肥 for 氯化钾（钾肥）) and trade names (电解铜, 商混) as organisers type them.
          const code = findCategoryByWord(cellText(c))?.code;
          return code ? ok(code) : fail('is not a product category of the taxonomy (use its Chinese name, e.g. 钢材, or its code)');
        });
        const region = read('goodsRegion', (c) => ok(leadingCode(readCode(c), REGION_AT_START)));
        defaultRegion = region === undefined && !problems.has('goodsRegion');
        draft.goods = {
          category: category ?? '',
          ...(isBlank(values.specification ?? null) ? {} : { specification: read('specification', text) }),
          quantity: read('quantity', readNumber) ?? Number.NaN,
          unit: read('unit', text) ?? (category ? (findCategory(category)?.defaultUnit ?? '') : ''),
          priceMin: read('priceMin', readInteger) ?? null,
          priceMax: read('priceMax', readInteger) ?? null,
          deliveryFrom: read('deliveryFrom', readDate) ?? null,
          deliveryTo: read('deliveryTo', readDate) ?? null,
          region: region ?? '',
        };
        break;
      }
      case 'financing': {
        const collateral = read('collateral', text);
        draft.financing = {
          amount: read('amount', readWan) ?? Number.NaN,
          termMonths: read('termMonths', readInteger) ?? Number.NaN,
          purpose: read('purpose', (c) => readEnum(c, VOCABULARIES.purpose)) ?? 'working_capital',
          ...(collateral ? { collateral } : {}),
          guaranteeNeeded:
            read('guaranteeNeeded', (c): Read<boolean> => {
              if (typeof c === 'boolean') return ok(c);
              const yes = readBoolean(cellText(c));
              return yes === undefined ? fail('must be 是 or 否') : ok(yes);
            }) ?? false,
        };
        break;
      }
      case 'credit':
        draft.credit = {
          amountMin: read('amountMin', readWan) ?? Number.NaN,
          amountMax: read('amountMax', readWan) ?? Number.NaN,
          totalLine: read('totalLine', readWan) ?? Number.NaN,
          termMinMonths: read('termMinMonths', readInteger) ?? Number.NaN,
          termMaxMonths: read('termMaxMonths', readInteger) ?? Number.NaN,
          rateMinBp: read('rateMin', readPercent) ?? Number.NaN,
          rateMaxBp: read('rateMax', readPercent) ?? Number.NaN,
          targetIndustries:
            read('targetIndustries', (c) => ok(readList(c).map((code) => leadingCode(code.normalize('NFKC').toUpperCase(), INDUSTRY_AT_START)))) ?? [],
          targetSizes: read('targetSizes', readSizes) ?? [],
          guaranteeRequirement: read('guaranteeRequirement', (c) => readEnum(c, VOCABULARIES.guaranteeRequirement)) ?? 'none',
        };
        break;
      case 'guarantee':
        draft.guarantee = {
          capacity: read('capacity', readWan) ?? Number.NaN,
          feeRateBp: read('feeRate', readPercent) ?? Number.NaN,
          targetIndustries:
            read('targetIndustries', (c) => ok(readList(c).map((code) => leadingCode(code.normalize('NFKC').toUpperCase(), INDUSTRY_AT_START)))) ?? [],
          targetSizes: read('targetSizes', readSizes) ?? [],
        };
        break;
    }
  }
  return { row, creditCode, session, role, type, title, draft: problems.empty ? draft : null, defaultRegion, problems, warnings };
}

/**
 * Completes a listing row once its organisation is known (the goods region defaults to the
 * organisation's) and runs the API's rules on it: its DTO's checks, then the listing rules
 * (listing-rules.ts), each of their problems on its column. Returns the input, or null with the
 * row's problems recorded.
 */
export async function finishListingRow(row: ListingRow, organisationRegion: string | null): Promise<ListingInput | null> {
  const draft = row.draft;
  if (!draft) return null;
  if (draft.goods && row.defaultRegion) {
    if (organisationRegion === null) return null;
    draft.goods.region = organisationRegion;
  }
  const dto = plainToInstance(ListingDto, draft);
  await validateDto(dto, row.problems, listingColumnOf);
  if (row.problems.empty) {
    for (const problem of listingProblems(dto.type, dto)) row.problems.add(listingColumnOf(problem.field), problem.message);
  }
  return row.problems.empty ? draft : null;
}
