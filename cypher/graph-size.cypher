// Nodes and relationships in the whole database, from the count store (no scan).
MATCH (n)
WITH count(n) AS nodes
MATCH ()-[r]->()
RETURN nodes, count(r) AS relationships
