package io.interdict.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.GatewayIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link StreamedResponse} on the running Tomcat, read by a client that parses HTTP/1.1 framing itself
 * (RFC 9112 §7.1) so it can tell a complete body from one the server cut: a failure before bytes
 * left is a problem response; after, the connection ends without the terminating chunk, the failure
 * is logged once, and nothing is appended to the 200 body.
 */
class StreamedResponseIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;
    ListAppender<ILoggingEvent> streamed;
    ListAppender<ILoggingEvent> handler;

    @BeforeEach
    void listen() {
        api = new ApiClient(port);
        streamed = attach(StreamedResponse.class);
        handler = attach(ApiExceptionHandler.class);
    }

    @AfterEach
    void stopListening() {
        detach(StreamedResponse.class, streamed);
        detach(ApiExceptionHandler.class, handler);
    }

    @Test
    void aCompleteBodyArrivesWholeAndEndsWithTheTerminatingChunk() throws Exception {
        Raw response = get("/api/v1/test/stream?bytes=300000&then=end");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(response.complete()).isTrue();
        assertThat(response.body()).hasSize(300_000);
        assertThat(onlyX(response.body())).isTrue();
        assertThat(events(streamed)).isEmpty();
    }

    @Test
    void aFailureBeforeAnyByteLeftIsAProblemWithoutTheBodyOrItsHeaders() throws Exception {
        Raw response = get("/api/v1/test/stream?bytes=1000&then=bug");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.header("content-disposition")).isNull();
        assertThat(response.complete()).isTrue();
        assertThat(response.body()).doesNotContain("xxx").contains("\"status\":500");
        assertThat(messages(handler, Level.ERROR)).containsExactly("Unexpected failure");
        assertThat(events(streamed)).isEmpty();
    }

    @Test
    void aDatabaseLostBeforeAnyByteLeftIsA503WithRetryAfter() throws Exception {
        Raw response = get("/api/v1/test/stream?bytes=1000&then=database");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("retry-after")).isEqualTo("5");
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("xxx");
    }

    @Test
    void aFailureAfterBytesLeftCutsTheConnectionAndIsLoggedOnceWithItsCause() throws Exception {
        Raw response = get("/api/v1/test/stream?bytes=300000&then=bug");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(response.complete())
                .as("the terminating chunk must not be sent")
                .isFalse();
        assertThat(response.body()).isNotEmpty();
        assertThat(onlyX(response.body()))
                .as("nothing but the body is sent: no problem document glued on")
                .isTrue();
        List<ILoggingEvent> errors = events(streamed).stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getFormattedMessage())
                .contains("GET /api/v1/test/stream", "300000 bytes", "connection is cut");
        assertThat(errors.get(0).getThrowableProxy().getMessage()).isEqualTo("probe: a bug half-way");
        assertThat(messages(handler, Level.ERROR)).isEmpty();
    }

    @Test
    void aClientThatGoesAwayIsNotedWithoutAnErrorAndTheWriterStops() throws Exception {
        try (Socket socket = open("/api/v1/test/stream?bytes=0&then=keep-writing")) {
            InputStream in = socket.getInputStream();
            byte[] some = in.readNBytes(64 * 1024);
            assertThat(new String(some, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !events(streamed).isEmpty());
        List<ILoggingEvent> noted = events(streamed);
        assertThat(noted).hasSize(1);
        assertThat(noted.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(noted.get(0).getFormattedMessage()).contains("the client went away after");
        assertThat(noted.get(0).getThrowableProxy()).isNull();
        assertThat(messages(handler, Level.ERROR)).isEmpty();
    }

    // --- a client that reads HTTP/1.1 framing itself ---

    record Raw(int status, Map<String, String> headers, String body, boolean complete) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Socket open(String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                        + api.token("amazon") + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private Raw get(String path) throws IOException {
        try (Socket socket = open(path)) {
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(
                        header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean complete;
            if (headers.containsKey("content-length")) {
                int length = Integer.parseInt(headers.get("content-length"));
                byte[] read = in.readNBytes(length);
                body.writeBytes(read);
                complete = read.length == length;
            } else {
                complete = chunks(in, body);
            }
            return new Raw(status, headers, body.toString(StandardCharsets.UTF_8), complete);
        }
    }

    /** Reads chunks into {@code body}; whether the last (zero-size) chunk and the end of trailers arrived. */
    private static boolean chunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        try {
            while (true) {
                String sizeLine = line(in);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
                if (size == 0) {
                    while (!line(in).isEmpty()) {
                        // trailer fields
                    }
                    return true;
                }
                byte[] data = in.readNBytes(size);
                body.writeBytes(data);
                if (data.length < size || !line(in).isEmpty()) {
                    return false;
                }
            }
        } catch (EOFException cut) {
            return false;
        } catch (IOException reset) {
            return false; // a connection reset mid-body is a cut too
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static boolean onlyX(String body) {
        return body.chars().allMatch(c -> c == 'x');
    }

    // --- log capture ---

    private static ListAppender<ILoggingEvent> attach(Class<?> source) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
        return appender;
    }

    private static void detach(Class<?> source, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(source)).detachAppender(appender);
    }

    private static List<ILoggingEvent> events(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    private static List<String> messages(ListAppender<ILoggingEvent> appender, Level level) {
        return events(appender).stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
