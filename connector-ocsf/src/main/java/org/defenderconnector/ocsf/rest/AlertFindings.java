package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.Product;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pieces of {@code finding_info} and of Detection Findings that MDE, Graph and XDR alerts share. */
final class AlertFindings {
    /** Defender threat names are "Type:Platform/Family.Variant"; the type word → OCSF malware classification. */
    private static final Map<String, Integer> MALWARE_TYPES = Map.ofEntries(
            Map.entry("adware", 1), Map.entry("backdoor", 2), Map.entry("trojandownloader", 6),
            Map.entry("trojandropper", 7), Map.entry("ransom", 10), Map.entry("rootkit", 15),
            Map.entry("spyware", 17), Map.entry("trojanspy", 17), Map.entry("trojan", 18),
            Map.entry("virus", 19), Map.entry("worm", 22));
    private static final Map<Integer, String> MALWARE_CAPTIONS = Map.ofEntries(
            Map.entry(1, "Adware"), Map.entry(2, "Backdoor"), Map.entry(6, "Downloader"), Map.entry(7, "Dropper"),
            Map.entry(10, "Ransomware"), Map.entry(15, "Rootkit"), Map.entry(17, "Spyware"), Map.entry(18, "Trojan"),
            Map.entry(19, "Virus"), Map.entry(22, "Worm"));

    private AlertFindings() {
    }

    /** The detector as analytic: Defender does not say which kind of analytic it is, so type_id is 0. */
    static ObjectNode analytic(String detectorId) {
        if (detectorId == null) {
            return null;
        }
        ObjectNode analytic = OcsfNode.object();
        analytic.put("uid", detectorId);
        OcsfNode.putEnum(analytic, "type_id", 0, "type", "Unknown");
        return analytic;
    }

    /** The product that raised the alert, with the detection technology (detectionSource) as its feature. */
    static ObjectNode product(String productName, String detectionSource) {
        if (productName == null) {
            return null;
        }
        ObjectNode product = OcsfNode.object();
        product.put("name", productName);
        product.put("vendor_name", Product.VENDOR);
        if (detectionSource != null) {
            product.putObject("feature").put("name", detectionSource);
        }
        return product;
    }

    static ArrayNode types(String category) {
        return category == null ? null : OcsfNode.array().add(category);
    }

    /** finding_info.tags entry for a list of Defender tags (systemTags, customTags, tags). */
    static void addTags(ArrayNode tags, String name, List<String> values) {
        if (!values.isEmpty()) {
            ObjectNode tag = tags.addObject();
            tag.put("name", name);
            ArrayNode list = tag.putArray("values");
            values.forEach(list::add);
        }
    }

    /** One malware entry for the threat Defender named; classification from the name's type prefix. */
    static ArrayNode malware(String threatName) {
        if (threatName == null) {
            return null;
        }
        ObjectNode malware = OcsfNode.object();
        malware.put("name", threatName);
        int colon = threatName.indexOf(':');
        String prefix = colon > 0 ? threatName.substring(0, colon) : null;
        Integer id = prefix == null ? Integer.valueOf(0) : MALWARE_TYPES.getOrDefault(prefix.toLowerCase(Locale.ROOT), 99);
        String caption = id == 0 ? "Unknown" : id == 99 ? prefix : MALWARE_CAPTIONS.get(id);
        malware.putArray("classification_ids").add(id);
        malware.putArray("classifications").add(caption);
        return OcsfNode.array().add(malware);
    }
}
