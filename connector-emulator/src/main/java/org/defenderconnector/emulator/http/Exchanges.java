package org.defenderconnector.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Reading requests from and writing responses to the JDK server's {@link HttpExchange}. */
public final class Exchanges {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    private Exchanges() {
    }

    /** The request body, refusing more than {@code limit} bytes. */
    public static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    throw new BodyTooLargeException(limit);
                }
            }
            return out.toByteArray();
        }
    }

    /** Parses {@code application/x-www-form-urlencoded}; the first occurrence of a name wins. */
    public static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        parseQuery(body).forEach((name, values) -> form.put(name, values.get(0)));
        return form;
    }

    /** Parses a query string (or form body) into name to values, in order. */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Sends {@code body} as UTF-8 JSON with extra {@code headers}. */
    public static void sendJson(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        send(exchange, status, JSON_UTF8, bytes(body), headers);
    }

    /** Sends a complete body of known length. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                            Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request body exceeded what the endpoint accepts. */
    public static final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(int limit) {
            super("request body larger than " + limit + " bytes");
        }
    }
}
