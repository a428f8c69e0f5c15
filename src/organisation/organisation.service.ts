import { Injectable } from '@nestjs/common';
import { Neo4jExecutor } from '../database/executor';
import { Department } from '../blueprints/models/organisation.model';

@Injectable()
export class OrganisationService {
  constructor(private readonly executor: Neo4jExecutor) {}

  departments(): Promise<Department[]> {
    return this.executor.read(async (runner) => (await runner.run('departments')) as unknown as Department[]);
  }
}
