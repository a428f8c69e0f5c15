import { performance } from 'node:perf_hooks';
import { BlueprintStore } from '../../src/blueprints/blueprint-store';
import { BlueprintsService } from '../../src/blueprints/blueprints.service';
import { ImportMode } from '../../src/blueprints/models/enums';
import { Neo4jExecutor } from '../../src/database/executor';
import { deleteOrganisationEntries } from './import-bench';
import { SyntheticDocument } from './synthetic-documents';
import { SyntheticOrganisation, blueprintNodeCount, syntheticBlueprint, syntheticOrganisation } from './synthetic-organisation';

/** The sizes of `npm run bench`: the data around the measured blueprint at 1x, grown to 10x and 100x. */
export interface BenchSize {
  name: string;
  departments: number;
  /** Blueprints besides the target at 1x; 10x and 100x hold ten and a hundred times as many. */
  blueprintsAt1x: number;
  /** Embedded Neo4j memory, enough for the 100x graph. */
  heap: string;
  pageCache: string;
}

export const BENCH_SIZES: Record<string, BenchSize> = {
  small: { name: 'small', departments: 30, blueprintsAt1x: 1, heap: '1g', pageCache: '512m' },
  medium: { name: 'medium', departments: 100, blueprintsAt1x: 5, heap: '2g', pageCache: '1g' },
  large: { name: 'large', departments: 300, blueprintsAt1x: 50, heap: '4g', pageCache: '3g' },
};

export interface Phase {
  scale: number;
  blueprints: number;
  /** Of the whole database, counted by Neo4j. */
  nodes: number;
  relationships: number;
  /** Time to import the blueprints this phase added. */
  loadSeconds: number;
}

/**
 * The synthetic organisation in the database: the target blueprint (the one
 * the measurements read, the same at every scale) and the blueprints around
 * it, imported through the product's own bulk import, IMPORT_BATCH documents a transaction.
 */
/** Documents per transaction while loading: about 10,000 nodes. */
const IMPORT_BATCH = 50;

export class Dataset {
  readonly org: SyntheticOrganisation;
  readonly target: SyntheticDocument;
  readonly phases: Phase[] = [];
  private surrounding = 0;
  private readonly written: string[] = [];

  constructor(
    readonly size: BenchSize,
    readonly prefix: string,
    seed: number,
    private readonly services: { blueprints: BlueprintsService; executor: Neo4jExecutor; store: BlueprintStore },
    private readonly progress: (line: string) => void,
  ) {
    this.org = syntheticOrganisation({ prefix, departments: size.departments, seed });
    this.target = syntheticBlueprint(this.org, 0, `${prefix}-target`);
  }

  get scale(): number {
    return this.phases.at(-1)?.scale ?? 0;
  }

  targetPainPoints(): number {
    return this.target.painPoints.length;
  }

  targetNodes(): number {
    return blueprintNodeCount(this.target);
  }

  /** Imports blueprints until the data around the target is `scale` times the 1x amount. */
  async growTo(scale: number): Promise<Phase> {
    const wanted = scale * this.size.blueprintsAt1x;
    const started = performance.now();
    const batch: SyntheticDocument[] = this.written.length === 0 ? [this.target] : [];
    let reported = performance.now();
    while (this.surrounding < wanted) {
      this.surrounding++;
      batch.push(syntheticBlueprint(this.org, this.surrounding, `${this.prefix}-${String(this.surrounding).padStart(5, '0')}`));
      if (batch.length >= IMPORT_BATCH || this.surrounding === wanted) await this.importDocuments(batch.splice(0));
      if (performance.now() - reported > 10_000) {
        reported = performance.now();
        this.progress(`  ${this.surrounding} of ${wanted} blueprints`);
      }
    }
    if (batch.length > 0) await this.importDocuments(batch);
    const loadSeconds = (performance.now() - started) / 1000;
    const phase: Phase = { scale, blueprints: this.written.length, ...(await this.graphSize()), loadSeconds };
    this.phases.push(phase);
    return phase;
  }

  async graphSize(): Promise<{ nodes: number; relationships: number }> {
    const [row] = await this.services.executor.read((runner) => runner.run('graph-size'));
    return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
  }

  /** Removes what the run wrote, for a database that is not the bench's own. */
  async cleanUp(): Promise<void> {
    const { executor, store } = this.services;
    for (const key of this.written) await executor.write((runner) => store.delete(runner, key));
    await deleteOrganisationEntries(executor, this.org);
  }

  /** Through the product's bulk import: one transaction per batch, as `blueprint import DIR` loads a folder. */
  private async importDocuments(documents: SyntheticDocument[]): Promise<void> {
    await this.services.blueprints.importMany(documents, ImportMode.CREATE);
    this.written.push(...documents.map((document) => document.key));
  }
}
