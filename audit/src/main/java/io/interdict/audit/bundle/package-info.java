/**
 * Audit bundles (audit/BUNDLE.md): one file with the key set, two signed tree heads, the
 * consistency proof between them and every signed record from a leaf index to the end of the newer
 * head, written as a stream and verified as a stream, offline, with public keys only (PRODUCT.md
 * sections 4 and 5).
 */
package io.interdict.audit.bundle;
