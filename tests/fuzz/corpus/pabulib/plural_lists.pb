META
key;value
budget;10
vote_type;approval
PROJECTS
project_id;cost;categories;targets;extra
a;5;x, y;z;none
b;5;NONE;;
VOTES
voter_id;vote
1;a , b
