META
key;value
budget;1
vote_type;foo
