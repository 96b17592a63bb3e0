package org.defenderconnector.microsoft.hunting;

/** One column of a hunting result's schema, as the API named and typed it ("Timestamp", "DateTime"). */
public record HuntingColumn(String name, String type) {
}
