.mode csv
.import __FILE__ street
CREATE TABLE tally AS SELECT "Month", "Falls within", "LSOA code", "Crime type", count(*) AS n FROM street GROUP BY 1, 2, 3, 4;
.mode list
SELECT sum(n), count(*) FROM tally;
