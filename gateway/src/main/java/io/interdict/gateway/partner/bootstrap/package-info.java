/** Enrolment of the bootstrap file's partners and agreements, as events, on first start. */
package io.interdict.gateway.partner.bootstrap;
