package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;

/**
 * EmailUrlInfo (one row per URL found in a message) → Base Event (0), 99 "UrlFound", correlated to
 * its message by {@code metadata.correlation_uid} = NetworkMessageId.
 *
 * <p>Why not Email Activity (4009): its {@code email} object requires {@code from} or {@code to}, and
 * EmailUrlInfo rows carry neither; the class made for URL rows (Email URL Activity 4012) is deprecated.
 * Inventing an address would make the event lie, and emitting an invalid 4009 would break the rule that
 * every event we emit validates. The message's addresses are in the EmailEvents row of the same
 * NetworkMessageId (an Email Activity event whose {@code email.uid} is that id), so consumers join on
 * {@code metadata.correlation_uid} = {@code email.uid}. Url, UrlDomain and UrlLocation stay under
 * {@code unmapped}, as Base Event has no URL attribute.
 */
public final class EmailUrlInfoMapper extends HuntingMapper {

    public EmailUrlInfoMapper() {
        super("EmailUrlInfo", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        OcsfEvent event = row.start(OcsfClass.BASE_EVENT, EnumValue.other("UrlFound"));
        String messageId = fields.text("NetworkMessageId");
        event.set("metadata.correlation_uid", messageId);
        String url = fields.record().path("Url").asText(null);
        event.set("message", url == null ? "URL found in message " + messageId : "URL " + url + " found in message " + messageId);
        row.additionalFields();
        return row.build(event);
    }
}
