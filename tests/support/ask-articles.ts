/** Articles for ranking tests: a knowledge file from its title, date and paragraphs, and filler that gives words their weight. */
export const article = (title: string, published: string, ...paragraphs: string[]) => `---\ntitle: ${title}\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`;

/** Paragraphs about nothing asked: they give the asked words their weight, as a real base does. */
export const filler = article('Grain and weather', '2025-11-20',
  'Wheat prices rose on Monday as traders weighed the harvest.',
  'Heavy rain flooded roads in the north of the country.',
  'The central bank kept its interest rate unchanged.',
  'A new bridge over the river opened to traffic on Friday.');
