// What an import must know before it writes: does the blueprint exist, which
// organisation-wide keys that the document only references are missing, and
// which existing entries the document lists with another name or department
// (changing those is an organisation-wide change, for admins only). The
// referenced entries that exist come back as they are, for the version the
// write records, and so does the blueprint's current version.
// Kept plan (replan=skip): it starts from unique-key seeks, see src/database/cypher-files.ts.
CYPHER replan=skip
OPTIONAL MATCH (b:Blueprint {key: $key})
RETURN b IS NOT NULL AS exists,
       b.revision AS version,
       COLLECT { UNWIND $departments AS k MATCH (d:Department {key: k}) RETURN {key: d.key, name: d.name} } AS knownDepartments,
       COLLECT { UNWIND $roles AS k MATCH (n:Role {key: k})-[:MEMBER_OF]->(d:Department)
                 RETURN {key: n.key, name: n.name, department: d.key, departmentName: d.name} } AS knownRoles,
       COLLECT { UNWIND $systems AS k MATCH (n:System {key: k})-[:OWNED_BY]->(d:Department)
                 RETURN {key: n.key, name: n.name, department: d.key, departmentName: d.name} } AS knownSystems,
       COLLECT { UNWIND $processes AS k MATCH (n:Process {key: k})-[:OWNED_BY]->(d:Department)
                 RETURN {key: n.key, name: n.name, department: d.key, departmentName: d.name} } AS knownProcesses,
       [k IN $departments WHERE NOT EXISTS { MATCH (:Department {key: k}) }] AS missingDepartments,
       [k IN $roles WHERE NOT EXISTS { MATCH (:Role {key: k}) }] AS missingRoles,
       [k IN $systems WHERE NOT EXISTS { MATCH (:System {key: k}) }] AS missingSystems,
       [k IN $processes WHERE NOT EXISTS { MATCH (:Process {key: k}) }] AS missingProcesses,
       COLLECT { UNWIND $listedDepartments AS row
                 MATCH (d:Department {key: row.key}) WHERE d.name <> row.name
                 RETURN {kind: 'department', key: row.key, name: [d.name, row.name]} } +
       COLLECT { UNWIND $listedRoles AS row
                 MATCH (n:Role {key: row.key})-[:MEMBER_OF]->(d:Department) WHERE n.name <> row.name OR d.key <> row.department
                 RETURN {kind: 'role', key: row.key, name: [n.name, row.name], department: [d.key, row.department]} } +
       COLLECT { UNWIND $listedSystems AS row
                 MATCH (n:System {key: row.key})-[:OWNED_BY]->(d:Department) WHERE n.name <> row.name OR d.key <> row.department
                 RETURN {kind: 'system', key: row.key, name: [n.name, row.name], department: [d.key, row.department]} } +
       COLLECT { UNWIND $listedProcesses AS row
                 MATCH (n:Process {key: row.key})-[:OWNED_BY]->(d:Department) WHERE n.name <> row.name OR d.key <> row.department
                 RETURN {kind: 'process', key: row.key, name: [n.name, row.name], department: [d.key, row.department]} } AS changedEntries
