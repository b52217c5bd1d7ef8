META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost;name
1;5;x
2;5