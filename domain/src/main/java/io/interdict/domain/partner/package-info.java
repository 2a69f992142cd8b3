/**
 * The Partner aggregate (PRODUCT.md §1, §2): enrolment by an operator, the partner's Ed25519
 * signing keys (§4), suspension and reinstatement.
 */
package io.interdict.domain.partner;
