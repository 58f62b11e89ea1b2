import { expect } from '@open-wc/testing';
import { checkAttributes, type Category } from '@rights-kit/sdk';
import { buildPetition } from './petition.js';
import { attributeIssues, validate } from './petition-rules.js';
import type { Values } from './values.js';

/** A category with one field of each kind these checks are about. */
const category: Category = {
  code: 'labour-rights',
  name: { 'zh-CN': '劳动权益', en: 'Labour rights' },
  fields: [
    { code: 'employer', label: 'Employer', type: 'text', required: true, min: 2, max: 40 },
    { code: 'contract', label: 'Contract', type: 'select', required: true, options: [{ value: 'written', label: 'Written' }, { value: 'none', label: 'None' }] },
    { code: 'kinds', label: 'Kinds', type: 'multiselect', required: false, options: [{ value: 'wages', label: 'Wages' }, { value: 'dismissal', label: 'Dismissal' }] },
    { code: 'months', label: 'Months', type: 'number', required: false, min: 0, max: 120 },
  ],
};

/** Answers that pass everything but the category's own fields. */
const base: Values = { category: 'labour-rights', description: 'The factory has not paid three months of wages.', onBehalfOf: 'self', anonymous: 'yes', consent: true, immediateDanger: 'no' };

const issuesAt = (values: Values) => validate({ ...base, ...values }, category, { locale: 'en', phoneFormat: 'any' }).filter((i) => i.path.startsWith('attributes.'));
const codeAt = (values: Values, field: string) => issuesAt(values).find((i) => i.path === `attributes.${field}`)?.code;

describe('form/petition: a category’s own fields are checked as the backends check them', () => {
  const answered: Values = { 'attributes.employer': 'Qinghe Garment Factory', 'attributes.contract': 'written' };

  it('holds a text field to its `min` (too_short), not only its `max`', () => {
    expect(codeAt({ ...answered, 'attributes.employer': 'Q' }, 'employer')).to.equal('too_short');
    expect(codeAt({ ...answered, 'attributes.employer': 'Qi' }, 'employer')).to.equal(undefined);
    expect(codeAt({ ...answered, 'attributes.employer': 'Q'.repeat(41) }, 'employer')).to.equal('too_long');
  });

  it('calls a missing required select `required`, like any missing answer', () => {
    expect(codeAt({ 'attributes.employer': 'Qinghe' }, 'contract')).to.equal('required');
    expect(codeAt({ 'attributes.employer': 'Qinghe', 'attributes.contract': '' }, 'contract')).to.equal('required');
    expect(codeAt({ 'attributes.employer': 'Qinghe', 'attributes.contract': 'verbal' }, 'contract')).to.equal('invalid_choice');
  });

  it('refuses a multiselect that names an option twice', () => {
    expect(codeAt({ ...answered, 'attributes.kinds': ['wages', 'wages'] }, 'kinds')).to.equal('invalid_choice');
    expect(codeAt({ ...answered, 'attributes.kinds': ['wages', 'dismissal'] }, 'kinds')).to.equal(undefined);
  });

  it('finds exactly what the sdk’s checkAttributes finds on the petition it would send', () => {
    const samples: Values[] = [
      {},
      answered,
      { ...answered, 'attributes.months': '-1' },
      { ...answered, 'attributes.months': 'twelve' },
      { ...answered, 'attributes.kinds': ['dismissal', 'dismissal'], 'attributes.employer': 'Q' },
    ];
    for (const sample of samples) {
      const values = { ...base, ...sample };
      const petition = buildPetition(values, category, 'en') as { attributes?: Record<string, never> };
      const expected = checkAttributes(category.fields, petition.attributes).map((i) => `${i.path}:${i.code}`);
      expect(attributeIssues(category, values).map((i) => `${i.path}:${i.code}`), JSON.stringify(sample)).to.deep.equal(expected);
    }
  });
});
