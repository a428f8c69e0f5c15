// The version of every blueprint in $states (every state when null), for a question over all of them: as
// two lists in key order, one record however many blueprints. The question traces only those whose version
// differs from the trace it keeps (analysis-traces.cypher with $keys), so its cost follows what changed.
MATCH (b:Blueprint)
WHERE $states IS NULL OR b.state IN $states
WITH b.key AS key, b.revision AS version
ORDER BY key
RETURN collect(key) AS keys, collect(version) AS versions
