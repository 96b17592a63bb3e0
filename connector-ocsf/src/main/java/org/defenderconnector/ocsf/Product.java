package org.defenderconnector.ocsf;

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
}
