// Blueprints without their contents, for lists; all of them when $keys is null.
MATCH (b:Blueprint)
WHERE $keys IS NULL OR b.key IN $keys
RETURN b {.key, .name, .description, .state, .personaName, .personaDescription} AS blueprint
ORDER BY b.key
