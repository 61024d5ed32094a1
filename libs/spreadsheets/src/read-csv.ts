import { createReadStream } from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import type { RawRow, SheetSource } from './sheet-row';

/** How far into a file its encoding is judged: enough for a header and many rows of Chinese text. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a CSV file to text: UTF-8 (with or without the BOM Excel writes), or GB18030 (what
 * Excel on a Chinese Windows writes for "CSV") when the first 64 KB are not valid UTF-8.
 */
export class CsvTextDecoder extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private decoder?: TextDecoder;

  constructor() {
    super({ decodeStrings: true, encoding: 'utf8' });
  }

  /** The encoding chosen, once known. */
  get encoding(): string | undefined {
    return this.decoder?.encoding;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.decoder) return done(null, this.decoder.decode(chunk, { stream: true }));
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes >= SNIFF_BYTES) this.flushHead(false);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.decoder) this.flushHead(true);
    const rest = this.decoder!.decode();
    if (rest) this.push(rest);
    done();
  }

  private flushHead(whole: boolean): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.decoder = new TextDecoder(isUtf8Prefix(head, whole) ? 'utf-8' : 'gb18030');
    const text = this.decoder.decode(head, { stream: true });
    if (text) this.push(text);
  }
}

/** Whether `bytes` is UTF-8; a sequence cut at the end counts as valid unless `whole`. */
function isUtf8Prefix(bytes: Buffer, whole: boolean): boolean {
  let end = bytes.length;
  if (!whole) {
    // Step back over a multi-byte sequence the sniff window cut in two.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
    const lead = bytes[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * A CSV file as one sheet (named `name`), streamed: each record is a row numbered as Excel would
 * number it (the header is row 1). A leading BOM is dropped; ragged rows are allowed.
 */
export function readCsvSheet(input: string | Readable, name = 'csv'): SheetSource {
  const bytes = typeof input === 'string' ? createReadStream(input) : input;
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: false });
  const text = bytes.pipe(new CsvTextDecoder());
  bytes.on('error', (error: Error) => parser.destroy(error));
  text.pipe(parser);
  return { name, rows: csvRows(parser) };
}

async function* csvRows(records: AsyncIterable<string[]>): AsyncGenerator<RawRow> {
  let row = 0;
  for await (const values of records) {
    row++;
    yield { row, values: values.map((value) => value.trim()) };
  }
}
