package io.interdict.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A response body written while it is produced (an audit bundle of a million records, a feed
 * page), and what a failure half-way through means to the client.
 *
 * <p>Until bytes have left, a failure is an ordinary problem response: nothing is committed, so the
 * buffered body and the headers set for it are dropped and the exception goes on to {@code
 * ApiExceptionHandler} (a lost database is a 503, a bug a 500). Once bytes have left, the status
 * line went with them: a problem document appended to a 200 body would make a truncated bundle look
 * like a complete one with garbage after it. So the failure is logged here, once (with its stack,
 * unless the client itself went away), and the connection is closed without the terminating chunk
 * ({@link CutConnectionValve}): an HTTP/1.1 client sees an incomplete body, never a short but
 * well-formed one.
 *
 * <p>The writer's flushes and its close are held: Tomcat sends when its response buffer fills and
 * when the request ends, so a small body, or a failure early in a large one, still gets a status of
 * its own. (Jackson's {@code writeTree} flushes after every value; that flush would commit a 200
 * before the first record had been read.)
 */
public final class StreamedResponse {

    private static final Logger log = LoggerFactory.getLogger(StreamedResponse.class);

    /** Writes a body into the stream it is given; it need not flush or close it. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private StreamedResponse() {}

    /**
     * Sends {@code body} with the status and headers already set on {@code response}.
     *
     * @throws ResponseCut when it failed after bytes had left; the connection will be cut
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, Body body) throws IOException {
        Counted out = new Counted(response.getOutputStream());
        try {
            body.writeTo(out);
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
                throw e;
            }
            String what = request.getMethod() + " " + request.getRequestURI();
            if (out.clientFailure != null) { // whatever the body threw after, it stopped because the client left
                log.info("{}: the client went away after {} bytes ({})", what, out.count, out.clientFailure.toString());
            } else {
                log.error(
                        "{}: failed after {} bytes of a 200 response had been written; the connection is cut so the"
                                + " client sees an incomplete response",
                        what,
                        out.count,
                        e);
            }
            request.setAttribute(CutConnectionValve.CUT, Boolean.TRUE);
            throw new ResponseCut(what, e);
        }
    }

    /** Counts what the body writes, remembers a failed write (the client is gone), holds flush and close. */
    private static final class Counted extends OutputStream {

        private final OutputStream target;
        private long count;
        private IOException clientFailure;

        Counted(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                target.write(bytes, offset, length);
            } catch (IOException e) {
                clientFailure = e;
                throw e;
            }
            count += length;
        }

        @Override
        public void flush() {
            // held: see the class comment
        }

        @Override
        public void close() {
            // held: closing the servlet stream would end the response cleanly, even after a failure
        }
    }
}
