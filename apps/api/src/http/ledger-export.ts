import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROLE_LABELS, type Actor } from '@duban/domain';
import { writeLedgerExport, zhOf, type LedgerExportInfo, type LedgerSheetLayout } from '@duban/spreadsheets';
import { ApiCommonErrors } from './api-responses.decorator';

/** The media type of .xlsx (the exports' answer, the imports' upload). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export ready to write: its bounds were checked (a refusal came before any byte). */
export interface LedgerExport {
  /** 隐患台账-2026-12-03.xlsx (the day in Beijing time). */
  filename: string;
  /** The same name in ASCII, for clients that read no RFC 5987 name: hazard-ledger-2026-12-03.xlsx. */
  fallback: string;
  /** Writes the workbook to `target` and answers the number of rows. */
  write(target: Writable): Promise<number>;
}

/** How the export's second sheet names a filter of the list's query, and (for enumerations) its value. */
export type FilterWords<Q> = { [K in keyof Q]?: string | { label: string; value: (value: NonNullable<Q[K]>) => string } };

/** An enumerated filter's value in the domain's Chinese word, then as asked: "一般隐患 (general)". */
export const wordOf =
  <V extends string>(labels: Record<V, string>) =>
  (value: V): string =>
    `${zhOf(labels[value])} (${value})`;

/** The filters asked for, in `words`' order, as the export's second sheet states them (筛选条件). */
export function filtersOf<Q extends object>(query: Q, words: FilterWords<Q>): LedgerExportInfo['filters'] {
  const filters: Array<{ label: string; value: string }> = [];
  for (const key of Object.keys(words) as Array<keyof Q>) {
    const value = query[key];
    const word = words[key]!;
    if (value === undefined || value === null) continue;
    const label = typeof word === 'string' ? word : word.label;
    const text =
      typeof word !== 'string'
        ? word.value(value as NonNullable<Q[keyof Q]>)
        : typeof value === 'boolean'
          ? value
            ? '是 (true)'
            : '否 (false)'
          : String(value);
    filters.push({ label, value: text });
  }
  return filters;
}

/**
 * Waits while `target` is full, so that rows are read from PostgreSQL only as fast as the client
 * takes the file; stops reading when the client has gone (a cut download holds nothing open).
 */
async function* paced<R>(rows: AsyncIterable<R>, target: Writable): AsyncGenerator<R> {
  for await (const row of rows) {
    if (target.writableNeedDrain && !target.destroyed) await Promise.race([once(target, 'drain'), once(target, 'close')]);
    if (target.destroyed) throw new Error('the client closed the connection before the ledger was written');
    yield row;
  }
}

/** The day of `at` in Beijing time, yyyy-mm-dd. */
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** What one export writes: the sheet, its file's name (Chinese and ASCII), the filters asked, and the rows (read when written). */
export interface LedgerExportRequest<R> {
  layout: LedgerSheetLayout<R>;
  /** 隐患台账 → 隐患台账-<day>.xlsx. */
  name: string;
  /** hazard-ledger → hazard-ledger-<day>.xlsx. */
  asciiName: string;
  filters: LedgerExportInfo['filters'];
  rows: () => AsyncIterable<R>;
}

/** An export by `actor` at `now`: streamed rows, paced by the client, into the ledger's sheet and the 导出说明 sheet. */
export function ledgerExport<R>(actor: Actor, now: Date, request: LedgerExportRequest<R>): LedgerExport {
  const day = beijingDay(now);
  const info: LedgerExportInfo = { filters: request.filters, exportedBy: `${actor.name} (${ROLE_LABELS[actor.role]}, ${actor.id})`, exportedAt: now };
  return {
    filename: `${request.name}-${day}.xlsx`,
    fallback: `${request.asciiName}-${day}.xlsx`,
    write: (target) => writeLedgerExport(target, request.layout, paced(request.rows(), target), info),
  };
}

/** `attachment` with an ASCII fallback name and the UTF-8 one (RFC 5987/6266), which every current browser prefers. */
export function sendAsAttachment(res: Response, filename: string, fallback: string): void {
  res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('Cache-Control', 'no-store');
}

/** Sends an opened export as the answer (its scope was checked when it was opened: a refusal is a problem+json answer, not a broken download). */
export async function sendLedgerExport(res: Response, ledger: LedgerExport): Promise<void> {
  sendAsAttachment(res, ledger.filename, ledger.fallback);
  try {
    await ledger.write(res);
  } catch (error) {
    // The status line is sent: the client can only be told by a cut connection (its file is incomplete).
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The OpenAPI of an .xlsx answer: the workbook (binary) and its Content-Disposition. */
export const ApiXlsxResponse = (description: string, example: string) =>
  applyDecorators(
    ApiOkResponse({
      description,
      content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
      headers: {
        'Content-Disposition': {
          description: `attachment; the file name (RFC 5987 \`filename*\`, UTF-8), e.g. ${example}.`,
          schema: { type: 'string' },
        },
      },
    }),
  );

/** The OpenAPI of a ledger's export route: what it is, the workbook it answers, the refusals of its list. */
export const ApiLedgerExport = (options: { summary: string; description: string; name: string }) =>
  applyDecorators(
    ApiOperation({
      summary: options.summary,
      description:
        `${options.description} Sheet ${options.name}: Chinese column headers and values; sheet 导出说明: when, by whom, how many rows, and the filters applied. ` +
        'Streamed: read from PostgreSQL a keyset page at a time as the file is written.',
    }),
    ApiXlsxResponse(`The workbook (${options.name}-<date>.xlsx).`, `${options.name}-2026-12-03.xlsx`),
    ApiCommonErrors(),
  );
