package io.interdict.gateway.support;

import org.axonframework.serialization.Revision;

/** A test-only event: proves the event store and processors work without depending on the domain. */
@Revision("1")
public record ProbeRecorded(String probeId, String note) {}
