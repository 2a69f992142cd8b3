package io.interdict.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body is I-JSON (RFC 7493), which RFC 8785 canonicalisation and so every
 * signature presumes, and fits PostgreSQL text: refused, naming the member, are a string or member
 * name holding a lone UTF-16 surrogate (§2.1: not Unicode, cannot be canonicalised or stored as
 * UTF-8) or U+0000 (which PostgreSQL text cannot hold, so a projection could not store it later).
 * Duplicate member names (§2.3) and anything after the top-level value are refused by the parser
 * itself ({@code spring.jackson.parser.strict-duplicate-detection},
 * {@code spring.jackson.deserialization.fail-on-trailing-tokens}).
 */
@ControllerAdvice
class IJsonBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof JsonNode json) {
            check(json, "");
        }
        return body;
    }

    /** Throws a 400 problem naming the first member (as a JSON path) that is not I-JSON text. */
    static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            refuseIfNotText(node.textValue(), path.isEmpty() ? "the body" : path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                refuseIfNotText(member.getKey(), "a member name in " + (path.isEmpty() ? "the body" : path));
                check(member.getValue(), memberPath);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void refuseIfNotText(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new ApiProblemException(
                        ApiProblem.MALFORMED_REQUEST,
                        where + ": U+0000 (NUL) at index " + i + " is not accepted in text");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ApiProblemException(
                        ApiProblem.MALFORMED_REQUEST,
                        where + ": a lone UTF-16 surrogate U+"
                                + Integer.toHexString(c).toUpperCase() + " at index " + i
                                + " is not Unicode text (I-JSON, RFC 7493 §2.1) and cannot be canonicalised (RFC 8785)");
            }
        }
    }
}
