import { Injectable, Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../config/app-config';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { ImportMode } from '../blueprints/models/enums';

export const DEMO_DIR = path.join(PROJECT_ROOT, 'demo');

/** The demo blueprints shipped in demo/, so that a new database shows something real. */
@Injectable()
export class DemoData {
  private readonly logger = new Logger('Demo');

  constructor(private readonly blueprints: BlueprintsService) {}

  files(): string[] {
    return fs
      .readdirSync(DEMO_DIR)
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .sort()
      .map((file) => path.join(DEMO_DIR, file));
  }

  /** Imports (or replaces) every demo blueprint; each file is one transaction. */
  async load(): Promise<string[]> {
    const keys: string[] = [];
    for (const file of this.files()) {
      const document = parse(fs.readFileSync(file, 'utf8'));
      const { blueprint } = await this.blueprints.import(document, ImportMode.REPLACE, { root: path.basename(file) });
      keys.push(blueprint.key);
    }
    return keys;
  }

  async loadIfEmpty(): Promise<void> {
    const existing = await this.blueprints.list(false);
    if (existing.length > 0) return;
    const keys = await this.load();
    this.logger.log(`The database was empty: loaded the demo blueprints ${keys.join(', ')}`);
  }
}
