package io.interdict.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.interdict.config.ApiSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PRODUCT.md §7 "oversized bodies": every {@code /api/v1} request body is bounded. A declared
 * {@code Content-Length} over the limit is refused with 413 before a byte is read; a body without
 * one (chunked) is counted as it is read and fails with the same 413 when it crosses the limit, so
 * nothing is parsed beyond it and nothing is stored. Runs after the security filters: only
 * authenticated partners get this far.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    /** The batch push (PRODUCT.md §6) carries up to 500 shares and has its own, larger limit. */
    static final String BATCH_PATH = "/api/v1/shares/batch";

    /** Thrown while reading a body that crosses the limit; answered with 413. */
    static final class BodyTooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long limit) {
            super("the request body exceeds the limit of " + limit + " bytes for this endpoint");
        }
    }

    private final ApiSettings settings;
    private final ObjectMapper json;

    RequestSizeLimit(ApiSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = BATCH_PATH.equals(request.getRequestURI())
                ? settings.maxBatchBodySize().toBytes()
                : settings.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            response.setStatus(ApiProblem.PAYLOAD_TOO_LARGE.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(),
                    ApiProblem.PAYLOAD_TOO_LARGE.detail("the request body of " + request.getContentLengthLong()
                            + " bytes exceeds the limit of " + limit + " bytes for this endpoint"));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
