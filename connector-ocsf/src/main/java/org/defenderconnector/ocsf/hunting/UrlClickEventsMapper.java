package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EmailAddress;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;
import java.util.Optional;

/**
 * UrlClickEvents (Safe Links clicks in e-mail, Teams and Office apps) → Web Resources Activity (6001),
 * 2 Read. A click is a user opening a web resource through a security control; it is not an e-mail
 * activity (many clicks come from Teams or Office documents), and Web Resource Access Activity (6004)
 * is deprecated since 1.1.0 with the instruction to use Web Resources Activity with the Security
 * Control profile — which is this mapping.
 * <ul>
 *   <li>{@code web_resources[0]}: url_string ← Url, name ← the URL's host (OCSF needs a name or uid);</li>
 *   <li>{@code actor.user} ← AccountUpn (name and e-mail), {@code actor.app_name} ← Workload (host
 *       profile); {@code src_endpoint.ip} ← IPAddress;</li>
 *   <li>security_control profile: ActionType ClickAllowed → Allowed; ClickBlocked and
 *       ClickBlockedByTenantPolicy → Denied/Blocked; other ActionTypes 99 Other.</li>
 * </ul>
 * IsClickedThrough, UrlChain (parsed), NetworkMessageId, ThreatTypes and DetectionMethods stay unmapped.
 */
public final class UrlClickEventsMapper extends HuntingMapper {

    public UrlClickEventsMapper() {
        super("UrlClickEvents", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        String actionType = row.actionType();
        OcsfEvent event = row.start(OcsfClass.WEB_RESOURCES_ACTIVITY, new EnumValue(2, "Read"));
        String url = fields.text("Url");
        if (url != null) {
            ObjectNode resource = event.array("web_resources").addObject();
            resource.put("url_string", url);
            String host = RemoteUrl.parse(url).map(RemoteUrl::hostname).orElse(null);
            resource.put("name", host != null ? host : url);
        }
        String upn = fields.text("AccountUpn");
        if (upn != null) {
            ObjectNode user = event.object("actor.user");
            user.put("name", upn);
            if (EmailAddress.isValid(upn)) {
                user.put("email_addr", upn);
            }
        }
        String workload = fields.text("Workload");
        if (workload != null) {
            event.set("actor.app_name", workload);
        }
        if (event.has("actor")) {
            event.profile("host");
        }
        Optional.ofNullable(fields.peek("IPAddress")).map(ip -> ip.asText().trim())
                .flatMap(ip -> EndpointObject.of(ip, null, null)).ifPresent(source -> {
                    fields.markUsed("IPAddress");
                    event.set("src_endpoint", source);
                });
        if (actionType != null) {
            switch (actionType.toLowerCase(Locale.ROOT)) {
                case "clickallowed" -> SecurityControl.allowed(event);
                case "clickblocked", "clickblockedbytenantpolicy" -> SecurityControl.blocked(event);
                default -> SecurityControl.outcome(event, EnumValue.other(actionType), EnumValue.other(actionType));
            }
        }
        AdditionalFields.read(fields, "UrlChain").keepRest(event.node());
        return row.build(event);
    }
}
