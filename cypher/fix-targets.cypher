// Which of the things that fixes name do not exist: organisation entries by
// key, actions and steps by blueprint and key. One round trip for any number of fixes.
RETURN [k IN $departments WHERE NOT EXISTS { MATCH (:Department {key: k}) }] AS departments,
       [k IN $roles WHERE NOT EXISTS { MATCH (:Role {key: k}) }] AS roles,
       [k IN $systems WHERE NOT EXISTS { MATCH (:System {key: k}) }] AS systems,
       [k IN $processes WHERE NOT EXISTS { MATCH (:Process {key: k}) }] AS processes,
       [f IN $actions WHERE NOT EXISTS { MATCH (:Action {blueprintKey: f.blueprintKey, key: f.key}) }] AS actions,
       [f IN $steps WHERE NOT EXISTS { MATCH (:Step {blueprintKey: f.blueprintKey, key: f.key}) }] AS steps
