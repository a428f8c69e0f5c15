import { Neo4jError } from 'neo4j-driver';
import { mapNeo4jError } from '../../src/database/neo4j-errors';

describe('mapNeo4jError', () => {
  const timedOut = () => new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOut', 'GQL', 'x');
  const busy = () => new Neo4jError('busy', 'Neo.TransientError.General.DatabaseUnavailable', 'GQL', 'x');

  it('says that nothing was written only of a write', () => {
    for (const error of [timedOut(), busy()]) {
      const write = mapNeo4jError(error, 'WRITE') as any;
      expect(write.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(write.message).toMatch(/nothing was written/);
      const read = mapNeo4jError(error, 'READ') as any;
      expect(read.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.message).not.toMatch(/written/);
    }
    expect(mapNeo4jError(timedOut(), 'READ').message).toMatch(/did not answer in time .*ask again, or narrow the question/);
  });
});
