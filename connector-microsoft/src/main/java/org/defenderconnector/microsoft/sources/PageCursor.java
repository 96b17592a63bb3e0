package org.defenderconnector.microsoft.sources;

/**
 * Where the next page of a query starts: the server's {@code @odata.nextLink} when it gave one,
 * else {@code $skip}.
 *
 * @param nextLink the link as received, or null
 * @param skip     records of the query already read
 */
public record PageCursor(String nextLink, long skip) {
    public static PageCursor skip(long skip) {
        return new PageCursor(null, skip);
    }
}
