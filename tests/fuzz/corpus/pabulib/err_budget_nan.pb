META
key;value
budget;12x
vote_type;approval
