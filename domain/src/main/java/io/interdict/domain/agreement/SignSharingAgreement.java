package io.interdict.domain.agreement;

import io.interdict.domain.common.Actor;
import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a provider may name a recipient for the given record kinds up to a marking, within a validity window. Operator only. */
public record SignSharingAgreement(
        @TargetAggregateIdentifier String agreementId,
        String provider,
        String recipient,
        Set<RecordKind> kinds,
        Tlp maxMarking,
        Instant validFrom,
        Instant validUntil,
        Actor actor) {}
