import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { nikPrefix } from './participant-query.js';

const render = (digits: string) => new PgDialect().sqlToQuery(nikPrefix(digits));

describe('nikPrefix', () => {
  it('is a range from the prefix to the next prefix of the same length', () => {
    expect(render('3276031').params).toEqual(['3276031', '3276032']);
    expect(render('3276039').params).toEqual(['3276039', '3276040']);
    expect(render('0999').params).toEqual(['0999', '1000']);
    expect(render('3276031708900001').params).toEqual(['3276031708900001', '3276031708900002']);
  });

  it('has no upper bound after a prefix of nines', () => {
    const q = render('9999');
    expect(q.params).toEqual(['9999']);
    expect(q.sql).toContain('>=');
  });
});
