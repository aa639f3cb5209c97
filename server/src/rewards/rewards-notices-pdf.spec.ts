import { pdfText } from '../testing/pdf-text';
import { criticismPdf, praisePdf, wanText, type RewardNoticeData } from './rewards-notices-pdf';

const base: RewardNoticeData = {
  eventName: '2026年工业经济金融对接会',
  periodName: '2026年第一季度',
  periodSpan: { startsOn: '2026-01-01', endsOn: '2026-03-31' },
  runSeq: 2,
  // 16:30 UTC on 31 March is already 1 April in Shanghai.
  approvedAt: '2026-03-31T16:30:00.000Z',
  timeZone: 'Asia/Shanghai',
  organiserName: '省工业和信息化厅',
  praise: [
    {
      class: 'bank',
      name: '工商银行省分行',
      amount: 3_500_000,
      reasons: ['信贷投放增幅 12.4%，超过去年同期 5% 以上；超出部分 7.4 亿元，按每亿元 50 万元计 350 万元'],
    },
    { class: 'guarantor', name: '省再担保集团', amount: 1_234_500, reasons: ['新设担保机构，按注册资本 0.5% 计 123.45 万元'] },
    { class: 'bank', name: '农业银行省分行', amount: 1_500_000, reasons: ['小微企业贷款增长排名第 1（并列），奖励 15 万元'] },
  ],
  criticism: [
    { class: 'bank', name: '某某村镇银行', reason: '小微企业贷款不良率 6.10%，超过 5%' },
    { class: 'microlender', name: '某某小额贷款公司', reason: '未按期报送统计数据' },
  ],
};

const squash = (text: string) => text.replace(/\s+/g, '');

describe('reward notices as PDFs', () => {
  it('prints the praise list with each institution, its amount in 万元, the reasons, the class totals, the issuer and the date in the event zone', async () => {
    const pdf = await praisePdf(base);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages, info } = pdfText(pdf);
    const flat = squash(text);
    expect(pages).toBe(1);
    expect(flat).toContain('表扬名单');
    expect(flat).toContain('省工业和信息化厅');
    expect(flat).toContain('2026年1月1日至2026年3月31日');
    expect(flat).toContain('工商银行省分行');
    expect(flat).toContain('350.00');
    expect(flat).toContain('123.45');
    expect(flat).toContain('超出部分7.4亿元');
    // Banks first with their subtotal (350 + 150), then guarantors.
    expect(flat).toContain('一、银行业金融机构（2家）');
    expect(flat).toContain('二、融资担保机构（1家）');
    expect(flat).toContain('小计500.00');
    expect(flat).toContain('合计623.45万元');
    expect(flat).toContain('2026年4月1日');
    expect(flat).toContain('第1页共1页');
    expect(info.Title).toContain('表扬名单');
  });

  it('prints the notice of criticism titled 关于……的通报 with each institution and its reason', async () => {
    const { text } = pdfText(await criticismPdf(base));
    const flat = squash(text);
    expect(flat).toContain('关于2026年第一季度考核未达标单位的通报');
    expect(flat).toContain('某某村镇银行');
    expect(flat).toContain('不良率6.10%');
    expect(flat).toContain('二、小额贷款公司（1家）');
    expect(flat).toContain('未按期报送统计数据');
    expect(flat).not.toContain('工商银行省分行');
    expect(flat).toContain('2026年4月1日');
  });

  it('runs a long list over several pages, repeating the table head and numbering every page', async () => {
    const praise = Array.from({ length: 120 }, (_, i) => ({
      class: 'bank' as const,
      name: `测试银行${String(i + 1).padStart(3, '0')}号支行`,
      amount: (i + 1) * 10_000,
      reasons: [`第${i + 1}条奖励依据`],
    }));
    const { text, pages } = pdfText(await praisePdf({ ...base, praise }));
    expect(pages).toBeGreaterThan(2);
    const pageTexts = text.split('\f').map(squash);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(`第${i + 1}页共${pages}页`);
      expect(page).toContain('奖励金额（万元）');
    });
    for (const i of [1, 60, 120]) expect(squash(text)).toContain(`测试银行${String(i).padStart(3, '0')}号支行`);
    // 1 + 2 + … + 120 万元.
    expect(squash(text)).toContain(`合计${wanText(((120 * 121) / 2) * 10_000)}万元`);
    expect(wanText(72_600_000)).toBe('7,260.00');
  });

  it('says so when nobody is praised or criticised', async () => {
    const empty = { ...base, praise: [], criticism: [] };
    expect(squash(pdfText(await praisePdf(empty)).text)).toContain('本期没有获得奖励的单位');
    expect(squash(pdfText(await criticismPdf(empty)).text)).toContain('本期没有需要通报批评的单位');
  });
});
