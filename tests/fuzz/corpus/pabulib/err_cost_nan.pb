META
key;value
budget;100
vote_type;approval
PROJECTS
project_id;cost
3;abc
