/** Intelligence shares: pushing (signatures, agreements, idempotency) and reading. */
package io.interdict.gateway.share;
