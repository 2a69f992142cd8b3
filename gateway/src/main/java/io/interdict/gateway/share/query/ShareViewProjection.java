package io.interdict.gateway.share.query;

import io.interdict.domain.share.IntelligenceShareAmended;
import io.interdict.domain.share.IntelligenceShareAudienceExtended;
import io.interdict.domain.share.IntelligenceShareWithdrawn;
import io.interdict.domain.share.IntelligenceShared;
import java.sql.Timestamp;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code share_view} and {@code share_version} in step with share events, idempotently. */
@Component
@ProcessingGroup(ShareViewProjection.PROCESSOR)
class ShareViewProjection {

    static final String PROCESSOR = "shares";

    private final JdbcTemplate jdbc;

    ShareViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IntelligenceShared event, @SequenceNumber long sequence) {
        jdbc.update(
                "insert into share_view (share_id, provider, kind, marking, audience, latest_version, pushed_at)"
                        + " values (?, ?, ?, ?, ?::varchar[], ?, ?) on conflict (share_id) do nothing",
                event.shareId(),
                event.provider(),
                event.kind().name(),
                event.marking().name(),
                sorted(event.audience()),
                event.version(),
                Timestamp.from(event.occurredAt()));
        version(event.shareId(), event.version(), sequence);
    }

    @EventHandler
    void on(IntelligenceShareAmended event, @SequenceNumber long sequence) {
        jdbc.update(
                "update share_view set kind = ?, marking = ?, audience = ?::varchar[],"
                        + " latest_version = greatest(latest_version, ?) where share_id = ?",
                event.kind().name(),
                event.marking().name(),
                sorted(event.audience()),
                event.version(),
                event.shareId());
        version(event.shareId(), event.version(), sequence);
    }

    @EventHandler
    void on(IntelligenceShareAudienceExtended event) {
        jdbc.update(
                "update share_view set audience = ?::varchar[] where share_id = ?",
                sorted(event.audience()),
                event.shareId());
    }

    @EventHandler
    void on(IntelligenceShareWithdrawn event) {
        jdbc.update("update share_view set withdrawn = true where share_id = ?", event.shareId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from share_version");
        jdbc.update("delete from share_view");
    }

    private void version(String shareId, int version, long sequence) {
        jdbc.update(
                "insert into share_version (share_id, version, sequence_number) values (?, ?, ?)"
                        + " on conflict do nothing",
                shareId,
                version,
                sequence);
    }

    private static String[] sorted(Set<String> ids) {
        return ids == null ? new String[0] : ids.stream().sorted().toArray(String[]::new);
    }
}
