package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.Hashes;

import java.util.Optional;

/**
 * DeviceFileCertificateInfo → Live Evidence Info (5040), activity 1 Query. Each row is the result of
 * Defender verifying a file's signing certificate on a device ("certificate verification activities
 * regularly performed on files on endpoints") — information collected from the device about one
 * artifact, which is what Live Evidence Info describes (the query classes it replaced are deprecated).
 * No activity class fits: nothing happened to the file, and there is no actor.
 * <ul>
 *   <li>{@code query_evidence}: query_type_id 2 File, {@code file.hashes} ← SHA1; Defender identifies the
 *       file by SHA-1 only, so the required {@code file.name} is the empty string (join DeviceFileEvents
 *       on SHA1 for names);</li>
 *   <li>{@code file.signatures[0]}: Authenticode; certificate issuer ← Issuer, serial_number ←
 *       CertificateSerialNumber, subject ← Signer, uid ← SignerHash, created/expiration time ←
 *       CertificateCreationTime/ExpirationTime; signature created_time ← CertificateCountersignatureTime;
 *       state_id ← IsTrusted (1 Valid / 6 Untrusted);</li>
 *   <li>{@code query_result_id} 1 Exists.</li>
 * </ul>
 * IsSigned, SignatureType, IssuerHash, IsRootSignerMicrosoft and CrlDistributionPointUrls stay unmapped.
 */
public final class DeviceFileCertificateInfoMapper extends HuntingMapper {

    public DeviceFileCertificateInfoMapper() {
        super("DeviceFileCertificateInfo", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        OcsfEvent event = row.start(OcsfClass.LIVE_EVIDENCE_INFO, new EnumValue(1, "Query"));
        RecordFields fields = row.fields();
        row.device(event, false);
        Hashes.read(fields, null, "SHA1", null).ifPresent(hashes -> {
            ObjectNode evidence = event.object("query_evidence");
            new EnumValue(2, "File").writeTo(evidence, "query_type_id");
            ObjectNode file = evidence.putObject("file");
            file.put("name", "");
            new EnumValue(1, "Regular File").writeTo(file, "type_id");
            file.set("hashes", hashes);
            signature(fields).ifPresent(signature -> file.putArray("signatures").add(signature));
            new EnumValue(1, "Exists").writeTo(event.node(), "query_result_id");
        });
        AdditionalFields.read(fields, "CrlDistributionPointUrls").keepRest(event.node());
        return row.build(event);
    }

    private static Optional<ObjectNode> signature(RecordFields fields) {
        String issuer = fields.peek("Issuer") == null ? null : fields.peek("Issuer").asText();
        String serial = fields.peek("CertificateSerialNumber") == null ? null
                : fields.peek("CertificateSerialNumber").asText();
        String signer = fields.peek("Signer") == null ? null : fields.peek("Signer").asText();
        if ((issuer == null || issuer.isBlank() || serial == null || serial.isBlank()) && (signer == null || signer.isBlank())) {
            return Optional.empty();
        }
        ObjectNode signature = JsonNodeFactory.instance.objectNode();
        new EnumValue(4, "Authenticode").writeTo(signature, "algorithm_id");
        if (issuer != null && !issuer.isBlank() && serial != null && !serial.isBlank()) {
            ObjectNode certificate = signature.putObject("certificate");
            certificate.put("issuer", fields.text("Issuer"));
            certificate.put("serial_number", fields.text("CertificateSerialNumber"));
            putText(certificate, "subject", fields.text("Signer"));
            putText(certificate, "uid", fields.text("SignerHash"));
            putTime(certificate, "created_time", fields.time("CertificateCreationTime"));
            putTime(certificate, "expiration_time", fields.time("CertificateExpirationTime"));
        }
        putTime(signature, "created_time", fields.time("CertificateCountersignatureTime"));
        Boolean trusted = fields.bool("IsTrusted");
        if (trusted != null) {
            (trusted ? new EnumValue(1, "Valid") : new EnumValue(6, "Untrusted")).writeTo(signature, "state_id");
        }
        return Optional.of(signature);
    }

    private static void putText(ObjectNode node, String attribute, String value) {
        if (value != null) {
            node.put(attribute, value);
        }
    }

    private static void putTime(ObjectNode node, String attribute, Long value) {
        if (value != null) {
            node.put(attribute, value);
        }
    }
}
