import { Neo4jGraphQL, Neo4jGraphQLContext } from '@neo4j/graphql';
import { disableNagleOnClientSockets } from '../../../src/database/tcp-no-delay';
import { PeerOptions, PeerServer, serveGraphql } from './peer-http';

/**
 * Our graph (docs/domain.md) as type definitions of the Neo4j GraphQL Library
 * (v7): the same labels, relationship types and directions, `position` to
 * sort stages, steps, actions and pain points in document order, and on the
 * relationships that keep an order of their own (DEPENDS_ON, USES,
 * CAUSED_BY). The schema is read-only: a read peer needs no mutations.
 *
 * `owners` is the one derived field: the distinct departments of the
 * action's role, its explicit owner, its process and its systems, by key, as
 * blueprint-assembly.ts computes them for our API.
 */
export const neo4jGraphqlTypeDefs = /* GraphQL */ `
  enum BlueprintState { CURRENT FUTURE DAY_IN_LIFE }
  enum Lane { CUSTOMER FRONTSTAGE BACKSTAGE SUPPORT }
  enum PainCategory { FINANCIAL PROCESS SUPPORT PRODUCTIVITY OTHER }
  enum Channel { WEB MOBILE_APP PHONE EMAIL CHAT SOCIAL IN_PERSON MAIL OTHER }

  type Blueprint @node {
    key: String!
    name: String!
    description: String
    state: BlueprintState
    personaName: String
    personaDescription: String
    stages: [Stage!]! @relationship(type: "HAS_STAGE", direction: OUT)
    painPoints: [PainPoint!]! @relationship(type: "HAS_PAIN_POINT", direction: OUT)
  }

  type Stage @node {
    key: String!
    name: String!
    position: Int!
    steps: [Step!]! @relationship(type: "HAS_STEP", direction: OUT)
  }

  type Step @node {
    key: String!
    name: String!
    evidence: [String!]
    position: Int!
    actions: [Action!]! @relationship(type: "HAS_ACTION", direction: OUT)
  }

  "The order of a relationship among its siblings (dependencies, systems, causes)."
  type Ordered @relationshipProperties {
    position: Int!
  }

  type Action @node {
    key: String!
    lane: Lane!
    name: String!
    description: String
    channel: Channel
    touchpoint: String
    emotion: Int
    position: Int!
    role: Role @relationship(type: "PERFORMED_BY", direction: OUT)
    department: Department @relationship(type: "OWNED_BY", direction: OUT)
    process: Process @relationship(type: "PART_OF", direction: OUT)
    systems: [System!]! @relationship(type: "USES", direction: OUT, properties: "Ordered")
    dependsOn: [Action!]! @relationship(type: "DEPENDS_ON", direction: OUT, properties: "Ordered")
    "the distinct owning departments, by key"
    owners: [Department!]!
      @cypher(
        statement: """
        UNWIND [(this)-[:PERFORMED_BY|USES|PART_OF]->()-[:MEMBER_OF|OWNED_BY]->(d:Department) | d]
          + [(this)-[:OWNED_BY]->(d:Department) | d] AS owner
        WITH DISTINCT owner
        ORDER BY owner.key
        RETURN owner
        """
        columnName: "owner"
      )
  }

  type PainPoint @node {
    key: String!
    title: String!
    description: String
    severity: Int!
    frequency: Float!
    category: PainCategory!
    position: Int!
    action: Action @relationship(type: "OCCURS_AT", direction: OUT)
    causes: [Action!]! @relationship(type: "CAUSED_BY", direction: OUT, properties: "Ordered")
  }

  type Department @node {
    key: String!
    name: String!
  }

  type Role @node {
    key: String!
    name: String!
    department: Department @relationship(type: "MEMBER_OF", direction: OUT)
  }

  type System @node {
    key: String!
    name: String!
    department: Department @relationship(type: "OWNED_BY", direction: OUT)
  }

  type Process @node {
    key: String!
    name: String!
    department: Department @relationship(type: "OWNED_BY", direction: OUT)
  }

  extend schema @mutation(operations: []) @subscription(events: [])
`;

/**
 * The Neo4j GraphQL Library serving our graph, configured as its
 * documentation describes: the driver given to Neo4jGraphQL, the database in
 * the context's sessionConfig. Its queries run as read transactions
 * (executeRead) on their own.
 */
export async function startNeo4jGraphqlServer(options: PeerOptions): Promise<PeerServer> {
  // As the app does: without it the driver's statements can wait 40 ms for a delayed ACK.
  disableNagleOnClientSockets();
  const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs, driver: options.driver }).getSchema();
  const context = async (): Promise<Neo4jGraphQLContext> => ({ sessionConfig: { database: options.database } });
  return serveGraphql(schema, context, options);
}
