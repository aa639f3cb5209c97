import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS } from './columns';
import { finishListingRow, readListingRow, readOrganisationRow } from './rows';

const row = (values: Record<string, string | number | boolean | Date | null>) => ({ row: 2, values });

describe('reading import rows', () => {
  it('reads Chinese labels, 万元, percent and Excel dates into the API’s codes and units', async () => {
    const credit = readListingRow(
      row({
        creditCode: ' 91630100ma7xq3rd0h ',
        session: '银企对接专场',
        type: '信贷产品',
        title: '科技贷',
        amountMin: 0,
        amountMax: '3,000',
        totalLine: 50000.0001,
        termMinMonths: 6,
        termMaxMonths: 36,
        rateMin: 3.45,
        rateMax: '4.2',
        guaranteeRequirement: '抵押或保证',
        targetSizes: '中型、小型',
        targetIndustries: 'C31，c32',
      }),
    );
    expect(credit.problems.list).toEqual([]);
    expect(credit.creditCode).toBe('91630100MA7XQ3RD0H');
    expect(credit.draft?.credit).toEqual({
      amountMin: 0,
      amountMax: 30_000_000,
      totalLine: 500_000_001,
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 345,
      rateMaxBp: 420,
      guaranteeRequirement: 'collateral_or_guarantee',
      targetSizes: ['medium', 'small'],
      targetIndustries: ['C31', 'C32'],
    });
    const goods = readListingRow(
      row({
        creditCode: '91630100MA7XQ3RD0H',
        session: 's',
        type: '需求',
        title: '采购钢材',
        category: '钢材',
        quantity: 100,
        deliveryFrom: new Date(Date.UTC(2027, 0, 1)),
        deliveryTo: '2027年6月30日',
      }),
    );
    expect(goods.draft?.goods).toMatchObject({ category: 'steel', unit: '吨', deliveryFrom: '2027-01-01', deliveryTo: '2027-06-30' });
    expect(goods.defaultRegion).toBe(true);
  });

  it('names the column and says what is wrong', async () => {
    const bad = readListingRow(
      row({
        creditCode: '',
        session: 's',
        type: '融资需求',
        title: 't',
        amount: 1.00001,
        termMonths: 12.5,
        purpose: '买房',
        guaranteeNeeded: '也许',
        collateral: null,
      }),
    );
    expect(bad.problems.list).toEqual([
      { sheet: 'listings', row: 2, column: '统一社会信用代码', message: 'is required' },
      { sheet: 'listings', row: 2, column: '融资金额（万元）', message: 'is in 万元 with at most 4 decimal places (one yuan)' },
      { sheet: 'listings', row: 2, column: '融资期限（月）', message: 'must be a whole number' },
      { sheet: 'listings', row: 2, column: '融资用途', message: 'must be one of: 流动资金, 技术改造, 项目建设' },
      { sheet: 'listings', row: 2, column: '需要担保', message: 'must be 是 or 否' },
    ]);
    const org = await readOrganisationRow(
      row({
        name: '某公司',
        creditCode: '91630100MA7XQ3RD0A',
        kind: '企业',
        industry: 'C31 黑色金属冶炼和压延加工业',
        region: '630100',
        size: '大型',
        contactName: '张伟',
        contactPhone: 'abc',
      }),
    );
    expect(org.input).toBeNull();
    expect(org.problems.map((p) => p.column)).toEqual(['统一社会信用代码', '联系电话']);
  });

  it('puts every problem of the listing rules on its column', async () => {
    const goods = readListingRow(
      row({
        creditCode: '91630100MA7XQ3RD0H',
        session: 's',
        type: '供应',
        title: 't',
        category: '钢材',
        quantity: 1,
        priceMin: 4000,
        priceMax: 3000,
        deliveryFrom: '2027-06-30',
        deliveryTo: '2027-01-01',
      }),
    );
    expect(await finishListingRow(goods, '630100')).toBeNull();
    expect(goods.problems.list).toEqual([
      { sheet: 'listings', row: 2, column: '最高单价（元）', message: 'must not be below priceMin' },
      { sheet: 'listings', row: 2, column: '交货截止日期', message: 'must not be before deliveryFrom' },
    ]);
    const credit = readListingRow(
      row({
        creditCode: '91630100MA7XQ3RD0H',
        session: 's',
        type: '信贷产品',
        title: 't',
        amountMin: 100,
        amountMax: 300,
        totalLine: 5000,
        termMinMonths: 6,
        termMaxMonths: 36,
        rateMin: 4.2,
        rateMax: 3.45,
        guaranteeRequirement: '无',
      }),
    );
    expect(await finishListingRow(credit, null)).toBeNull();
    expect(credit.problems.list).toEqual([{ sheet: 'listings', row: 2, column: '最高年利率（%）', message: 'must not be below rateMinBp' }]);
  });

  it('reads a guarantee product’s 面向企业规模 like a credit product’s: labels or codes, each once; blank serves every size', async () => {
    const base = { creditCode: '91630100MA7XQ3RD0H', session: 's', type: '担保产品', title: '小微企业融资担保', capacity: 20000, feeRate: 1.5 };
    const sized = readListingRow(row({ ...base, targetSizes: '小型、微型，small', targetIndustries: 'C31' }));
    expect(sized.problems.list).toEqual([]);
    expect(sized.warnings).toEqual([]);
    expect(sized.draft?.guarantee).toEqual({ capacity: 200_000_000, feeRateBp: 150, targetIndustries: ['C31'], targetSizes: ['small', 'micro'] });
    expect(await finishListingRow(sized, null)).toMatchObject({ guarantee: { targetSizes: ['small', 'micro'] } });
    expect(readListingRow(row(base)).draft?.guarantee?.targetSizes).toEqual([]);
    const bad = readListingRow(row({ ...base, targetSizes: '小型、巨型' }));
    expect(bad.draft).toBeNull();
    expect(bad.problems.list).toEqual([{ sheet: 'listings', row: 2, column: '面向企业规模', message: expect.stringMatching(/^must list sizes from: 大型/) }]);
  });

  it('notes cells of another listing type’s columns, which are ignored', () => {
    const r = readListingRow(row({ creditCode: '91630100MA7XQ3RD0H', session: 's', type: '供应', title: 't', category: 'steel', quantity: 1, amount: 500 }));
    expect(r.warnings).toEqual([{ sheet: 'listings', row: 2, column: '融资金额（万元）', message: 'ignored: it does not apply to a 供应 listing' }]);
  });

  it('documents every column in docs/import.md', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'import.md'), 'utf8');
    for (const column of [...COLUMNS.organisations, ...COLUMNS.listings]) expect(doc).toContain(`| ${column.header} |`);
  });
});
