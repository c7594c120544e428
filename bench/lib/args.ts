/** A benchmark's command line: `--name value` options and `--flag` switches. */
const args = process.argv.slice(2);

export const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

export const flag = (name: string): boolean => args.includes(`--${name}`);
