package io.interdict.gateway.support;

import io.interdict.gateway.web.StreamedResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only streamed endpoint, {@code GET /api/v1/test/stream?bytes=N&then=…}: writes {@code N}
 * bytes of {@code x} through {@link StreamedResponse} (flushing after every 8 KiB, as Jackson
 * would), then ends ({@code end}), fails like a bug ({@code bug}) or like a lost database
 * ({@code database}), or keeps writing until the client goes away ({@code keep-writing}).
 */
@TestConfiguration(proxyBeanMethods = false)
@RestController
public class StreamProbeEndpoints {

    private static final long KEEP_WRITING_AT_MOST = 1L << 30;

    @GetMapping("/api/v1/test/stream")
    void stream(
            @RequestParam long bytes,
            @RequestParam String then,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"probe.json\"");
        StreamedResponse.send(request, response, out -> {
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            long limit = then.equals("keep-writing") ? KEEP_WRITING_AT_MOST : bytes;
            for (long written = 0; written < limit; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, limit - written));
                out.flush();
            }
            switch (then) {
                case "end", "keep-writing" -> {}
                case "bug" -> throw new IllegalStateException("probe: a bug half-way");
                case "database" ->
                    throw new CannotGetJdbcConnectionException(
                            "probe", new SQLTransientConnectionException("probe: connection lost", "08006"));
                default -> throw new IllegalArgumentException("then: " + then);
            }
        });
    }
}
