package org.defenderconnector.app.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.defenderconnector.app.server.integrations.IntegrationInput;
import org.defenderconnector.app.server.integrations.IntegrationService;
import org.defenderconnector.app.server.integrations.IntegrationView;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.microsoft.permissions.PermissionCatalog;

import java.util.Arrays;
import java.util.List;

/** {@code /api/v1/integrations}: the life cycle and status of integrations, and the streams one can choose. */
final class IntegrationRoutes {
    record IntegrationList(List<IntegrationView> integrations) {
    }

    record StreamInfo(String id, String description, String api, List<String> permissions) {
    }

    record StreamList(List<StreamInfo> streams) {
    }

    private final IntegrationService service;
    private final Exchange io;

    IntegrationRoutes(IntegrationService service, Exchange io) {
        this.service = service;
        this.io = io;
    }

    void register(Javalin app) {
        app.get("/api/v1/streams", this::streams, Role.VIEWER);
        app.get("/api/v1/integrations", ctx -> io.ok(ctx, new IntegrationList(service.list())), Role.VIEWER);
        app.post("/api/v1/integrations", this::create, Role.ADMIN);
        app.post("/api/v1/integration-tests", ctx -> io.ok(ctx,
                service.testDraft(io.body(ctx, IntegrationInput.class), AccessGuard.principal(ctx))), Role.ADMIN);
        app.get("/api/v1/integrations/{name}", ctx -> io.ok(ctx, service.get(ctx.pathParam("name"))), Role.VIEWER);
        app.put("/api/v1/integrations/{name}", ctx -> io.ok(ctx, service.update(ctx.pathParam("name"),
                io.body(ctx, IntegrationInput.class), AccessGuard.principal(ctx))), Role.ADMIN);
        app.delete("/api/v1/integrations/{name}", this::delete, Role.ADMIN);
        app.post("/api/v1/integrations/{name}/test", ctx -> io.ok(ctx, service.test(ctx.pathParam("name"),
                io.optionalBody(ctx, IntegrationInput.class), AccessGuard.principal(ctx))), Role.ADMIN);
        app.post("/api/v1/integrations/{name}/activate", ctx -> io.ok(ctx,
                service.activate(ctx.pathParam("name"), AccessGuard.principal(ctx))), Role.ADMIN);
        app.post("/api/v1/integrations/{name}/deactivate", ctx -> io.ok(ctx,
                service.deactivate(ctx.pathParam("name"), AccessGuard.principal(ctx))), Role.ADMIN);
        app.get("/api/v1/integrations/{name}/status", ctx -> io.ok(ctx, service.status(ctx.pathParam("name"))),
                Role.VIEWER);
    }

    private void create(Context ctx) {
        IntegrationView created = service.create(io.body(ctx, IntegrationInput.class), AccessGuard.principal(ctx));
        ctx.header("Location", "/api/v1/integrations/" + created.name());
        io.send(ctx, 201, created);
    }

    private void delete(Context ctx) {
        service.delete(ctx.pathParam("name"), AccessGuard.principal(ctx));
        ctx.status(204);
    }

    private void streams(Context ctx) {
        List<StreamInfo> streams = Arrays.stream(DefenderStream.values()).map(s -> {
            var requirement = PermissionCatalog.requirement(s);
            return new StreamInfo(s.id(), s.description(), requirement.api().entraName(), requirement.acceptedPermissions());
        }).toList();
        io.ok(ctx, new StreamList(streams));
    }
}
