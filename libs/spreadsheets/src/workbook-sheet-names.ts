import { Open } from 'unzipper';

const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });

const attribute = (tag: string, name: string) => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return found ? decodeXml(found[1]) : undefined;
};

/** A sheet as xl/workbook.xml lists it: its name, its ids, and the number of its part (xl/worksheets/sheetN.xml). */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  rId: string;
  part: string;
}

/**
 * The sheets of an .xlsx, in workbook order, read from the zip's central directory (see
 * read-xlsx.ts for why not from exceljs's streaming pass): names, ids and part numbers.
 */
export async function workbookSheets(file: string): Promise<WorkbookSheet[]> {
  const zip = await Open.file(file);
  const text = async (path: string) => {
    const entry = zip.files.find((f) => f.path === path);
    return entry ? (await entry.buffer()).toString('utf8') : '';
  };
  const parts = new Map<string, string>();
  for (const tag of (await text('xl/_rels/workbook.xml.rels')).match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const part = /worksheets\/sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    if (id && part) parts.set(id, part);
  }
  const sheets: WorkbookSheet[] = [];
  for (const tag of (await text('xl/workbook.xml')).match(/<sheet\b[^>]*>/g) ?? []) {
    const rId = attribute(tag, 'r:id') ?? '';
    const part = parts.get(rId);
    const name = attribute(tag, 'name');
    if (part && name !== undefined) sheets.push({ name, sheetId: Number(attribute(tag, 'sheetId')), rId, part });
  }
  return sheets;
}
