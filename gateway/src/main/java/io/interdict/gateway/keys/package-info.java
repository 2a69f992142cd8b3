/** The published JWK set and partners' own signing-key management (PRODUCT.md §4). */
package io.interdict.gateway.keys;
