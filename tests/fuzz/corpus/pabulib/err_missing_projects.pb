META
key;value
budget;1
vote_type;approval
VOTES
voter_id;vote
