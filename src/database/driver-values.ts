import neo4j, { Integer, isInt } from 'neo4j-driver';

/**
 * The one mapper from driver values to plain JavaScript: Neo4j integers become
 * numbers (our integers are positions, severities and counts, far below 2^53),
 * nodes and relationships their properties, lists and maps recursively.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return (value as Integer).toNumber();
  // Byte arrays (stored blueprint versions) stay as they come.
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const shape = value as { properties?: unknown; labels?: unknown; type?: unknown; elementId?: unknown };
    if (shape.properties !== undefined && shape.elementId !== undefined) return toPlain(shape.properties);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

/** Integers that Cypher must see as integers, not floats. */
export function int(value: number): Integer {
  return neo4j.int(value);
}
