// Blueprints without their contents, for lists. Follows a file that binds `b`:
// blueprints-by-key or blueprints-all.
RETURN b {.key, .name, .description, .state, .personaName, .personaDescription, .revision, .updatedAt} AS blueprint
ORDER BY b.key
