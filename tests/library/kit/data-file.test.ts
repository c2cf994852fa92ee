/** A data file that breaks its schema stops the build, naming the file and what is wrong. */
import { z } from 'zod';
import { parseExamples } from '../../../library/kit';
import examples from '../../../library/templates/tiered-commission.examples.json';
import { TEAM } from '../../../library/templates/tiered-commission';

const rows = { team: z.array(z.tuple([z.string(), z.string(), z.number(), z.number()])) };

describe('parseExamples', () => {
  it('reads a template\'s shipped sample rows as they are', () => {
    expect(parseExamples('tiered-commission', examples, rows).team).toEqual(TEAM);
  });

  it('refuses a row of the wrong shape, naming the file and the cell', () => {
    const broken = { team: [['Chen Jing', '陈静', '200000', 42_000]] };
    expect(() => parseExamples('tiered-commission', broken, rows)).toThrow(/^templates\/tiered-commission\.examples\.json: team\.0\.2: /);
  });

  it('refuses a key the template does not read', () => {
    expect(() => parseExamples('tiered-commission', { ...examples, extra: [] }, rows)).toThrow(/^templates\/tiered-commission\.examples\.json: .*extra/);
  });
});
