package io.interdict.gateway.startup;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "the configured database cannot be reached or refuses our credentials" into one line
 * naming {@code spring.datasource.url}, instead of the Flyway/Hikari/Hibernate stack trace it
 * surfaces as. SQLSTATE class 08 is "connection exception", 28 "invalid authorization", 3D000
 * "invalid catalog name" (PostgreSQL appendix A).
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidSettingException) {
                return null;
            }
            if (isConnectionFailure(t)) {
                String url = environment.getProperty("spring.datasource.url", "(embedded PostgreSQL)");
                return new FailureAnalysis(
                        "Cannot use the database at spring.datasource.url=" + url + ": " + oneLine(t.getMessage()),
                        "Check 'spring.datasource.url', 'spring.datasource.username' and"
                                + " 'spring.datasource.password', and that the PostgreSQL server is running.",
                        failure);
            }
        }
        return null;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
        }
        return false;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no detail given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
