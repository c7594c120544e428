/** Where the public development data lives: KEYSTONE_DATA, else ../shared/data beside the checkout. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const DATA_DIR = path.resolve(process.env.KEYSTONE_DATA ?? path.join(import.meta.dirname, '../../../shared/data'));

/** The folder of one dataset, or null (with the reason printed) when it is not here. */
export function dataset(name: string): string | null {
  const dir = path.join(DATA_DIR, name);
  if (existsSync(dir)) return dir;
  console.log(`skipped ${name}: ${dir} is not there (set KEYSTONE_DATA to the folder that holds ${name}/)`);
  return null;
}
