package org.defenderconnector.microsoft.http;

/** How much of one family's budget the tenant used, for status pages and metrics. */
public record BudgetUsage(ApiFamily family, RateLimit limit, int callsLastMinute, int callsLastHour) {
}
