/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that every
 * signature and Merkle leaf in Interdict is computed over (PRODUCT.md section 4). Members sorted by
 * UTF-16 code units (RFC 8785 section 3.2.3), strings escaped per section 3.2.2.2, numbers written
 * as ECMAScript writes an IEEE 754 double (section 3.2.2.3), UTF-8 output (section 3.2.4).
 */
package io.interdict.audit.canonical;
