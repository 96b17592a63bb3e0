package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.FileColumns;
import org.defenderconnector.ocsf.objects.FileObject;

/**
 * EmailAttachmentInfo (one row per attachment and recipient) → Email Activity (4009), 3 Scan: the row
 * is what Defender for Office 365 found when it processed the attachment, and the table does not say
 * the direction ({@code direction_id} 0 Unknown). Email File Activity (4011) is deprecated since 1.3.0
 * in favour of exactly this: {@code email.files[]}.
 * <ul>
 *   <li>{@code email}: uid ← NetworkMessageId, from ← SenderFromAddress, to ← RecipientEmailAddress;</li>
 *   <li>{@code email.files[0]}: name ← FileName, ext ← FileType (Defender's "file extension type"),
 *       hashes ← SHA256, size ← FileSize.</li>
 * </ul>
 * Sender name/object ids, recipient object id and the threat columns stay unmapped.
 */
public final class EmailAttachmentInfoMapper extends HuntingMapper {
    private static final FileColumns ATTACHMENT = new FileColumns("FileName", null, null, null, "SHA256", "FileSize", null);

    public EmailAttachmentInfoMapper() {
        super("EmailAttachmentInfo", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        OcsfEvent event = row.start(OcsfClass.EMAIL_ACTIVITY, EmailParts.SCAN);
        EnumValue.UNKNOWN.writeTo(event.node(), "direction_id");
        ObjectNode email = EmailParts.email(event, fields);
        EmailParts.address(email, "from", fields, "SenderFromAddress", false);
        EmailParts.address(email, "to", fields, "RecipientEmailAddress", true);
        FileObject.read(fields, ATTACHMENT, FileObject.REGULAR_FILE).ifPresent(file -> {
            String type = fields.text("FileType");
            if (type != null) {
                file.put("ext", type);
            }
            email.putArray("files").add(file);
        });
        row.additionalFields();
        return row.build(event);
    }
}
