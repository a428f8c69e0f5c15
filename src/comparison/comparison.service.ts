import { Injectable } from '@nestjs/common';
import { BlueprintsService } from '../blueprints/blueprints.service';
import { Neo4jExecutor } from '../database/executor';
import { compareDocuments } from './compare-documents';
import { BlueprintComparison } from './models/comparison.models';

@Injectable()
export class ComparisonService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly blueprints: BlueprintsService,
  ) {}

  /** Both sides are read in one transaction, so that they are the versions named at one moment. */
  async compare(from: string, to: string, fromVersion: number | null, toVersion: number | null): Promise<BlueprintComparison> {
    const [before, after] = await this.executor.read(async (runner) => [
      await this.blueprints.documentIn(runner, from, fromVersion),
      await this.blueprints.documentIn(runner, to, toVersion),
    ]);
    const comparison = await compareDocuments(before.document, after.document);
    return { from, to, fromVersion: before.version, toVersion: after.version, ...comparison };
  }
}
