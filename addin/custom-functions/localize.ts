/**
 * functions-zh-cn.json is generated from functions.json and a translation dictionary
 * (i18n/zh-CN.json): same ids, names and parameters, Chinese descriptions. Excel picks it
 * through the manifest's <bt:Override Locale="zh-cn"> on the metadata URL. A function or
 * parameter missing from the dictionary (or a stale entry) fails the build.
 */
export interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}

export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

export interface FunctionTranslation {
  description: string;
  parameters: Record<string, string>;
}

export type Dictionary = Record<string, FunctionTranslation>;

export function localizeMetadata(metadata: Metadata, dictionary: Dictionary, locale = 'zh-CN'): Metadata {
  const problems: string[] = [];
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(dictionary)) if (!ids.has(id)) problems.push(`${id}: in the dictionary but not in functions.json`);
  const functions = metadata.functions.map((fn) => {
    const entry = dictionary[fn.id];
    if (!entry || !entry.description?.trim()) {
      problems.push(`${fn.id}: no ${locale} description`);
      return fn;
    }
    const known = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(entry.parameters ?? {})) if (!known.has(name)) problems.push(`${fn.id}.${name}: not a parameter`);
    const parameters = fn.parameters.map((p) => {
      const text = entry.parameters?.[p.name];
      if (!text?.trim()) problems.push(`${fn.id}.${p.name}: no ${locale} description`);
      return { ...p, description: text ?? p.description };
    });
    return { ...fn, description: entry.description, parameters };
  });
  if (problems.length > 0) throw new Error(`functions-${locale.toLowerCase()}.json: the translation dictionary is incomplete:\n  ${problems.join('\n  ')}`);
  return { ...metadata, functions };
}
