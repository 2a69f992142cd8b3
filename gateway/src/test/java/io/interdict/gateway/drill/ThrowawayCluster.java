package io.interdict.gateway.drill;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of its own ({@code pg_createcluster}, trust authentication on a free
 * port), so the drill can stop the database abruptly without touching the machine's main cluster.
 */
final class ThrowawayCluster implements AutoCloseable {

    private final String name;
    final int port;
    final String database = "interdict_drill";

    private ThrowawayCluster(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static ThrowawayCluster create() {
        String name = "drill_" + ProcessHandle.current().pid();
        int port = Drills.freePort();
        run("pg_createcluster", "15", name, "-p", Integer.toString(port), "--", "--auth=trust");
        ThrowawayCluster cluster = new ThrowawayCluster(name, port);
        cluster.start();
        try (Connection c = DriverManager.getConnection(cluster.url("postgres"), "postgres", "")) {
            c.createStatement().execute("create database " + cluster.database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the drill database", e);
        }
        return cluster;
    }

    String url() {
        return url(database);
    }

    String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    void start() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", "15", name, "start");
        Drills.await(Duration.ofSeconds(60), "PostgreSQL accepting connections", () -> {
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    /** Stops the server at once, as a crash would: no checkpoint, every connection cut. */
    void stopImmediately() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", "15", name, "stop", "-m", "immediate");
    }

    @Override
    public void close() {
        run("pg_dropcluster", "--stop", "15", name);
    }

    private static void run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", args) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
