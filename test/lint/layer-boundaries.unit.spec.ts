import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot });

/** The boundaries messages ESLint gives `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer boundaries (eslint.config.mjs)', () => {
  // The first lint loads the whole config and its plugins (seconds on a loaded machine): once, here, not inside a test's 5 s.
  beforeAll(() => boundaryErrors('libs/domain/src/probe.ts', ''), 120_000);

  it.each([
    ['libs/domain/src/probe.ts', "import { Injectable } from '@nestjs/common';"],
    ['libs/domain/src/probe.ts', "import { DataSource } from 'typeorm';"],
    ['libs/domain/src/probe.ts', "import { Pool } from 'pg';"],
    ['libs/domain/src/probe.ts', "import { condition } from '@temporalio/workflow';"],
    ['libs/domain/src/probe.ts', "import { runMigrations } from '@duban/persistence';"],
    ['workflows/src/probe.ts', "import { DataSource } from 'typeorm';"],
    ['workflows/src/probe.ts', "import { runMigrations } from '@duban/persistence';"],
    ['workflows/src/probe.ts', "import { Client } from '@temporalio/client';"],
    ['libs/persistence/src/probe.ts', "import { DUBAN_TASK_QUEUE } from '@duban/workflows';"],
    ['apps/api/src/probe.ts', "import { createDubanWorker } from '../../worker/src/duban-worker';"],
    ['apps/worker/src/probe.ts', "import { repoRoot } from '@duban/infra';"],
    ['infra/src/probe.ts', "import { createApiApp } from '../../apps/api/src/api-app';"],
    ['libs/domain/src/probe.spec.ts', "import { DataSource } from 'typeorm';"],
    // The browser workspace talks to the API over HTTP only: no server code in the bundle.
    ['apps/web/src/probe.ts', "import { createApiApp } from '../../api/src/api-app';"],
    ['apps/web/src/probe.ts', "import { runMigrations } from '@duban/persistence';"],
  ])('refuses %s → %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['workflows/src/probe.ts', "import { condition } from '@temporalio/workflow';\nimport { decideHazard } from '@duban/domain';"],
    ['libs/persistence/src/probe.ts', "import { DataSource } from 'typeorm';\nimport { cstDate } from '@duban/domain';"],
    ['apps/api/src/probe.ts', "import { Injectable } from '@nestjs/common';\nimport { DUBAN_TASK_QUEUE } from '@duban/workflows';"],
    ['libs/domain/src/probe.ts', "import { invalid } from './rejection';"],
    ['libs/domain/src/probe.spec.ts', "import { describe } from 'vitest';"],
    ['apps/web/src/probe.ts', "import { createApp } from 'vue';\nimport { REJECTION_CODES } from '@duban/domain';"],
  ])('allows %s → %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
