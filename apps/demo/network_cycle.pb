META
key;value
description;Demo partner network, improvement cycle 9
country;Network
unit;covalue demo
instance;cycle-9
num_projects;12
num_votes;49
budget;400
vote_type;approval
rule;equal-shares
currency;capacity units
PROJECTS
project_id;cost;name;category
demand-feed;120;Shared demand-forecast feed;supply_chain
returnable-pack;90;Returnable packaging pool;supply_chain,consumer_experience
last-mile-hub;160;Consolidated last-mile delivery hub;consumer_experience
order-api;70;Order API integration;sales
joint-returns;110;Joint returns processing centre;consumer_experience
asn-edi;40;Advance shipping notices over EDI;supply_chain
slotting;55;Dock slotting and appointment booking;supply_chain
vmi;85;Vendor-managed inventory pilot;manufacturing,supply_chain
carbon-ledger;65;Shared carbon ledger per order;sales
damage-photo;30;Photo proof of delivery and damage;consumer_experience
co-forecast;75;Collaborative promotion planning;sales,manufacturing
pallet-std;25;Pallet and label standard;manufacturing
VOTES
voter_id;vote;tier
raw_materials-1;pallet-std,demand-feed,slotting;raw_materials
raw_materials-2;vmi,demand-feed,co-forecast,joint-returns;raw_materials
raw_materials-3;pallet-std,demand-feed,co-forecast;raw_materials
raw_materials-4;pallet-std,demand-feed,co-forecast;raw_materials
raw_materials-5;vmi,pallet-std,demand-feed,co-forecast;raw_materials
raw_materials-6;vmi,pallet-std,demand-feed;raw_materials
raw_materials-7;vmi,pallet-std,demand-feed,co-forecast,last-mile-hub,joint-returns;raw_materials
raw_materials-8;vmi,pallet-std,demand-feed,co-forecast;raw_materials
raw_materials-9;vmi,pallet-std,demand-feed,co-forecast;raw_materials
manufacturer-1;demand-feed,vmi,co-forecast,asn-edi,joint-returns;manufacturer
manufacturer-2;demand-feed,co-forecast,pallet-std,damage-photo;manufacturer
manufacturer-3;demand-feed,vmi,co-forecast,pallet-std,asn-edi;manufacturer
manufacturer-4;demand-feed,vmi,co-forecast,pallet-std,asn-edi,slotting;manufacturer
manufacturer-5;demand-feed,pallet-std,asn-edi;manufacturer
manufacturer-6;vmi,co-forecast,asn-edi;manufacturer
manufacturer-7;demand-feed,co-forecast,pallet-std,asn-edi;manufacturer
distributor-1;slotting,returnable-pack;distributor
distributor-2;slotting,demand-feed,co-forecast;distributor
distributor-3;asn-edi,returnable-pack,joint-returns;distributor
distributor-4;slotting,asn-edi,returnable-pack,demand-feed;distributor
distributor-5;slotting,returnable-pack;distributor
logistics-1;damage-photo,co-forecast;logistics
logistics-2;slotting,last-mile-hub,returnable-pack,damage-photo,demand-feed;logistics
logistics-3;slotting,last-mile-hub,asn-edi,damage-photo;logistics
logistics-4;slotting,returnable-pack;logistics
logistics-5;slotting,last-mile-hub,asn-edi;logistics
logistics-6;last-mile-hub,returnable-pack;logistics
logistics-7;slotting,last-mile-hub,returnable-pack,damage-photo,order-api;logistics
logistics-8;slotting,last-mile-hub,returnable-pack,asn-edi,damage-photo,co-forecast;logistics
logistics-9;returnable-pack,asn-edi,pallet-std;logistics
retailer-1;order-api,joint-returns,demand-feed,carbon-ledger,pallet-std;retailer
retailer-2;order-api,demand-feed,co-forecast,carbon-ledger,asn-edi;retailer
retailer-3;order-api,joint-returns,demand-feed,co-forecast,carbon-ledger,slotting;retailer
retailer-4;order-api,demand-feed,carbon-ledger,damage-photo;retailer
retailer-5;order-api,joint-returns,demand-feed,co-forecast;retailer
retailer-6;joint-returns,co-forecast,carbon-ledger;retailer
marketplace-1;joint-returns,damage-photo,last-mile-hub;marketplace
marketplace-2;joint-returns,carbon-ledger;marketplace
marketplace-3;order-api,joint-returns,damage-photo;marketplace
marketplace-4;order-api,joint-returns,damage-photo,last-mile-hub,co-forecast;marketplace
marketplace-5;order-api,carbon-ledger,damage-photo,returnable-pack;marketplace
marketplace-6;order-api,joint-returns,carbon-ledger,damage-photo,returnable-pack;marketplace
marketplace-7;order-api,carbon-ledger,returnable-pack;marketplace
last_mile-1;last-mile-hub,damage-photo,joint-returns,returnable-pack,demand-feed,carbon-ledger;last_mile
last_mile-2;damage-photo,joint-returns,returnable-pack;last_mile
last_mile-3;last-mile-hub,joint-returns,returnable-pack;last_mile
last_mile-4;last-mile-hub,damage-photo,joint-returns;last_mile
last_mile-5;damage-photo,joint-returns,asn-edi;last_mile
last_mile-6;last-mile-hub,damage-photo,returnable-pack;last_mile
