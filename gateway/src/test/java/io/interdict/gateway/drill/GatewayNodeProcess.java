package io.interdict.gateway.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One gateway node: a separate JVM started from the built jar, on its own port and data directory. */
final class GatewayNodeProcess {

    final String name;
    final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    GatewayNodeProcess(String name, Path jar, Path dataDir, ThrowawayCluster cluster, Path gatewayKey, Path issuerKey) {
        this.name = name;
        this.port = Drills.freePort();
        this.log = dataDir.resolve("gateway.log");
        this.command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--interdict.data-dir=" + dataDir,
                "--spring.datasource.url=" + cluster.url(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--interdict.signing.key-file=" + gatewayKey,
                "--interdict.dev-issuer.key-file=" + issuerKey,
                "--interdict.dev-issuer.issuer=http://interdict.drill");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())))
                    .start();
            // Never leave a gateway JVM behind if the drill's own JVM goes away.
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    void awaitReady(Duration timeout) {
        Drills.await(timeout, name + " ready (log " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return Drills.status(base() + "/actuator/health/readiness") == 200;
        });
    }

    /** SIGKILL: the JVM gets no chance to release anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful shutdown, which releases the node's segment claims. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Processor name to the segment ids this node says it owns (its /actuator/segments). */
    Map<String, List<Integer>> ownedSegments() {
        Map<String, List<Integer>> owned = new HashMap<>();
        try {
            HttpResponse<String> response = Drills.HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + "/actuator/segments"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return owned;
            }
            JsonNode processors = Drills.JSON.readTree(response.body()).get("processors");
            processors.fields().forEachRemaining(entry -> {
                List<Integer> ids = new ArrayList<>();
                entry.getValue().get("owned").forEach(id -> ids.add(id.asInt()));
                owned.put(entry.getKey(), ids);
            });
        } catch (IOException e) {
            return owned;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return owned;
    }
}
