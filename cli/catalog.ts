/**
 * The function catalog as custom-functions-metadata generated it from the JSDoc in
 * addin/custom-functions/functions.ts (written to dist/functions.json by the build), so
 * the headless calculator registers exactly what Excel gets.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface CatalogParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
}

export interface CatalogFunction {
  id: string;
  name: string;
  description?: string;
  parameters: CatalogParameter[];
  result?: { type?: string; dimensionality?: 'scalar' | 'matrix' };
  options?: { stream?: boolean; cancelable?: boolean; requiresAddress?: boolean };
}

export interface Catalog {
  functions: CatalogFunction[];
}

const CANDIDATES = [path.resolve(__dirname, '..', 'functions.json'), path.resolve(__dirname, '..', 'dist', 'functions.json')];

export function catalogPath(): string {
  const found = CANDIDATES.find((file) => fs.existsSync(file));
  if (!found) {
    throw new Error(`functions.json not found (looked in ${CANDIDATES.join(', ')}); run "npm run prepare" to generate it`);
  }
  return found;
}

let cached: Catalog | undefined;

export function loadCatalog(): Catalog {
  if (!cached) cached = JSON.parse(fs.readFileSync(catalogPath(), 'utf8')) as Catalog;
  return cached;
}

/** Export name in functions.ts for a catalog id (the JSDoc id is the upper-cased export name). */
export function exportNameOf(id: string): string {
  return id.toLowerCase();
}
