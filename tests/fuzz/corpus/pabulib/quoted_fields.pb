META
key;value
budget;10
vote_type;approval
description;"a; b, ""c"""
PROJECTS
project_id;cost;name
"p;1";5;"  spaced  "
p2;6;"two
lines"
p3;7;"ab"cd
VOTES
voter_id;vote
1;"p;1,p2"
"2";p3
