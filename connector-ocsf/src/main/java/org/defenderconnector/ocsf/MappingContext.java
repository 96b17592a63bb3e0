package org.defenderconnector.ocsf;

/**
 * What a mapper knows besides the record itself.
 *
 * @param tenantUid the Entra tenant id, for {@code metadata.tenant_uid} (may be null when unknown)
 * @param logName   the stream or table the record came from, for {@code metadata.log_name}
 * @param product   the product to name in {@code metadata.product}
 */
public record MappingContext(String tenantUid, String logName, Product product) {
}
