/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file node loads with --require, before any module system of ours */
// Loaded into the fault suite's API and worker processes only (NODE_OPTIONS=--require, set by
// test/faults/fault-cluster.ts); nothing in the product reads these variables.
//  - DUBAN_FAULT_DIE_AFTER_COMMIT_DIR: a worker that has just committed a hazard ledger write whose
//    events mention `[kill-after-commit]` kills itself (SIGKILL) before Temporal hears of the
//    completion, once per suite run (a marker file in that directory): the activity's retry on
//    another worker must then be a no-op.
//  - DUBAN_FAULT_BROKEN_PROJECTION=1: the hazard ledger writer appends events under numbers of its
//    own (max(seq) + 1) instead of the workflow's seq, without ON CONFLICT: a non-idempotent
//    projection, which the suite must catch.
const Module = require('node:module');
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const isWorker = /apps[\\/]worker[\\/]src[\\/]main\.js$/.test(process.argv[1] || '');
const dieDir = process.env.DUBAN_FAULT_DIE_AFTER_COMMIT_DIR;
const broken = process.env.DUBAN_FAULT_BROKEN_PROJECTION === '1';
const MARKER = '[kill-after-commit]';
let patched = false;

function patch(exports) {
  const Writer = exports && exports.HazardLedgerWriter;
  if (!Writer || patched) return;
  patched = true;
  const original = Writer.prototype.record;
  Writer.prototype.record = async function record(input) {
    if (broken && input.events.length > 0) await appendWithoutIdempotency(this.dataSource, input);
    await original.call(this, broken ? { ...input, events: [] } : input);
    const marker = dieDir && join(dieDir, 'killed-after-commit');
    if (marker && !existsSync(marker) && JSON.stringify(input.events).includes(MARKER)) {
      writeFileSync(marker, `${process.pid}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  };
}

/**
 * The broken projection: each event gets the next free number, so a retried write appends its
 * events again. `$1::varchar` in both places: hazard_id is character varying, and PostgreSQL
 * refuses a parameter it deduces as text in one place and varchar in the other.
 */
async function appendWithoutIdempotency(dataSource, { events, state }) {
  await dataSource.transaction(async (manager) => {
    for (const e of events) {
      await manager.query(
        `INSERT INTO hazard_event (hazard_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data)
         VALUES ($1::varchar, (SELECT coalesce(max(seq), 0) + 1 FROM hazard_event WHERE hazard_id = $1::varchar), $2, $3, $4, $5, $6, $7, $8, $9)`,
        [state.hazardId, e.type, e.at, e.actor?.id, e.actor?.name, e.actor?.role, e.actor?.unitId ?? null, e.reason, JSON.stringify(e.data ?? null)],
      );
    }
  });
}

if (isWorker) {
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const exports = load.call(this, request, parent, isMain);
    if (!patched && /hazard-ledger-writer(\.js)?$/.test(request)) patch(exports);
    return exports;
  };
}
