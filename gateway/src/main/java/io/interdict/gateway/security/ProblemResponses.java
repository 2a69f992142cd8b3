package io.interdict.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.interdict.gateway.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes the RFC 9457 problem documents of the security layer: {@code type}, {@code title},
 * {@code status}, {@code detail} and {@code instance} (the path, never the query string, which may
 * hold a token). Type, title and status are those of an {@link ApiProblem}, so a client switches on
 * the same {@code urn:interdict:problem:*} types whether the security layer or the API refused it.
 * Details are texts chosen here; nothing a client sent is echoed but the path.
 */
final class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ApiProblem type,
            String detail,
            String wwwAuthenticate)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(type.status().value());
        if (wwwAuthenticate != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.type().toString());
        problem.put("title", type.title());
        problem.put("status", type.status().value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * An RFC 6750 §3 challenge. Parameter values are restricted to the characters §3 allows in
     * {@code error_description} (no quote, no backslash, printable ASCII).
     */
    static String bearerChallenge(String error, String description) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"interdict\"");
        if (error != null) {
            challenge.append(", error=\"").append(quotable(error)).append('"');
        }
        if (description != null) {
            challenge
                    .append(", error_description=\"")
                    .append(quotable(description))
                    .append('"');
        }
        return challenge.toString();
    }

    static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }
}
