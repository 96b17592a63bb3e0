package org.defenderconnector.ocsf;

import java.util.Locale;

/** The Microsoft product that produced a record, for OCSF {@code metadata.product}. */
public enum Product {
    DEFENDER_FOR_ENDPOINT("Microsoft Defender for Endpoint"),
    DEFENDER_XDR("Microsoft Defender XDR");

    public static final String VENDOR = "Microsoft";

    private final String productName;

    Product(String productName) {
        this.productName = productName;
    }

    public String productName() {
        return productName;
    }

    /**
     * The product behind a record kind: Graph and XDR entities and the XDR-wide hunting tables
     * (identity, email, alerts, cloud apps) are Defender XDR; MDE entities and Device* tables are MDE.
     */
    public static Product forKind(String kind) {
        if (kind == null) {
            return DEFENDER_XDR;
        }
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.startsWith("graph-") || k.startsWith("xdr-") || k.startsWith("identity") || k.startsWith("email")
                || k.startsWith("urlclick") || k.startsWith("alert") || k.startsWith("cloudapp")) {
            return DEFENDER_XDR;
        }
        return k.startsWith("mde-") || k.startsWith("device") ? DEFENDER_FOR_ENDPOINT : DEFENDER_XDR;
    }
}
