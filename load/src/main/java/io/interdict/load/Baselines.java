package io.interdict.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What PostgreSQL alone does on this machine, in the gateway's own database: event-sized rows
 * (about 1 KB: a generated share body padded like an event row) into a scratch table shaped like
 * the event store's hot part (a sequence primary key, a unique text identifier, a {@code bytea}
 * payload, a timestamp).
 *
 * <ul>
 *   <li>A: one single-row {@code INSERT} per transaction (autocommit);
 *   <li>B: one {@code INSERT … VALUES (…), (…) …} of {@value #BATCH_ROWS} rows per transaction.
 * </ul>
 */
final class Baselines {

    static final int BATCH_ROWS = 100;
    static final String TABLE = "interdict_bench_scratch";

    private final String url;
    private final String user;
    private final String password;
    private final List<byte[]> payloads = new ArrayList<>();

    Baselines(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        ShareBodies bodies = new ShareBodies(new Random(7));
        for (int i = 0; i < 1024; i++) {
            ObjectNode body = bodies.next().json();
            // Pad to about 1 KB, the size of a stored share event with its metadata.
            body.put("padding", "x".repeat(Math.max(0, 1024 - Jcs.canonicalize(body).length - 14)));
            payloads.add(Jcs.canonicalize(body));
        }
    }

    int averagePayloadBytes() {
        return (int) payloads.stream().mapToInt(p -> p.length).average().orElse(0);
    }

    void createTable() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
            s.execute("create table " + TABLE + " (id bigserial primary key, event_identifier varchar(255) not null"
                    + " unique, payload bytea not null, recorded_at timestamptz not null default now())");
        }
    }

    void dropTable() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
        }
    }

    ClosedLoop.Outcome singleRow(int threads, Duration warmup, Duration window) throws Exception {
        return ClosedLoop.run(threads, warmup, window, index -> {
            Connection c = connect();
            c.setAutoCommit(true);
            PreparedStatement insert =
                    c.prepareStatement("insert into " + TABLE + " (event_identifier, payload) values (?, ?)");
            int[] next = {index};
            return new ClosedLoop.Client() {
                @Override
                public long call() throws SQLException {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, payloads.get(next[0]++ & 1023));
                    insert.executeUpdate();
                    return 1;
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
    }

    ClosedLoop.Outcome multiRow(int threads, Duration warmup, Duration window) throws Exception {
        StringBuilder sql = new StringBuilder("insert into " + TABLE + " (event_identifier, payload) values ");
        for (int i = 0; i < BATCH_ROWS; i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        }
        return ClosedLoop.run(threads, warmup, window, index -> {
            Connection c = connect();
            c.setAutoCommit(false);
            PreparedStatement insert = c.prepareStatement(sql.toString());
            int[] next = {index};
            return new ClosedLoop.Client() {
                @Override
                public long call() throws SQLException {
                    for (int i = 0; i < BATCH_ROWS; i++) {
                        insert.setString(2 * i + 1, UUID.randomUUID().toString());
                        insert.setBytes(2 * i + 2, payloads.get(next[0]++ & 1023));
                    }
                    insert.executeUpdate();
                    c.commit();
                    return BATCH_ROWS;
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
