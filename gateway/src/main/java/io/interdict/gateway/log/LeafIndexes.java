package io.interdict.gateway.log;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Which leaf an event became, for the endpoints that serve signed records (PRODUCT.md §5: "each
 * signed record, once in the log, reports its leafIndex"). An event not yet appended has none.
 */
@Component
public class LeafIndexes {

    /** Most global indexes looked up in one query; callers with more are served in chunks. */
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    LeafIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OptionalLong ofEvent(String eventIdentifier) {
        return jdbc
                .query(
                        "select leaf_index from merkle_leaf where event_identifier = ?",
                        (rs, row) -> rs.getLong(1),
                        eventIdentifier)
                .stream()
                .mapToLong(Long::longValue)
                .findFirst();
    }

    /** Leaf index by global index, for those of {@code globalIndexes} already in the log. */
    public Map<Long, Long> ofGlobalIndexes(Collection<Long> globalIndexes) {
        Map<Long, Long> leaves = new LinkedHashMap<>();
        Long[] all = globalIndexes.stream().distinct().toArray(Long[]::new);
        for (int from = 0; from < all.length; from += CHUNK) {
            Long[] chunk = Arrays.copyOfRange(all, from, Math.min(all.length, from + CHUNK));
            jdbc.query(
                    "select global_index, leaf_index from merkle_leaf where global_index = any (?)",
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", chunk)),
                    (RowCallbackHandler) rs -> leaves.put(rs.getLong(1), rs.getLong(2)));
        }
        return leaves;
    }
}
