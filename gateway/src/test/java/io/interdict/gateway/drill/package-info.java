/**
 * Fault drills (issue 7): real gateway processes from the built jar on a throwaway PostgreSQL
 * cluster, one node killed, the database stopped, and what was acknowledged checked afterwards.
 * Run by {@code mvn verify -Pdrills} (CI's pass 3), not by the ordinary test suite.
 */
package io.interdict.gateway.drill;
