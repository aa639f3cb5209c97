import { collateralOffered } from './collateral';

describe('collateralOffered', () => {
  it.each(['无', '没有', '暂无', '无抵押', '无抵押物', '不提供', 'none', 'None', 'NO', 'n/a', 'N/A', '-', '/', '—', '', '   ', ' 无 ', '无。', '－', '／'])(
    'reads %j as no collateral',
    (text) => expect(collateralOffered(text)).toBe(false),
  );

  it('reads an absent field as no collateral', () => {
    expect(collateralOffered(undefined)).toBe(false);
    expect(collateralOffered(null)).toBe(false);
  });

  it.each(['厂房设备', '土地使用权抵押', '应收账款质押', '无形资产质押', '铝锭存货质押', 'plant and equipment', 'no. 3 workshop'])(
    'reads %j as collateral offered',
    (text) => expect(collateralOffered(text)).toBe(true),
  );
});
