// The version of each blueprint a question is about: the one named $key, or (with $key null) every
// blueprint in $states (every state when null). `inStates` says whether the named one is in $states.
CALL () {
  MATCH (b:Blueprint {key: $key}) RETURN b
  UNION
  MATCH (b:Blueprint) WHERE $key IS NULL AND ($states IS NULL OR b.state IN $states) RETURN b
}
RETURN b.key AS key, b.revision AS version, ($states IS NULL OR b.state IN $states) AS inStates
ORDER BY key
