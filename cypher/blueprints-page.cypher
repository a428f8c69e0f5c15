// One page of blueprint keys in key order, of the states asked for, after
// the key $after when given (keyset paging, src/paging/cursor.ts). The count
// is of every blueprint the filter keeps, from the same read as the page.
MATCH (b:Blueprint)
WHERE $states IS NULL OR coalesce(b.state, 'CURRENT') IN $states
WITH b.key AS key
ORDER BY key
WITH collect(key) AS ordered
RETURN size(ordered) AS totalCount, [k IN ordered WHERE $after IS NULL OR k > $after][..$limit] AS page
