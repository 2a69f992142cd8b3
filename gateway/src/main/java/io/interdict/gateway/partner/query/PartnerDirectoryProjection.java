package io.interdict.gateway.partner.query;

import io.interdict.domain.agreement.SharingAgreementRevoked;
import io.interdict.domain.agreement.SharingAgreementSigned;
import io.interdict.domain.partner.PartnerEnrolled;
import io.interdict.domain.partner.PartnerReinstated;
import io.interdict.domain.partner.PartnerSigningKeyRegistered;
import io.interdict.domain.partner.PartnerSigningKeyRevoked;
import io.interdict.domain.partner.PartnerSuspended;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the partner directory tables in step with Partner and SharingAgreement events. Each handler
 * is idempotent (insert … on conflict do nothing, updates that set absolute values) so that
 * at-least-once delivery and replays leave the same rows.
 */
@Component
@ProcessingGroup(PartnerDirectoryProjection.PROCESSOR)
class PartnerDirectoryProjection {

    static final String PROCESSOR = "partner-directory";

    private final JdbcTemplate jdbc;

    PartnerDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartnerEnrolled event) {
        jdbc.update(
                "insert into partner (partner_id, kind, display_name, roles, suspended, enrolled_at)"
                        + " values (?, ?, ?, ?::varchar[], false, ?) on conflict (partner_id) do nothing",
                event.partnerId(),
                event.kind().name(),
                event.displayName(),
                event.roles().stream().map(Enum::name).sorted().toArray(String[]::new),
                timestamp(event.occurredAt()));
    }

    @EventHandler
    void on(PartnerSuspended event) {
        jdbc.update("update partner set suspended = true where partner_id = ?", event.partnerId());
    }

    @EventHandler
    void on(PartnerReinstated event) {
        jdbc.update("update partner set suspended = false where partner_id = ?", event.partnerId());
    }

    @EventHandler
    void on(PartnerSigningKeyRegistered event) {
        jdbc.update(
                "insert into partner_key (kid, partner_id, public_x, valid_from, registered_at)"
                        + " values (?, ?, ?, ?, ?) on conflict (kid) do nothing",
                event.kid(),
                event.partnerId(),
                event.publicKeyX(),
                timestamp(event.validFrom()),
                timestamp(event.occurredAt()));
    }

    @EventHandler
    void on(PartnerSigningKeyRevoked event) {
        jdbc.update(
                "update partner_key set revoked_at = ? where kid = ? and partner_id = ?",
                timestamp(event.occurredAt()),
                event.kid(),
                event.partnerId());
    }

    @EventHandler
    void on(SharingAgreementSigned event) {
        jdbc.update(
                "insert into sharing_agreement (agreement_id, provider, recipient, kinds, max_marking,"
                        + " valid_from, valid_until, signed_at) values (?, ?, ?, ?::varchar[], ?, ?, ?, ?)"
                        + " on conflict (agreement_id) do nothing",
                event.agreementId(),
                event.provider(),
                event.recipient(),
                event.kinds().stream().map(Enum::name).sorted().toArray(String[]::new),
                event.maxMarking().name(),
                timestamp(event.validFrom()),
                timestamp(event.validUntil()),
                timestamp(event.occurredAt()));
    }

    @EventHandler
    void on(SharingAgreementRevoked event) {
        jdbc.update(
                "update sharing_agreement set revoked_at = ? where agreement_id = ?",
                timestamp(event.occurredAt()),
                event.agreementId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from sharing_agreement");
        jdbc.update("delete from partner_key");
        jdbc.update("delete from partner");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
