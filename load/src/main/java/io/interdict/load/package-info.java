/**
 * The load driver behind {@code scripts/bench.sh} (BENCHMARKS.md): drives a running gateway over
 * HTTP as partners would, measures raw PostgreSQL and raw Ed25519 baselines in the same run, and
 * reports every figure as a ratio to its baseline. Never run by the test suite.
 */
package io.interdict.load;
