/** The partner feed: visible share records in Merkle-log order, with an opaque, stable cursor. */
package io.interdict.gateway.feed;
