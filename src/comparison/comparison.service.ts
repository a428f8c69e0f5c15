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

  async compare(from: string, to: string, fromVersion: number | null, toVersion: number | null): Promise<BlueprintComparison> {
    return (await this.compareWithDocuments(from, to, fromVersion, toVersion)).comparison;
  }

  /** The comparison and the two documents compared, both read in one transaction, so that they are the versions named at one moment. */
  async compareWithDocuments(from: string, to: string, fromVersion: number | null, toVersion: number | null) {
    const [before, after] = await this.executor.read(async (runner) => [
      await this.blueprints.documentIn(runner, from, fromVersion),
      await this.blueprints.documentIn(runner, to, toVersion),
    ]);
    const comparison: BlueprintComparison = {
      from,
      to,
      fromVersion: before.version,
      toVersion: after.version,
      ...(await compareDocuments(before.document, after.document)),
    };
    return { comparison, before, after };
  }
}
