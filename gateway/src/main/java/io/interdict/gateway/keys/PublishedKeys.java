package io.interdict.gateway.keys;

import io.interdict.audit.jose.Jwk;
import io.interdict.audit.jose.JwkSet;
import io.interdict.audit.jose.PublishedKey;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The JWK set of PRODUCT.md §4: every gateway key ever used and every partner key, revoked ones included. */
@Component
public class PublishedKeys {

    private final JdbcTemplate jdbc;

    PublishedKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JwkSet current() {
        List<PublishedKey> keys = new ArrayList<>();
        jdbc.query("select kid, public_x, valid_from from gateway_key order by valid_from, kid", row -> {
            keys.add(new PublishedKey(
                    jwk(row.getString(1), row.getString(2)),
                    PublishedKey.GATEWAY,
                    row.getTimestamp(3).toInstant(),
                    null));
        });
        jdbc.query(
                "select kid, public_x, partner_id, valid_from, revoked_at from partner_key order by partner_id, valid_from, kid",
                row -> {
                    Timestamp revoked = row.getTimestamp(5);
                    keys.add(new PublishedKey(
                            jwk(row.getString(1), row.getString(2)),
                            row.getString(3),
                            row.getTimestamp(4).toInstant(),
                            revoked == null ? null : revoked.toInstant()));
                });
        return JwkSet.of(keys);
    }

    private static Jwk jwk(String kid, String x) {
        return Jwk.of(kid, Base64.getUrlDecoder().decode(x));
    }
}
