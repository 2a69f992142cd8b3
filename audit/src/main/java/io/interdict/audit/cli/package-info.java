/**
 * {@code interdict-verify}: the offline verifier an auditor runs on exported signed records and the
 * published JWK set, with no access to the gateway (PRODUCT.md section 4, "any consumer can verify a
 * record offline"). Exit status 0 when everything verifies, 1 when any record fails, 2 on usage or
 * input errors.
 */
package io.interdict.audit.cli;
