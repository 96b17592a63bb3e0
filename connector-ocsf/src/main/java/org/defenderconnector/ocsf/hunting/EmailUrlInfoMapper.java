package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;

/**
 * EmailUrlInfo (one row per URL found in a message) → Email Activity (4009), 3 Scan, direction 0
 * Unknown; the URL is {@code email.urls[0]} (url_string ← Url, hostname ← UrlDomain), as OCSF asks
 * since it deprecated Email URL Activity (4012). UrlLocation stays unmapped.
 */
public final class EmailUrlInfoMapper extends HuntingMapper {

    public EmailUrlInfoMapper() {
        super("EmailUrlInfo", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        OcsfEvent event = row.start(OcsfClass.EMAIL_ACTIVITY, EmailParts.SCAN);
        EnumValue.UNKNOWN.writeTo(event.node(), "direction_id");
        ObjectNode email = EmailParts.email(event, fields);
        String url = fields.text("Url");
        String domain = fields.text("UrlDomain");
        if (url != null || domain != null) {
            ObjectNode entry = email.putArray("urls").addObject();
            if (url != null) {
                entry.put("url_string", url);
            }
            if (domain != null) {
                entry.put("hostname", domain);
                if (url == null) {
                    entry.put("path", "/");
                }
            }
        }
        row.additionalFields();
        return row.build(event);
    }
}
