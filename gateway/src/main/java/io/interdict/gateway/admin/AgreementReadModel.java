package io.interdict.gateway.admin;

import io.interdict.config.ApiSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Waits, bounded by {@code interdict.api.read-model-wait}, until the {@code sharing_agreement} read
 * model shows an agreement change that has just committed, so that the next push — on any node, as
 * they share the table — is judged with it (PRODUCT.md §3: effect on the next request). Revocations
 * do not depend on this wait: the push check confirms them from the event store.
 */
@Component
class AgreementReadModel {

    private static final Logger log = LoggerFactory.getLogger(AgreementReadModel.class);
    private static final long POLL_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final Duration wait;

    AgreementReadModel(JdbcTemplate jdbc, ApiSettings settings) {
        this.jdbc = jdbc;
        this.wait = settings.readModelWait();
    }

    /** True once the agreement is listed; false (and a warning) when the wait ran out. */
    boolean awaitSigned(String agreementId) {
        return await(agreementId, "select count(*) from sharing_agreement where agreement_id = ?", "signing");
    }

    /** True once the agreement is listed as revoked; false (and a warning) when the wait ran out. */
    boolean awaitRevoked(String agreementId) {
        return await(
                agreementId,
                "select count(*) from sharing_agreement where agreement_id = ? and revoked_at is not null",
                "revocation");
    }

    private boolean await(String agreementId, String sql, String change) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Long found = jdbc.queryForObject(sql, Long.class, agreementId);
            if (found != null && found > 0) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                log.warn(
                        "The sharing_agreement read model did not show the {} of agreement {} within {}",
                        change,
                        agreementId,
                        wait);
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
