/** Bytes to text: the declared charset, else a BOM, else a <meta charset> in the first bytes, else UTF-8. */
export function decodeText(body: Buffer, declared: string | null, html: boolean): string {
  let label = declared;
  if (!label) {
    if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = 'utf-8';
    else if (body[0] === 0xff && body[1] === 0xfe) label = 'utf-16le';
    else if (body[0] === 0xfe && body[1] === 0xff) label = 'utf-16be';
    else if (html) {
      const head = body.subarray(0, 4096).toString('latin1');
      label = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
    }
  }
  try {
    return new TextDecoder(label ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** Content that is plainly not text whatever it claims: a PDF, an image, an archive, NUL bytes. */
export function binaryKind(body: Buffer): string | null {
  const head = body.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return 'a PDF';
  if (head.startsWith('\x89PNG') || head.startsWith('GIF8') || head.startsWith('\xff\xd8\xff')) return 'an image';
  if (head.startsWith('PK\x03\x04')) return 'a ZIP archive (or an office document)';
  if (body.subarray(0, 4096).includes(0)) return 'binary data';
  return null;
}
