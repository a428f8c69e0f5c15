/** The most documents one importBlueprints takes: one transaction holds them all. */
export const MAX_DOCUMENTS_PER_IMPORT = 100;
