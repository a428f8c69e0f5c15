// The blueprints in one of the states in $states (a list), as `b`; the start of a read.
MATCH (b:Blueprint)
WHERE coalesce(b.state, 'CURRENT') IN $states
