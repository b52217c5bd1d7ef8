META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost
7;1
7;2
