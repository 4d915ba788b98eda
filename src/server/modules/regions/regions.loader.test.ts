import { describe, expect, it } from 'vitest';
import { parseAreaCsv } from './regions.loader.js';
import { ancestorCodes } from './regions.service.js';

describe('parseAreaCsv', () => {
  it('reads code, parent and quoted names with commas', () => {
    const rows = parseAreaCsv(
      'code,district_code,name\n32.76.03.1001,32.76.03,Pasir Putih\n11.01.01.2001,11.01.01,"Ujong, ""Baru"""\n',
    );
    expect(rows).toEqual([
      ['32.76.03.1001', '32.76.03', 'Pasir Putih'],
      ['11.01.01.2001', '11.01.01', 'Ujong, "Baru"'],
    ]);
  });
});

describe('ancestorCodes', () => {
  it('lists the ancestors province first', () => {
    expect(ancestorCodes('32.76.03.1001')).toEqual(['32', '32.76', '32.76.03']);
    expect(ancestorCodes('32')).toEqual([]);
  });
});
