import type { Tool } from '@modelcontextprotocol/server';

/**
 * The tool catalog computed at build time. scripts/build.mjs replaces this
 * module's contents in the bundled bin; from source it is undefined and the
 * catalog is computed from the tools.
 */
export const PREBUILT_CATALOG: readonly Tool[] | undefined = undefined;
