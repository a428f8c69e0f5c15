// Deletes an opportunity by key; what it names stays.
MATCH (o:Opportunity {key: $key})
DETACH DELETE o
RETURN count(*) AS deleted
