

META

key;value
budget;10
   
vote_type;approval

PROJECTS
project_id;cost
	
1;5

VOTES
voter_id;vote

1;1

