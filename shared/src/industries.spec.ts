import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, findIndustry, isValidIndustryCode } from './industries';

describe('GB/T 4754-2017 table', () => {
  it('has the 20 sections A–T', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_SECTIONS.find((s) => s.code === 'C')?.name).toBe('制造业');
    expect(INDUSTRY_SECTIONS.find((s) => s.code === 'J')?.nameEn).toBe('Finance');
  });

  it('has the 97 divisions 01–97 in order, each once', () => {
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    INDUSTRY_DIVISIONS.forEach((d, i) => {
      expect(d.division).toBe(String(i + 1).padStart(2, '0'));
      expect(d.code).toBe(d.section + d.division);
      expect(d.name).not.toBe('');
      expect(d.nameEn).not.toBe('');
    });
  });

  it('puts divisions in the right sections', () => {
    const count = (section: string) => INDUSTRY_DIVISIONS.filter((d) => d.section === section).length;
    expect(count('A')).toBe(5);
    expect(count('B')).toBe(7);
    expect(count('C')).toBe(31);
    expect(count('D')).toBe(3);
    expect(count('E')).toBe(4);
    expect(count('J')).toBe(4);
    expect(count('S')).toBe(6);
    expect(count('T')).toBe(1);
    // Sections are contiguous ranges of division numbers.
    for (const s of INDUSTRY_SECTIONS) {
      const numbers = INDUSTRY_DIVISIONS.filter((d) => d.section === s.code).map((d) => Number(d.division));
      expect(numbers.length).toBeGreaterThan(0);
      expect(Math.max(...numbers) - Math.min(...numbers) + 1).toBe(numbers.length);
    }
  });
});

describe('findIndustry', () => {
  it('finds divisions by their lettered code', () => {
    expect(findIndustry('C31')).toEqual({
      code: 'C31',
      section: 'C',
      division: '31',
      name: '黑色金属冶炼和压延加工业',
      nameEn: 'Smelting and pressing of ferrous metals',
    });
    expect(findIndustry('C32')?.name).toBe('有色金属冶炼和压延加工业');
    expect(findIndustry('C30')?.name).toBe('非金属矿物制品业');
    expect(findIndustry('C38')?.name).toBe('电气机械和器材制造业');
    expect(findIndustry('B08')?.name).toBe('黑色金属矿采选业');
    expect(findIndustry('B09')?.name).toBe('有色金属矿采选业');
    expect(findIndustry('J66')?.name).toBe('货币金融服务');
    expect(findIndustry('E47')?.name).toBe('房屋建筑业');
    expect(findIndustry('F51')?.name).toBe('批发业');
    expect(findIndustry('F52')?.name).toBe('零售业');
    expect(findIndustry('T97')?.name).toBe('国际组织');
  });

  it('returns undefined for unknown or mis-lettered codes', () => {
    expect(findIndustry('B31')).toBeUndefined();
    expect(findIndustry('C98')).toBeUndefined();
    expect(findIndustry('31')).toBeUndefined();
  });
});

describe('isValidIndustryCode', () => {
  it('accepts every division with its own section letter', () => {
    for (const d of INDUSTRY_DIVISIONS) expect(isValidIndustryCode(d.code)).toBe(true);
  });

  it('rejects a division under another section letter', () => {
    expect(isValidIndustryCode('B31')).toBe(false);
    expect(isValidIndustryCode('C66')).toBe(false);
    expect(isValidIndustryCode('A06')).toBe(false);
  });

  it('rejects unknown and malformed codes', () => {
    for (const code of ['C00', 'C99', 'U98', 'C3', 'C031', 'c31', ' C31', '31', 'C', '']) {
      expect(isValidIndustryCode(code)).toBe(false);
    }
  });
});
