// What changed in the watched blueprints since the versions a change feed has
// seen: each key's current revision (null when it does not exist) and the
// versions after the seen one, oldest first. One statement for every watched
// key; each seek is by unique key or by the (blueprintKey, version) index.
UNWIND $watched AS w
OPTIONAL MATCH (b:Blueprint {key: w.key})
WITH w, b.revision AS revision
RETURN w.key AS key, revision,
       COLLECT { MATCH (v:BlueprintVersion)
                 WHERE v.blueprintKey = w.key AND v.version > coalesce(w.version, 0) AND revision <> coalesce(w.version, 0)
                 RETURN v {.version, .at, .operation, .author} ORDER BY v.version } AS versions
