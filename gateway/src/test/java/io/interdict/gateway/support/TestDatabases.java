package io.interdict.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where integration tests get their PostgreSQL. By default each gateway started by a test runs its
 * own embedded PostgreSQL. When {@code SPRING_DATASOURCE_URL} is set (CI's second pass against the
 * machine's PostgreSQL 15), tests that start their own gateway get a fresh database on that server.
 */
public final class TestDatabases {

    private TestDatabases() {}

    public static Optional<String> externalUrl() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("spring.datasource.url");
        }
        return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    public static boolean external() {
        return externalUrl().isPresent();
    }

    /** Properties that point a new gateway at a fresh database, or none for the embedded default. */
    public static Map<String, Object> freshDatabaseProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Optional<String> external = externalUrl();
        if (external.isEmpty()) {
            return properties;
        }
        String serverUrl = external.get();
        String name =
                "interdict_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(serverUrl, username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + serverUrl, e);
        }
        properties.put("spring.datasource.url", withDatabase(serverUrl, name));
        properties.put("spring.datasource.username", username());
        properties.put("spring.datasource.password", password());
        return properties;
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static String username() {
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");
        return user == null ? "postgres" : user;
    }

    private static String password() {
        String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
        return password == null ? "" : password;
    }
}
