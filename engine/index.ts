/** The engine's public surface: one module per function family. */
export * from './errors';
export * from './grid';
export * from './weights';
export * from './scoring';
export * from './payouts';
export * from './crediting';
export * from './pool';
export * from './quotas';
export * from './rebates';
export * from './costbenefit';
export * from './allocation';
export * from './simulation';
export * from './channels';
export * from './benchmarks';
export * from './explain';
