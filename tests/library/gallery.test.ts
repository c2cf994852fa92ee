/**
 * The gallery texts of the templates written in code are data (library/templates/gallery.json):
 * every such template has an entry, in both languages, that its metadata and Instructions show,
 * and the file has no entry without a template. A broken entry stops the build.
 */
import { parseGallery } from '../../library/kit';
import { BUILT_IN_TEMPLATES } from '../../library/templates';
import { GALLERY } from '../../library/templates/gallery-texts';

const codeFamilies = [...new Set(BUILT_IN_TEMPLATES.map((template) => template.family))].filter((family) => !family.startsWith('scorecard-'));
const english = (family: string) => BUILT_IN_TEMPLATES.find((template) => template.family === family && template.language === 'en-US')!;

describe('gallery.json', () => {
  it('has an entry for every template written in code, and none for a template that is not there', () => {
    expect(Object.keys(GALLERY).sort()).toEqual([...codeFamilies].sort());
  });

  it.each(codeFamilies)('%s: title, description and purpose in English and Chinese, and tags', (family) => {
    const entry = GALLERY[family];
    for (const text of [entry.title, entry.description, entry.purpose]) {
      expect(text['en-US'].trim()).not.toBe('');
      expect(text['zh-CN'].trim()).not.toBe('');
    }
    expect(entry.tags.length).toBeGreaterThan(0);
  });

  it.each(codeFamilies)('%s: the metadata the API lists is the entry\'s', (family) => {
    const { metadata } = english(family);
    const entry = GALLERY[family];
    expect(metadata.title.en).toBe(entry.title['en-US']);
    expect(metadata.description).toEqual({ en: entry.description['en-US'], zh: entry.description['zh-CN'] });
    expect([metadata.category, metadata.tags]).toEqual([entry.category, [...entry.tags, 'English']]);
  });

  it('refuses an entry that misses a language or has an unknown category, naming where', () => {
    const entry = GALLERY['tiered-commission-plan'];
    expect(() => parseGallery({ x: { ...entry, title: { 'en-US': 'Only English' } } }, 'gallery.json')).toThrow(/^gallery\.json: x\.title\.zh-CN: /);
    expect(() => parseGallery({ x: { ...entry, category: 'other' } }, 'gallery.json')).toThrow(/^gallery\.json: x\.category: /);
  });
});
