/** Partners as the gateway needs them: the registry read from each partner's own event stream. */
package io.interdict.gateway.partner;
