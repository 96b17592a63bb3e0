package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Evidence from the flat camelCase entity shape shared by MDE alert evidence ({@code $expand=evidence})
 * and the entities of alerts inside XDR incidents: one object per entity, typed by {@code entityType},
 * with every possible field present and null where it does not apply.
 */
final class MdeEntityEvidence {
    private MdeEntityEvidence() {
    }

    static Evidence from(EntityFields entity) {
        ObjectNode node = OcsfNode.object();
        String type = entity.text("entityType");
        OcsfNode.put(node, "name", type);
        Evidence evidence = Evidence.of(node);
        switch (type == null ? "" : FindingLifecycle.normalized(type)) {
            case "user", "account" -> OcsfNode.put(node, "user", Users.from(entity, Users.AccountFields.MDE_ENTITY));
            case "process" -> process(entity, node);
            case "file" -> OcsfNode.put(node, "file", Files.from(entity, Files.FileFieldNames.MDE_ENTITY));
            case "ip" -> ip(entity, evidence);
            case "url" -> url(entity, node);
            case "registry", "registrykey", "registryvalue" -> OcsfNode.put(node, "reg_key",
                    Registry.key(entity, "registryHive", "registryKey"));
            case "mailbox" -> mailbox(entity, node);
            case "mailmessage" -> mailMessage(entity, node);
            case "machine", "device" -> OcsfNode.put(node, "device", Devices.device(entity.text("deviceId"), null, null));
            default -> {
                // MailCluster, SecurityGroup and newer types have no OCSF evidence attribute: all goes to data.
            }
        }
        if (!node.has("device") && entity.peekText("deviceId") != null) {
            node.set("device", Devices.device(entity.text("deviceId"), null, null));
        }
        return evidence.finish(entity, "entityType");
    }

    private static void process(EntityFields entity, ObjectNode node) {
        if (entity.peekInt("processId") == null) {
            // OCSF needs a pid (or uid) to describe a process; without it only the image file is certain.
            OcsfNode.put(node, "file", Files.from(entity, Files.FileFieldNames.MDE_ENTITY));
            return;
        }
        ObjectNode process = OcsfNode.object();
        process.put("pid", entity.intValue("processId"));
        OcsfNode.put(process, "cmd_line", entity.text("processCommandLine"));
        OcsfNode.put(process, "created_time", entity.time("processCreationTime"));
        ObjectNode file = Files.from(entity, Files.FileFieldNames.MDE_ENTITY);
        if (file != null) {
            process.put("name", file.get("name").asText());
            process.set("file", file);
        }
        if (entity.peekInt("parentProcessId") != null) {
            ObjectNode parent = OcsfNode.object();
            parent.put("pid", entity.intValue("parentProcessId"));
            OcsfNode.put(parent, "created_time", entity.time("parentProcessCreationTime"));
            ObjectNode parentFile = Files.from(entity,
                    new Files.FileFieldNames("parentProcessFileName", "parentProcessFilePath", null, "parentProcessSha1", "parentProcessSha256", null));
            if (parentFile != null) {
                parent.put("name", parentFile.get("name").asText());
                parent.set("file", parentFile);
            }
            process.set("parent_process", parent);
        }
        node.set("process", process);
    }

    /** Defender does not say whether the IP was source or destination: it stays in data, with a pivot. */
    private static void ip(EntityFields entity, Evidence evidence) {
        String ip = entity.peekText("ipAddress");
        if (ip != null) {
            evidence.looseObservables().add(Observables.loose(Observables.IP_ADDRESS, ip));
        }
    }

    private static void url(EntityFields entity, ObjectNode node) {
        if (entity.peekText("url") != null) {
            ObjectNode url = OcsfNode.object();
            url.put("url_string", entity.text("url"));
            node.set("url", url);
        }
    }

    /** A mailbox is a user's mail identity: the address is the user's e-mail, the UPN the user name. */
    private static void mailbox(EntityFields entity, ObjectNode node) {
        String address = entity.peekText("mailboxAddress");
        String upn = entity.peekText("userPrincipalName");
        if (address == null && upn == null) {
            return;
        }
        ObjectNode user = OcsfNode.object();
        user.put("name", upn != null ? entity.text("userPrincipalName") : address);
        if (Users.isEmail(address)) {
            user.put("email_addr", entity.text("mailboxAddress"));
        }
        OcsfNode.put(user, "display_name", entity.text("mailboxDisplayName"));
        node.set("user", user);
    }

    private static void mailMessage(EntityFields entity, ObjectNode node) {
        String sender = entity.peekText("sender");
        String recipient = entity.peekText("recipient");
        boolean hasFrom = Users.isEmail(sender);
        boolean hasTo = Users.isEmail(recipient);
        if (!hasFrom && !hasTo) {
            return; // OCSF e-mail needs a from or a to
        }
        ObjectNode email = OcsfNode.object();
        if (hasFrom) {
            email.put("from", entity.text("sender"));
        }
        if (hasTo) {
            ArrayNode to = OcsfNode.array();
            to.add(entity.text("recipient"));
            email.set("to", to);
        }
        OcsfNode.put(email, "subject", entity.text("subject"));
        node.set("email", email);
    }
}
