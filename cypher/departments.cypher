MATCH (d:Department)
RETURN d.key AS key, d.name AS name
ORDER BY d.key
