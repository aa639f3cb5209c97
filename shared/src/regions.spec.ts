import { PROVINCES, REGIONS, findRegion, isInProvince, isValidRegionCode, provinceOf, regionLabel } from './regions';

describe('region table', () => {
  it('has the 31 provincial-level divisions, each a xx0000 code', () => {
    expect(PROVINCES).toHaveLength(31);
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^[1-6][0-9]0000$/);
      expect(p.level).toBe('province');
    }
    expect(PROVINCES.map((p) => p.name)).toEqual(expect.arrayContaining(['北京市', '青海省', '甘肃省', '西藏自治区', '新疆维吾尔自治区', '重庆市']));
  });

  it('has unique codes, and levels that agree with the code', () => {
    const codes = REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of REGIONS) {
      expect(r.code).toMatch(/^[0-9]{6}$/);
      expect(r.name).not.toBe('');
      expect(r.nameEn).not.toBe('');
      const level = r.code.endsWith('0000') ? 'province' : r.code.endsWith('00') ? 'prefecture' : 'county';
      expect(r.level).toBe(level);
      // Every prefecture and county sits in a listed province; every county in a listed prefecture.
      expect(findRegion(provinceOf(r.code))).toBeDefined();
      if (r.level === 'county') expect(findRegion(`${r.code.slice(0, 4)}00`)).toBeDefined();
    }
  });

  it('lists all eight prefecture-level divisions of Qinghai', () => {
    const qinghai = REGIONS.filter((r) => r.level === 'prefecture' && r.code.startsWith('63')).map((r) => r.code);
    expect(qinghai.sort()).toEqual(['630100', '630200', '632200', '632300', '632500', '632600', '632700', '632800']);
    expect(findRegion('632800')?.name).toBe('海西蒙古族藏族自治州');
  });

  it('lists the districts and counties of Xining and Haixi', () => {
    expect(findRegion('630102')?.name).toBe('城东区');
    expect(findRegion('630106')?.name).toBe('湟中区');
    expect(findRegion('630121')?.name).toBe('大通回族土族自治县');
    expect(findRegion('632801')?.name).toBe('格尔木市');
    expect(findRegion('632803')?.name).toBe('茫崖市');
    expect(findRegion('632823')?.name).toBe('天峻县');
  });

  it('has the capital of every province', () => {
    for (const p of PROVINCES) {
      const capital = findRegion(`${p.code.slice(0, 2)}0100`);
      expect(capital).toBeDefined();
      expect(capital?.level).toBe('prefecture');
    }
    expect(findRegion('620100')?.name).toBe('兰州市');
    expect(findRegion('610100')?.name).toBe('西安市');
    expect(findRegion('110100')?.name).toBe('北京市');
  });
});

describe('isValidRegionCode', () => {
  it('accepts listed codes', () => {
    for (const code of ['630000', '630100', '630104', '632802', '110000', '510100', '620300']) {
      expect(isValidRegionCode(code)).toBe(true);
    }
  });

  it('requires an exact match inside Qinghai, which is listed in full', () => {
    expect(isValidRegionCode('630199')).toBe(false);
    expect(isValidRegionCode('632900')).toBe(false);
    expect(isValidRegionCode('630300')).toBe(false);
  });

  it('accepts unlisted prefectures and counties of other known provinces', () => {
    expect(isValidRegionCode('110105')).toBe(true); // 北京市朝阳区
    expect(isValidRegionCode('440300')).toBe(true); // 深圳市
    expect(isValidRegionCode('510104')).toBe(true); // 成都市锦江区
  });

  it('rejects unknown provinces, a missing prefecture part and malformed input', () => {
    expect(isValidRegionCode('710000')).toBe(false); // not among the 31 in the table
    expect(isValidRegionCode('990100')).toBe(false);
    expect(isValidRegionCode('440012')).toBe(false);
    expect(isValidRegionCode('63010')).toBe(false);
    expect(isValidRegionCode('6301000')).toBe(false);
    expect(isValidRegionCode('63o100')).toBe(false);
    expect(isValidRegionCode('')).toBe(false);
  });
});

describe('provinceOf and isInProvince', () => {
  it('takes the first two digits', () => {
    expect(provinceOf('632801')).toBe('630000');
    expect(provinceOf('630000')).toBe('630000');
    expect(provinceOf('620100')).toBe('620000');
  });

  it('tells in-province from out-of-province codes', () => {
    expect(isInProvince('632801', '630000')).toBe(true);
    expect(isInProvince('630000', '630000')).toBe(true);
    expect(isInProvince('620100', '630000')).toBe(false);
    expect(isInProvince('510100', '630000')).toBe(false);
    // Any code of the province may stand for it.
    expect(isInProvince('630104', '630100')).toBe(true);
    expect(isInProvince('bad', '630000')).toBe(false);
  });
});

describe('regionLabel', () => {
  it('labels provinces, prefectures and counties in Chinese', () => {
    expect(regionLabel('630000', 'zh-CN')).toBe('青海省');
    expect(regionLabel('630100', 'zh-CN')).toBe('青海省 西宁市');
    expect(regionLabel('632801', 'zh-CN')).toBe('青海省 海西蒙古族藏族自治州 格尔木市');
  });

  it('labels from small to large in English', () => {
    expect(regionLabel('630000', 'en')).toBe('Qinghai');
    expect(regionLabel('630100', 'en')).toBe('Xining, Qinghai');
    expect(regionLabel('630102', 'en')).toBe('Chengdong District, Xining, Qinghai');
  });

  it('does not repeat a municipality', () => {
    expect(regionLabel('110100', 'zh-CN')).toBe('北京市');
    expect(regionLabel('500100', 'en')).toBe('Chongqing');
  });

  it('falls back to the code when it is not in the table', () => {
    expect(regionLabel('110105', 'zh-CN')).toBe('110105');
    expect(regionLabel('nonsense', 'en')).toBe('nonsense');
  });
});
