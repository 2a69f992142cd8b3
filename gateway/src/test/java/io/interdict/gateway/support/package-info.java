/** Test support shared by the gateway's integration tests. */
package io.interdict.gateway.support;
