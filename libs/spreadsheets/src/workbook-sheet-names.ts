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

/**
 * The sheet names of an .xlsx, by the number of their part (xl/worksheets/sheetN.xml), read from
 * the zip's central directory. exceljs's streaming reader takes them from xl/workbook.xml as the
 * zip streams past, and may lose that entry when it is the last one (exceljs's own writer puts it
 * last; exceljs issues 1364, 2663, 3064): its sheets then come out as "Sheet1", "Sheet2", ….
 */
export async function workbookSheetNames(file: string): Promise<Map<string, string>> {
  const zip = await Open.file(file);
  const text = async (path: string) => {
    const entry = zip.files.find((f) => f.path === path);
    return entry ? (await entry.buffer()).toString('utf8') : '';
  };
  const targets = new Map<string, string>();
  for (const tag of (await text('xl/_rels/workbook.xml.rels')).match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const number = /worksheets\/sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    if (id && number) targets.set(id, number);
  }
  const names = new Map<string, string>();
  for (const tag of (await text('xl/workbook.xml')).match(/<sheet\b[^>]*>/g) ?? []) {
    const number = targets.get(attribute(tag, 'r:id') ?? '');
    const name = attribute(tag, 'name');
    if (number && name !== undefined) names.set(number, name);
  }
  return names;
}
