/**
 * Excel's custom-function metadata (functions.json, and functions-zh-cn.json selected by the
 * manifest's zh-cn override) generated from the catalog, in the form custom-functions-metadata
 * writes: every parameter typed "any" (the engine reads blanks and text itself), ranges as
 * "matrix". No allowCustomDataForDataTypeAny: data-type cells reach PERF as their basic value.
 */
import type { Locale } from '../i18n';
import { CATALOG } from './index';
import type { CatalogFunction } from './types';

export interface MetadataParameter {
  description: string;
  dimensionality?: 'matrix';
  name: string;
  optional?: true;
  type: 'any';
}

export interface MetadataFunction {
  description: string;
  id: string;
  name: string;
  parameters: MetadataParameter[];
  result: { dimensionality: 'matrix' } | { type: 'number' };
}

export interface Metadata {
  functions: MetadataFunction[];
}

function entry(fn: CatalogFunction, locale: Locale): MetadataFunction {
  return {
    description: fn.description[locale],
    id: fn.id,
    name: fn.id,
    parameters: fn.parameters.map((p) => ({
      description: p.description[locale],
      ...(p.kind === 'range' ? { dimensionality: 'matrix' as const } : {}),
      name: p.name,
      ...(p.optional ? { optional: true as const } : {}),
      type: 'any' as const,
    })),
    result: fn.result.kind === 'range' ? { dimensionality: 'matrix' } : { type: 'number' },
  };
}

export function functionsMetadata(locale: Locale, catalog: readonly CatalogFunction[] = CATALOG): Metadata {
  return { functions: catalog.map((fn) => entry(fn, locale)) };
}

/** The files the add-in serves: functions.json (en-US) and functions-zh-cn.json. */
export function metadataFiles(): Record<string, string> {
  return {
    'functions.json': JSON.stringify(functionsMetadata('en-US'), null, 4),
    'functions-zh-cn.json': JSON.stringify(functionsMetadata('zh-CN'), null, 2),
  };
}
