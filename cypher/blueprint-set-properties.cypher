MATCH (b:Blueprint {key: $key})
SET b.name = $name,
    b.description = $description,
    b.state = $state,
    b.personaName = $personaName,
    b.personaDescription = $personaDescription
