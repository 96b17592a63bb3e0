package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/**
 * Defender's RemoteUrl holds either a bare host name ("www.example.com") or a URL
 * ("https://www.example.com/path"). A bare host becomes the endpoint's {@code hostname}; a URL becomes
 * an OCSF {@code url} object and its host the endpoint's {@code hostname}.
 */
record RemoteUrl(String hostname, ObjectNode url) {

    static Optional<RemoteUrl> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        boolean looksLikeUrl = text.contains("://") || text.contains("/") || text.contains("?");
        if (!looksLikeUrl) {
            return Optional.of(new RemoteUrl(text, null));
        }
        ObjectNode url = JsonNodeFactory.instance.objectNode();
        url.put("url_string", text);
        String host = null;
        try {
            URI uri = new URI(text.contains("://") ? text : "http://" + text);
            host = uri.getHost();
            if (host != null) {
                url.put("hostname", host);
            }
            if (text.contains("://") && uri.getScheme() != null) {
                url.put("scheme", uri.getScheme());
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                url.put("path", uri.getRawPath());
            }
            if (uri.getRawQuery() != null) {
                url.put("query_string", uri.getRawQuery());
            }
            if (uri.getPort() >= 0 && uri.getPort() <= 65535) {
                url.put("port", uri.getPort());
            }
        } catch (Exception e) {
            // Not parseable as a URI: the url_string alone still carries it.
        }
        return Optional.of(new RemoteUrl(host, url));
    }
}
