package io.interdict.domain.agreement;

import io.interdict.domain.common.DomainEvent;

/** The events of the {@link SharingAgreement} aggregate. */
public sealed interface SharingAgreementEvent extends DomainEvent
        permits SharingAgreementSigned, SharingAgreementRevoked {

    String agreementId();
}
