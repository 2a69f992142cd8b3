/** Axon wiring: serializers, processors and aggregate registration for the domain module. */
package io.interdict.gateway.axon;
