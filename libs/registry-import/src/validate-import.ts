import {
  checkFixedFields,
  decideRegistryChange,
  DomainRejection,
  invalid,
  isRegistryId,
  REGISTRY_ANCHOR_FIELD,
  registryReferences,
  validateIndustry,
  validatePerson,
  validateRegion,
  validateRegistryUnit,
  type IndustryRecord,
  type RegionRecord,
  type RegistryReference,
} from '@duban/domain';
import type { SheetRow } from '@duban/spreadsheets';
import { importSheets, type ImportFile, type ImportFormat, type ImportSheet } from './import-file';
import { GUIDE_SHEET_NAME, IMPORT_KINDS, type ImportKind } from './import-layouts';
import { importProblem, rejectionProblem, type ImportProblem } from './import-problem';
import type { ImportProgressListener } from './import-progress';
import { sheetPlaces, type PlaceOf } from './sheet-places';
import { parseImportRow, type ImportRecords } from './parse-import-row';
import type { ImportWriteCounts, RegistryImportStore } from './registry-import-store';

/** A check of one row's record beyond the file and the registry (who imports it): throws a DomainRejection to refuse the row. */
export type ImportAdmission = <K extends ImportKind>(kind: K, record: ImportRecords[K]) => Promise<void>;

export interface ImportKindCounts extends ImportWriteCounts {
  rows: number;
}

/** What reading the whole file found: every problem, the counts a commit would write, and the (few) tree records kept for it. */
export interface ImportValidation {
  problems: ImportProblem[];
  sheets: string[];
  counts: Record<ImportKind, ImportKindCounts>;
  /** Regions and industries are few and written parent first, so they are kept; units and people are read again to write. */
  trees: { region: Array<ImportRecords['region']>; industry: Array<ImportRecords['industry']> };
  /** Where each kept tree record stands in the file, for a refusal at the commit. */
  treeRows: Map<object, { sheet: string; row: number }>;
}

interface Pending {
  place: ReturnType<PlaceOf>;
  ref: RegistryReference;
}

const emptyCounts = (): ImportKindCounts => ({ rows: 0, created: 0, updated: 0, unchanged: 0 });

/**
 * The dry run: reads the file once, in batches of `batchSize` rows, and checks every row — its
 * cells, the domain's rules for the record, no id twice in the file, every reference (region,
 * industry, unit, parent) to a record in the file or current in the registry, and the change the
 * registry would record (created / updated / unchanged, or refused). Memory holds the ids seen,
 * not the rows.
 */
export async function validateImport(
  file: ImportFile,
  format: ImportFormat,
  store: RegistryImportStore,
  options: { batchSize: number; onProgress?: ImportProgressListener; admit?: ImportAdmission },
): Promise<ImportValidation> {
  const problems: ImportProblem[] = [];
  const sheets: string[] = [];
  const counts = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, emptyCounts()])) as Record<ImportKind, ImportKindCounts>;
  const seen = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, new Map<string, number>()])) as Record<ImportKind, Map<string, number>>;
  const trees: ImportValidation['trees'] = { region: [], industry: [] };
  const treePlaces = new Map<object, PlaceOf>();
  const treeRows = new Map<object, number>();
  const treeSheets = new Map<object, { sheet: string; row: number }>();
  const refused = new Set<object>();
  const pending: Pending[] = [];
  const refuse = (place: ReturnType<PlaceOf>, error: unknown, value?: string) => {
    if (!(error instanceof DomainRejection)) throw error;
    problems.push(rejectionProblem(place, error, value));
  };

  async function checkBatch(kind: ImportKind, rows: SheetRow[], placeOf: PlaceOf): Promise<void> {
    const accepted: Array<{ row: SheetRow; record: ImportRecords[ImportKind] }> = [];
    for (const row of rows) {
      counts[kind].rows++;
      const { record, refusals } = parseImportRow(kind, row);
      // The id first: a row with a good id counts as in the file even when it has other faults,
      // so the rows naming it are not refused too (one fault, one problem).
      const id = isRegistryId(record.id) ? record.id : undefined;
      const earlier = id === undefined ? undefined : seen[kind].get(id);
      if (earlier !== undefined) {
        const message = `id ${id} is already on row ${earlier} of this file`;
        refuse(placeOf(row.row, 'id'), invalid('input.duplicate_id', 'id', message), `${id}, 第 ${earlier} 行`);
        continue;
      }
      if (id !== undefined) seen[kind].set(id, row.row);
      for (const { field, rejection } of refusals) refuse(placeOf(row.row, field), rejection, row.cells[field]);
      if (id !== undefined && (kind === 'region' || kind === 'industry')) {
        trees[kind].push(record as RegionRecord & IndustryRecord);
        treePlaces.set(record, placeOf);
        treeRows.set(record, row.row);
        treeSheets.set(record, { sheet: placeOf(row.row, 'id').sheet, row: row.row });
        if (refusals.length > 0) refused.add(record);
      }
      if (refusals.length > 0) continue;
      try {
        if (kind === 'unit') validateRegistryUnit(record as ImportRecords['unit']);
        if (kind === 'person') validatePerson(record as ImportRecords['person']);
      } catch (error) {
        const field = error instanceof DomainRejection ? (error.field ?? 'id') : 'id';
        refuse(placeOf(row.row, field), error, row.cells[field]);
        continue;
      }
      try {
        await options.admit?.(kind, record);
      } catch (error) {
        const field = error instanceof DomainRejection ? (error.field ?? REGISTRY_ANCHOR_FIELD[kind]) : 'id';
        refuse(placeOf(row.row, field), error, row.cells[field]);
        continue;
      }
      accepted.push({ row, record });
    }
    await checkChanges(kind, accepted, placeOf);
    await checkReferences(kind, accepted, placeOf);
  }

  /** The change each record would make; a retired record or a moved parent is refused now rather than at the commit. */
  async function checkChanges(kind: ImportKind, accepted: Array<{ row: SheetRow; record: ImportRecords[ImportKind] }>, placeOf: PlaceOf) {
    const current = await store.currentVersions(
      kind,
      accepted.map((a) => a.record.id),
    );
    for (const { row, record } of accepted) {
      const version = current.get(record.id) as Parameters<typeof decideRegistryChange<typeof record>>[0];
      try {
        if (version && (kind === 'region' || kind === 'industry')) checkFixedFields(kind, version.record as never, record as never);
        const decision = decideRegistryChange(version, { op: 'put', record });
        if (decision.outcome === 'write') counts[kind][decision.change === 'created' ? 'created' : 'updated']++;
        else counts[kind].unchanged++;
      } catch (error) {
        const field = error instanceof DomainRejection && error.field ? error.field : 'id';
        refuse(placeOf(row.row, field), error, row.cells[field]);
      }
    }
  }

  /** Units' and people's references: to the file so far or the registry now; the rest are settled once the whole file is read. */
  async function checkReferences(kind: ImportKind, accepted: Array<{ row: SheetRow; record: ImportRecords[ImportKind] }>, placeOf: PlaceOf) {
    if (kind === 'region' || kind === 'industry') return; // their parents are checked with the tree, after the file
    const open: Pending[] = [];
    for (const { row, record } of accepted) {
      for (const ref of registryReferences(kind, record as never)) {
        if (!seen[ref.kind as ImportKind]?.has(ref.id)) open.push({ place: placeOf(row.row, ref.field), ref });
      }
    }
    const found = await currentIds(open.map((p) => p.ref));
    for (const p of open) if (!found.has(`${p.ref.kind}:${p.ref.id}`)) pending.push(p);
  }

  /** The referenced records the registry holds, current and not retired, as "kind:id". */
  async function currentIds(refs: RegistryReference[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const kind of new Set(refs.map((ref) => ref.kind))) {
      const ids = [...new Set(refs.filter((ref) => ref.kind === kind).map((ref) => ref.id))];
      for (const [id, version] of await store.currentVersions(kind, ids)) if (!version.retired) found.add(`${kind}:${id}`);
    }
    return found;
  }

  for await (const sheet of importSheets(file, format)) {
    sheets.push(sheet.name);
    if (!sheetAccepted(sheet, format, problems)) {
      for await (const _row of sheet.keyed.rows); // drain: the next sheet follows in the same stream
      continue;
    }
    const layout = sheet.layout!;
    const placeOf = sheetPlaces(sheet.name, layout, sheet.keyed);
    let batch: SheetRow[] = [];
    const flush = async () => {
      await checkBatch(layout.kind, batch, placeOf);
      batch = [];
      options.onProgress?.({ phase: 'validate', kind: layout.kind, done: counts[layout.kind].rows });
    };
    for await (const row of sheet.keyed.rows) {
      batch.push(row);
      if (batch.length >= options.batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  }

  await checkTrees();
  for (const p of pending) {
    if (seen[p.ref.kind as ImportKind]?.has(p.ref.id)) continue;
    const message = `${p.ref.field}: ${p.ref.kind} ${p.ref.id} is neither in this file nor current in the registry`;
    refuse(p.place, invalid('registry.reference.unknown', p.ref.field, message), p.ref.id);
  }
  if (IMPORT_KINDS.every((kind) => counts[kind].rows === 0) && problems.every((p) => p.warning))
    problems.push(importProblem({ sheet: file.name, row: 0, column: '' }, 'import.nothing', 'the file holds no rows to import'));
  return { problems, sheets, counts, trees, treeRows: treeSheets };

  /** Each region and industry against its parent: in the file, or current in the registry (level and code prefix rules). */
  async function checkTrees(): Promise<void> {
    for (const kind of ['region', 'industry'] as const) {
      const records: Array<RegionRecord | IndustryRecord> = trees[kind];
      const inFile = new Map(records.map((record) => [record.id, record]));
      const outside = records.map((r) => r.parentId).filter((id): id is string => typeof id === 'string' && !inFile.has(id));
      const registry = await store.currentVersions(kind, [...new Set(outside)]);
      const parentOf = (id: string | null) => {
        if (id === null) return undefined;
        const version = registry.get(id);
        return (inFile.get(id) ?? (version && !version.retired ? version.record : undefined)) as (RegionRecord & IndustryRecord) | undefined;
      };
      for (const record of records) {
        if (refused.has(record)) continue;
        try {
          if (kind === 'region') validateRegion(record as RegionRecord, parentOf(record.parentId));
          else validateIndustry(record, parentOf(record.parentId));
        } catch (error) {
          const field = error instanceof DomainRejection && error.field ? error.field : 'id';
          const value = (record as unknown as Record<string, unknown>)[field];
          refuse(treePlaces.get(record)!(treeRows.get(record)!, field), error, typeof value === 'string' ? value : undefined);
        }
      }
    }
  }
}

/** Whether a sheet is read: a recognised kind whose required columns are all there; ignored columns are warnings. */
function sheetAccepted(sheet: ImportSheet, format: ImportFormat, problems: ImportProblem[]): boolean {
  const at = (row: number, column: string) => ({ sheet: sheet.name, row, column });
  if (!sheet.layout) {
    if (sheet.name === GUIDE_SHEET_NAME) return false;
    if (format === 'csv')
      problems.push(
        importProblem(
          at(sheet.keyed.headerRow, ''),
          'import.kind_unknown',
          'cannot tell units, people, regions or industries from the name or header: pass the kind',
          '请指定类别 (kind)',
        ),
      );
    else
      problems.push(
        importProblem(
          at(0, ''),
          'import.sheet_unknown',
          `sheet "${sheet.name}" is not one of 属地/regions, 行业/industries, 单位/units, 责任人/people; skipped`,
          sheet.name,
          true,
        ),
      );
    return false;
  }
  const { match, headerRow } = sheet.keyed;
  for (const { header } of match.unknown)
    problems.push(importProblem(at(headerRow, header), 'import.header_unknown', `column "${header}" is not in the layout; ignored`, header, true));
  for (const { header, field } of match.repeated)
    problems.push(importProblem(at(headerRow, header), 'import.header_repeated', `column "${header}" repeats ${field}; ignored`, header, true));
  const missing = sheet.layout.columns.filter((column) => column.required && match.missing.includes(column));
  for (const column of missing)
    problems.push(
      importProblem(
        { ...at(headerRow, column.label), field: column.field },
        'import.header_missing',
        `required column ${column.label} (${column.field}) is missing`,
        `${column.label} (${column.field})`,
      ),
    );
  return missing.length === 0 && sheet.keyed.headerRow > 0;
}
