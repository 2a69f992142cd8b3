package io.interdict.gateway.web;

/**
 * A streamed response failed after bytes had left (see {@link StreamedResponse}): the failure is
 * logged and the connection will be cut, so there is nothing left to answer.
 */
public final class ResponseCut extends RuntimeException {

    ResponseCut(String request, Throwable cause) {
        super(request + ": response cut after a failure", cause);
    }
}
