package org.defenderconnector.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.defenderconnector.emulator.api.ApiDispatcher;
import org.defenderconnector.emulator.api.ApiFamily;
import org.defenderconnector.emulator.entra.TokenEndpoint;
import org.defenderconnector.emulator.entra.TokenRequest;
import org.defenderconnector.emulator.exportfiles.ExportFiles;
import org.defenderconnector.emulator.http.ConnectionAbort;
import org.defenderconnector.emulator.http.Exchanges;
import org.defenderconnector.emulator.jwt.JwtSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the one host between the services it stands in for: Entra token endpoints and signing keys,
 * Defender / Graph APIs, the storage of the vulnerability export's files, and the admin endpoints. Any failure not handled below becomes a 500, never a dropped
 * connection.
 */
final class EmulatorRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorRouter.class);
    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/(v2\\.0/)?token/?$");
    private static final Pattern KEYS_PATH = Pattern.compile("^/([^/]+)/discovery/(v2\\.0/)?keys/?$");

    private final TokenEndpoint tokens;
    private final ApiDispatcher apis;
    private final AdminEndpoints admin;
    private final JwtSigner signer;
    private final ExportFiles exportFiles;
    private volatile String baseUrl;
    private volatile List<String> ownAuthorities = List.of();

    EmulatorRouter(TokenEndpoint tokens, ApiDispatcher apis, AdminEndpoints admin, JwtSigner signer,
                   ExportFiles exportFiles) {
        this.tokens = tokens;
        this.apis = apis;
        this.admin = admin;
        this.signer = signer;
        this.exportFiles = exportFiles;
    }

    /** Called once the port is known. */
    void bound(String baseUrl, int port) {
        this.baseUrl = baseUrl;
        this.ownAuthorities = List.of(baseUrl.substring("https://".length()), "127.0.0.1:" + port, "localhost:" + port);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // One request per connection. Under a full test run the JDK server sometimes never reads a second
        // request on a kept-alive connection and closes it only after its idle interval; clients then see
        // "header parser received no bytes" minutes later. A TLS handshake per request costs ~ms on loopback.
        exchange.getResponseHeaders().set("Connection", "close");
        try {
            route(exchange);
        } catch (ConnectionAbort abort) {
            // Propagates to the JDK server, which drops the connection mid-response (fault injection).
            LOG.debug("Dropping the connection of {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI()
                    .getPath(), abort.getMessage());
            throw abort;
        } catch (IOException e) {
            LOG.debug("I/O error while serving {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.getMessage());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("Failed to serve {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putObject("error").put("code", "InternalServerError").put("message", "emulator failure; see its log");
            try {
                Exchanges.sendJson(exchange, 500, body, Map.of());
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(AdminEndpoints.PREFIX + "/")) {
            admin.handle(exchange);
            return;
        }
        if (ApiFamily.isApiPath(path)) {
            apis.handle(exchange, baseUrl);
            return;
        }
        if (exportFiles.handles(path)) {
            // Azure Storage, not a Defender API: SAS-signed, no Entra token.
            exportFiles.handle(exchange);
            return;
        }
        Matcher token = TOKEN_PATH.matcher(path);
        if (token.matches()) {
            tokens.handle(exchange, token.group(1),
                    token.group(2) == null ? TokenRequest.Version.V1 : TokenRequest.Version.V2, authorities(exchange));
            return;
        }
        if (KEYS_PATH.matcher(path).matches() && "GET".equals(exchange.getRequestMethod())) {
            Exchanges.sendJson(exchange, 200, signer.jwks(), Map.of());
            return;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", "NotFound").put("message", "The emulator serves nothing at " + path
                + ". See docs/emulator.md for its endpoints.");
        Exchanges.sendJson(exchange, 404, body, Map.of());
    }

    /** The Host header first (what a client put in its assertion's audience), then the bound names. */
    private List<String> authorities(HttpExchange exchange) {
        List<String> authorities = new ArrayList<>();
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            authorities.add(host.trim());
        }
        ownAuthorities.stream().filter(a -> !authorities.contains(a)).forEach(authorities::add);
        return authorities;
    }
}
