package org.defenderconnector.ocsf.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the validator walks: an event class or an object, each with attributes and constraints. */
public interface AttributeOwner {

    String name();

    /** Attributes by name, iterated in name order so that violations come out in a stable order. */
    Map<String, Attribute> attributes();

    Constraints constraints();

    /** "class" or "object", for messages. */
    String kind();

    /** An unmodifiable copy iterating in name order. */
    static Map<String, Attribute> sortedByName(Map<String, Attribute> attributes) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(attributes)));
    }
}
