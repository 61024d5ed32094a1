import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkspace, workspaceDir } from './serve-workspace';

@Controller('probe')
class ProbeController {
  @Get()
  probe() {
    return { api: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the workspace served at /workspace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duban-web-'));
  let app: INestApplication;
  let base: string;
  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>督办工作台</title>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    app = await NestFactory.create<NestExpressApplication>(ProbeModule, { logger: false });
    serveWorkspace(app, dir);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the page's own routes with index.html, so a reload of /workspace/hazards/… works", async () => {
    for (const route of ['/workspace', '/workspace/', '/workspace/hazards/abc']) {
      const res = await fetch(`${base}${route}`);
      expect(res.status, route).toBe(200);
      expect(await res.text()).toContain('督办工作台');
    }
  });

  it('serves the built assets, and a missing asset is a 404 (not the page run as a script)', async () => {
    const asset = await fetch(`${base}/workspace/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/workspace/assets/gone.js`)).status).toBe(404);
  });

  it('leaves the API routes alone, and takes no writes', async () => {
    expect(await (await fetch(`${base}/probe`)).json()).toEqual({ api: true });
    expect((await fetch(`${base}/workspace/x`, { method: 'POST' })).status).toBe(404);
  });

  it('finds no workspace where no built checkout holds it', () => {
    expect(workspaceDir(dir)).toBeUndefined();
  });
});
