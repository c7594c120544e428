/** A benchmark's command line: `--name value` options and `--flag` switches. */
export const args = process.argv.slice(2);

/** `--name value`, or undefined when not given. */
export const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

export const arg = (name: string, dflt: string): string => option(name) ?? dflt;

export const flag = (name: string): boolean => args.includes(`--${name}`);
