import { randomInt } from 'node:crypto';
import { TestApp, type Actor } from '../testing/test-app';
import { downloadXlsx, sheetRecords } from '../testing/xlsx-download';

describe('organisations export (integration)', () => {
  let t: TestApp;
  let organiser: Actor;
  let bank: Actor & { creditCode: string };
  let mark: string;

  beforeAll(async () => {
    t = await TestApp.start();
    organiser = await t.organiser();
    mark = `导出${randomInt(1e9)}`;
    bank = await t.organisation('bank', { name: `${mark}银行西宁分行`, region: '630102', size: 'large' });
    await t.organisation('enterprise', { name: `${mark}建材公司`, approve: false });
  });
  afterAll(() => t.close());

  it('writes the organisations the filters keep, pending first, with contacts and Chinese labels', async () => {
    const q = encodeURIComponent(mark);
    const all = await downloadXlsx(t, organiser, `/organisations/export.xlsx?q=${q}`);
    expect(all.status).toBe(200);
    expect(all.headers['x-export-rows']).toBe('2');
    expect(all.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('机构名录.xlsx')}`);
    const rows = sheetRecords(all.workbook!, '机构');
    expect(rows.map((r) => [r['机构名称'], r['状态']])).toEqual([
      [`${mark}建材公司`, '待审核'],
      [`${mark}银行西宁分行`, '已通过'],
    ]);
    expect(rows[1]).toMatchObject({
      统一社会信用代码: bank.creditCode,
      机构类型: '银行',
      行业: 'J66 货币金融服务',
      地区代码: '630102',
      规模: '大型',
      联系人: '张三',
      联系电话: '0971-1234567',
    });
    expect(rows[1]['地区']).toContain('城东区');

    const banks = await downloadXlsx(t, organiser, `/organisations/export.xlsx?q=${q}&kind=bank&status=approved`);
    expect(sheetRecords(banks.workbook!, '机构').map((r) => r['机构名称'])).toEqual([`${mark}银行西宁分行`]);
  });

  it('is for organisers only (a member reads the directory, not the export), and takes no paging', async () => {
    expect((await downloadXlsx(t, bank, '/organisations/export.xlsx')).status).toBe(403);
    expect((await downloadXlsx(t, organiser, '/organisations/export.xlsx?pageSize=5')).status).toBe(400);
  });
});
