package org.defenderconnector.ocsf.validation;

import java.util.Map;
import java.util.Set;

/**
 * A profile such as {@code host} or {@code linux/linux_users}. The compiled schema does not list a
 * profile's attributes under the profile itself; they are collected from the attributes that name it.
 *
 * @param name             the name events put in {@code metadata.profiles} ("extension/name" for extension profiles)
 * @param extension        extension name for extension profiles, else null
 * @param classAttributes  class name to the attributes this profile contributes to it
 * @param objectAttributes object name to the attributes this profile contributes to it
 */
public record Profile(String name, String caption, String extension, Map<String, Set<String>> classAttributes,
                      Map<String, Set<String>> objectAttributes) {

    public Profile {
        classAttributes = Map.copyOf(classAttributes);
        objectAttributes = Map.copyOf(objectAttributes);
    }
}
