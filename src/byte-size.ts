/** Byte sizes as bounds are written and as messages say them. */
export const KiB = 1024;
export const MiB = 1024 * KiB;

/** "1 MiB", "64 MiB", "5 KiB": how every message names a byte bound. */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`;
}
