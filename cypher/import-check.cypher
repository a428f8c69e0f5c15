// What an import must know before it writes: does the blueprint exist, and
// which organisation-wide keys that the document only references are missing.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
OPTIONAL MATCH (b:Blueprint {key: $key})
RETURN b IS NOT NULL AS exists,
       [k IN $departments WHERE NOT EXISTS { MATCH (:Department {key: k}) }] AS missingDepartments,
       [k IN $roles WHERE NOT EXISTS { MATCH (:Role {key: k}) }] AS missingRoles,
       [k IN $systems WHERE NOT EXISTS { MATCH (:System {key: k}) }] AS missingSystems,
       [k IN $processes WHERE NOT EXISTS { MATCH (:Process {key: k}) }] AS missingProcesses
