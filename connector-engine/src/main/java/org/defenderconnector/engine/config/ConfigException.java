package org.defenderconnector.engine.config;

/** A configuration error that names the key, what is wrong with its value, and how to fix it. */
public class ConfigException extends IllegalArgumentException {
    private final String key;

    public ConfigException(String key, String problem, String fix) {
        super(key + ": " + problem + (fix == null ? "" : " — " + fix));
        this.key = key;
    }

    public String key() {
        return key;
    }
}
