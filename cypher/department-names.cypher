MATCH (d:Department)
WHERE d.key IN $keys
RETURN d.key AS key, d.name AS name
