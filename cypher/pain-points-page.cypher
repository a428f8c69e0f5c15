// One page of pain points across blueprints, filtered, ordered by the value
// asked for (descending), then blueprint key and key; after the place of
// $after when given (keyset paging, src/paging/cursor.ts). The count is of
// every pain point the filters keep, from the same read as the page.
MATCH (b:Blueprint)-[:HAS_PAIN_POINT]->(p:PainPoint)
WHERE ($blueprintKey IS NULL OR b.key = $blueprintKey)
  AND ($states IS NULL OR coalesce(b.state, 'CURRENT') IN $states)
  AND ($categories IS NULL OR p.category IN $categories)
  AND ($minSeverity IS NULL OR p.severity >= $minSeverity)
WITH b.key AS blueprintKey, p.key AS key,
     CASE $orderBy WHEN 'SEVERITY' THEN toFloat(p.severity) WHEN 'FREQUENCY' THEN toFloat(p.frequency) ELSE p.severity * p.frequency END AS value
ORDER BY value DESC, blueprintKey, key
WITH collect({value: value, blueprintKey: blueprintKey, key: key}) AS ordered
RETURN size(ordered) AS totalCount,
       [x IN ordered WHERE $after IS NULL
          OR x.value < $after.value
          OR (x.value = $after.value AND (x.blueprintKey > $after.blueprintKey OR (x.blueprintKey = $after.blueprintKey AND x.key > $after.key)))][..$limit] AS page
