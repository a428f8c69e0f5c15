// The blueprints named in $keys (a list), as `b`; the start of a read.
UNWIND $keys AS key
MATCH (b:Blueprint {key: key})
