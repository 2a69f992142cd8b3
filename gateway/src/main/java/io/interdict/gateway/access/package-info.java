/** The access log: which partner was given which signed records, and when, recorded as events. */
package io.interdict.gateway.access;
