package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;
import java.util.Optional;

/**
 * DeviceNetworkEvents → Network Activity (4001), or DNS Activity (4003) for DNS inspection.
 *
 * <table>
 *   <caption>ActionType → activity</caption>
 *   <tr><td>ConnectionSuccess, ConnectionAcknowledged</td><td>1 Open, status Success, outbound</td></tr>
 *   <tr><td>ConnectionAttempt, ConnectionRequest, ConnectionFound</td><td>1 Open (outcome not reported)</td></tr>
 *   <tr><td>InboundConnectionAccepted</td><td>1 Open, status Success, inbound</td></tr>
 *   <tr><td>ConnectionFailed, ConnectionFailedAggregatedReport</td><td>4 Fail, status Failure</td></tr>
 *   <tr><td>ListeningConnectionCreated</td><td>7 Listen</td></tr>
 *   <tr><td>Http/Ssl/Ssh/Icmp/...ConnectionInspected, NetworkSignatureInspected, ConnectionSuccessAggregatedReport</td><td>6 Traffic</td></tr>
 *   <tr><td>ExploitGuardNetworkProtectionBlocked</td><td>5 Refuse, action Denied, disposition Blocked</td></tr>
 *   <tr><td>DnsConnectionInspected → DNS Activity</td><td>6 Traffic (query and response seen)</td></tr>
 *   <tr><td>DnsQueryResponse → DNS Activity</td><td>2 Response</td></tr>
 *   <tr><td>anything else</td><td>99 Other, activity_name = ActionType</td></tr>
 * </table>
 * The reporting device and the initiating process ({@code device}, {@code actor}) come with the
 * {@code host} profile, which the event then declares.
 */
public final class DeviceNetworkEventsMapper extends HuntingMapper {
    private static final EnumValue OPEN = new EnumValue(1, "Open");
    private static final EnumValue FAIL = new EnumValue(4, "Fail");
    private static final EnumValue REFUSE = new EnumValue(5, "Refuse");
    private static final EnumValue TRAFFIC = new EnumValue(6, "Traffic");
    private static final EnumValue LISTEN = new EnumValue(7, "Listen");
    static final EnumValue SUCCESS = new EnumValue(1, "Success");
    static final EnumValue FAILURE = new EnumValue(2, "Failure");

    public DeviceNetworkEventsMapper() {
        super("DeviceNetworkEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        String action = actionType == null ? "" : actionType.toLowerCase(Locale.ROOT);
        if (action.equals("dnsconnectioninspected") || action.equals("dnsqueryresponse")) {
            return dns(row, action.equals("dnsqueryresponse") ? Dns.RESPONSE : Dns.TRAFFIC);
        }
        EnumValue activity;
        EnumValue direction = EnumValue.UNKNOWN;
        EnumValue status = null;
        boolean listen = false;
        boolean blocked = false;
        switch (action) {
            case "connectionsuccess", "connectionacknowledged" -> {
                activity = OPEN;
                status = SUCCESS;
                direction = action.equals("connectionsuccess") ? NetworkConnection.OUTBOUND : EnumValue.UNKNOWN;
            }
            case "connectionattempt", "connectionrequest" -> {
                activity = OPEN;
                direction = NetworkConnection.OUTBOUND;
            }
            case "connectionfound" -> activity = OPEN;
            case "inboundconnectionaccepted" -> {
                activity = OPEN;
                status = SUCCESS;
                direction = NetworkConnection.INBOUND;
            }
            case "connectionfailed", "connectionfailedaggregatedreport" -> {
                activity = FAIL;
                status = FAILURE;
                direction = NetworkConnection.OUTBOUND;
            }
            case "listeningconnectioncreated" -> {
                activity = LISTEN;
                listen = true;
            }
            case "exploitguardnetworkprotectionblocked" -> {
                activity = REFUSE;
                blocked = true;
                direction = NetworkConnection.OUTBOUND;
            }
            case "" -> activity = EnumValue.UNKNOWN;
            default -> activity = action.endsWith("inspected") || action.equals("connectionsuccessaggregatedreport")
                    ? TRAFFIC : EnumValue.other(actionType);
        }
        OcsfEvent event = row.start(OcsfClass.NETWORK_ACTIVITY, activity);
        if (status != null) {
            status.writeTo(event.node(), "status_id");
        }
        AdditionalFields extra = row.additionalFields();
        if (action.endsWith("inspected")) {
            Optional<EnumValue> inspected = extra.takeIf(NetworkConnection::direction, "direction");
            if (inspected.isPresent()) {
                direction = inspected.get();
            }
            inspection(event, action, extra);
        }
        if (listen) {
            NetworkConnection.writeListener(event, row.fields());
        } else {
            NetworkConnection.write(event, row.fields(), direction, !direction.equals(EnumValue.UNKNOWN), true);
        }
        if (blocked) {
            SecurityControl.blocked(event);
        }
        hostAndActor(row, event);
        return row.build(event);
    }

    private ObjectNode dns(HuntingRow row, EnumValue activity) {
        OcsfEvent event = row.start(OcsfClass.DNS_ACTIVITY, activity);
        AdditionalFields extra = row.additionalFields();
        EnumValue direction = extra.takeIf(NetworkConnection::direction, "direction").orElse(EnumValue.UNKNOWN);
        Dns.fromInspection(event, extra);
        NetworkConnection.write(event, row.fields(), direction, true, false);
        hostAndActor(row, event);
        return row.build(event);
    }

    /** What the network inspection engine adds for HTTP and TLS connections. */
    private static void inspection(OcsfEvent event, String action, AdditionalFields extra) {
        if (action.equals("httpconnectioninspected")) {
            Optional<String> host = extra.take("host");
            Optional<String> uri = extra.take("uri");
            if (uri.isPresent() || host.isPresent()) {
                ObjectNode url = event.object("url");
                host.ifPresent(h -> url.put("hostname", h));
                uri.ifPresent(u -> {
                    int query = u.indexOf('?');
                    url.put("path", query >= 0 ? u.substring(0, query) : u);
                    if (query >= 0 && query < u.length() - 1) {
                        url.put("query_string", u.substring(query + 1));
                    }
                });
                if (!url.has("path")) {
                    url.put("path", "/");
                }
            }
        } else if (action.equals("sslconnectioninspected")) {
            Optional<String> version = extra.peek("version");
            if (version.isPresent()) {
                ObjectNode tls = event.object("tls");
                tls.put("version", extra.take("version").orElseThrow());
                extra.take("server_name").ifPresent(sni -> tls.put("sni", sni));
                extra.take("cipher").ifPresent(cipher -> tls.put("cipher", cipher));
            }
        }
    }

    private static void hostAndActor(HuntingRow row, OcsfEvent event) {
        row.device(event, true);
        row.initiatingActor(event);
        if (event.has("actor")) {
            event.profile("host");
        }
    }
}
