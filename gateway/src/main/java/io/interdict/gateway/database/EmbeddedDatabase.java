package io.interdict.gateway.database;

import io.interdict.gateway.startup.InvalidSettingException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server process whose data lives in the gateway's data directory, so the default
 * deployment runs the same engine as production and keeps its data across restarts.
 *
 * <p>One gateway process owns a data directory at a time (an OS file lock). A postmaster left
 * running by a gateway that was killed (SIGKILL skips the shutdown hook) is shut down before ours
 * starts: holding the lock proves no live gateway uses it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "interdict";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path directory) {
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(
                    directory.resolveSibling(directory.getFileName() + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new InvalidSettingException(
                    "interdict.data-dir", "the database in " + directory + " is in use by another gateway process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidSettingException(
                    "interdict.data-dir", "cannot prepare the database directory " + directory + " (" + e + ")", e);
        }
        try {
            stopOrphanedPostmaster(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // Stopped by close(), when Spring destroys this bean: after the event processors
                    // have released their token claims and the pool has closed. zonky's own JVM
                    // shutdown hook would stop it concurrently with that, mid-release.
                    .setRegisterShutdownHook(false)
                    .start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL serving {} on 127.0.0.1:{}", directory, postgres.getPort());
            return new EmbeddedDatabase(channel, lock, postgres);
        } catch (IOException | SQLException | RuntimeException e) {
            releaseQuietly(lock);
            closeQuietly(channel);
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException(
                    "interdict.data-dir", "cannot start the embedded PostgreSQL in " + directory + " (" + e + ")", e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            releaseQuietly(lock);
            closeQuietly(lockChannel);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        }
    }

    private static void stopOrphanedPostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return;
        }
        String command = process.get().info().command().orElse("");
        if (!command.endsWith("postgres")) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a gateway that did not shut down", pid, directory);
        process.get().destroy();
        try {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    private static void releaseQuietly(FileLock lock) {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel is closed next; the OS drops the lock with it
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do while already failing
            }
        }
    }
}
