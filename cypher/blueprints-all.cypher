// Every blueprint, as `b`; the start of a read.
MATCH (b:Blueprint)
