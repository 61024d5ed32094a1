import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { pickRegistryRecord, REGISTRY_KIND_LABELS, type Actor, type RegistryKind } from '@duban/domain';
import { RegistryReader, RegistryWriter, RegistryWriteRefused, type RegistryEntry, type RegistryWrite } from '@duban/persistence';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { authorizeRegistryWriteOf } from './registry-territory';

/** A create's or an update's body: the record's fields, the reason, and (update) the expected version. */
type ChangeBody = Record<string, unknown> & { reason: string };

export interface RegistryCreated<K extends RegistryKind> {
  entry: RegistryEntry<K>;
  /** False when the record already was exactly this (a retried create): nothing was recorded. */
  created: boolean;
}

/**
 * The registry (单位库), the commands: each a new version written in PostgreSQL (who, when, why),
 * checked by the domain's rules there, within the writing office's territory (属地); the answer
 * is the record as it now stands.
 */
@Injectable()
export class RegistryCommandsService {
  constructor(
    private readonly writer: RegistryWriter,
    private readonly reader: RegistryReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async create<K extends RegistryKind>(kind: K, actor: Actor, body: ChangeBody): Promise<RegistryCreated<K>> {
    const record = pickRegistryRecord(kind, body);
    await authorizeRegistryWriteOf(this.places, actor, kind, record.id, record, async () => (await this.reader.get(kind, record.id))?.record);
    const result = await this.write({ kind, op: 'put', record, expectedVersion: 0 } as RegistryWrite, actor, body.reason);
    return { entry: await this.current(kind, record.id), created: result.outcome === 'created' };
  }

  async update<K extends RegistryKind>(kind: K, id: string, actor: Actor, body: ChangeBody & { expectedVersion: number }): Promise<RegistryEntry<K>> {
    const record = pickRegistryRecord(kind, { ...body, id });
    await authorizeRegistryWriteOf(this.places, actor, kind, id, record, async () => (await this.reader.get(kind, id))?.record);
    await this.write({ kind, op: 'put', record, expectedVersion: body.expectedVersion } as RegistryWrite, actor, body.reason);
    return this.current(kind, id);
  }

  async retire<K extends RegistryKind>(
    kind: K,
    id: string,
    actor: Actor,
    body: { expectedVersion: number; reason: string },
  ): Promise<RegistryEntry<K>> {
    await authorizeRegistryWriteOf(this.places, actor, kind, id, undefined, async () => (await this.reader.get(kind, id))?.record);
    await this.write({ kind, op: 'retire', id, expectedVersion: body.expectedVersion } as RegistryWrite, actor, body.reason);
    return this.current(kind, id);
  }

  private async write(write: RegistryWrite, actor: Actor, reason: string) {
    try {
      return await this.writer.writeRegistry(write, { actor, reason, at: this.now() });
    } catch (e) {
      // The domain's refusals reach the error filter as they are (400 / 409); an unknown record is a 404.
      if (e instanceof RegistryWriteRefused && e.errors[0]?.code === 'resource.not_found') throw new NotFoundException(e.errors[0].message);
      throw e;
    }
  }

  private async current<K extends RegistryKind>(kind: K, id: string): Promise<RegistryEntry<K>> {
    const entry = await this.reader.get(kind, id);
    if (!entry) throw new NotFoundException(`${REGISTRY_KIND_LABELS[kind]} ${id} not found`);
    return entry;
  }
}
