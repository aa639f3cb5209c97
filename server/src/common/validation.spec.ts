import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListingDto } from '../listings/dto/listing.dto';
import { flattenValidationErrors } from './validation';

describe('flattenValidationErrors', () => {
  it('names nested fields with dotted paths', () => {
    const dto = plainToInstance(ListingDto, { type: 'supply', title: 't', goods: { category: 'steel', quantity: -5, unit: '吨', region: '630100' } });
    const fields = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    expect(fields).toEqual([{ field: 'goods.quantity', messages: [expect.stringContaining('quantity')] }]);
  });

  it('refuses a quantity with too many decimal places, also one written with an exponent (1e-7), as a field error', () => {
    for (const quantity of [1.2345, 1e-7, 1e-308]) {
      const dto = plainToInstance(ListingDto, { type: 'supply', title: 't', goods: { category: 'steel', quantity, unit: '吨', region: '630100' } });
      expect(flattenValidationErrors(validateSync(dto)).map((f) => f.field)).toEqual(['goods.quantity']);
    }
    const fine = plainToInstance(ListingDto, { type: 'supply', title: 't', goods: { category: 'steel', quantity: 12.125, unit: '吨', region: '630100' } });
    expect(validateSync(fine)).toEqual([]);
  });

  it('requires the typed part of the listing type only', () => {
    const dto = plainToInstance(ListingDto, { type: 'credit_offer', title: 't' });
    const fields = flattenValidationErrors(validateSync(dto)).map((f) => f.field);
    expect(fields).toEqual(['credit']);
  });
});
