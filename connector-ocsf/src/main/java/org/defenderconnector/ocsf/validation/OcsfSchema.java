package org.defenderconnector.ocsf.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The compiled OCSF 1.8.0 schema (one JSON document produced by the official ocsf-schema-compiler, every
 * class and object with inherited and profile attributes already resolved), held as immutable lookups.
 *
 * <p>Loading costs a few hundred milliseconds and tens of megabytes of garbage, so {@link #load()} and
 * {@link #load(Path)} cache per JVM; instances are immutable and thread-safe.
 */
public final class OcsfSchema {

    /** System property naming the compiled schema file directly. */
    public static final String SCHEMA_FILE_PROPERTY = "defender.ocsf.schema";
    /** System property naming the shared reference folder (surefire sets it for tests). */
    public static final String SHARED_DIR_PROPERTY = "defender.shared.dir";
    /** Where the compiled schema sits inside the shared folder. */
    public static final String SHARED_DIR_RELATIVE_PATH = "ocsf/compiled/ocsf-schema-1.8.0.json";
    /** Classpath resource tried last, for packaged applications that bundle the schema. */
    public static final String CLASSPATH_RESOURCE = "/ocsf/ocsf-schema-1.8.0.json";

    /** Prose the validator never uses: about half of the file, skipped while parsing. */
    private static final PrunedJsonReader READER = new PrunedJsonReader(Set.of("description", "references"));
    private static final ConcurrentMap<Path, OcsfSchema> BY_FILE = new ConcurrentHashMap<>();
    private static final Object LOCATE_LOCK = new Object();
    private static volatile OcsfSchema located;

    private final String version;
    private final String source;
    private final Map<Integer, EventClass> classesByUid;
    private final Map<String, EventClass> classesByName;
    private final Map<String, ObjectType> objects;
    private final Map<String, DataType> types;
    private final Map<String, Profile> profiles;
    private final Map<Integer, Category> categories;

    OcsfSchema(String version, String source, Map<Integer, EventClass> classesByUid, Map<String, ObjectType> objects,
               Map<String, DataType> types, Map<String, Profile> profiles, Map<Integer, Category> categories) {
        this.version = version;
        this.source = source;
        this.classesByUid = Map.copyOf(classesByUid);
        Map<String, EventClass> byName = new HashMap<>();
        classesByUid.values().forEach(c -> byName.put(c.name(), c));
        this.classesByName = Map.copyOf(byName);
        this.objects = Map.copyOf(objects);
        this.types = Map.copyOf(types);
        this.profiles = Map.copyOf(profiles);
        this.categories = Map.copyOf(categories);
    }

    /**
     * The schema found, in order, at the file named by system property {@value #SCHEMA_FILE_PROPERTY},
     * at {@value #SHARED_DIR_PROPERTY}{@code /}{@value #SHARED_DIR_RELATIVE_PATH}, or as classpath resource
     * {@value #CLASSPATH_RESOURCE}. Located and parsed once per JVM.
     *
     * @throws OcsfSchemaException when none of these exists or the file is not a compiled schema
     */
    public static OcsfSchema load() {
        OcsfSchema schema = located;
        if (schema != null) {
            return schema;
        }
        synchronized (LOCATE_LOCK) {
            if (located == null) {
                located = locate(System::getProperty);
            }
            return located;
        }
    }

    /** The compiled schema in this file, parsed once per JVM per file. */
    public static OcsfSchema load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        OcsfSchema cached = BY_FILE.get(key);
        if (cached != null) {
            return cached;
        }
        // Parse outside computeIfAbsent: a slow parse must not hold the map's bin lock.
        OcsfSchema parsed = parse(key);
        OcsfSchema raced = BY_FILE.putIfAbsent(key, parsed);
        return raced != null ? raced : parsed;
    }

    /** Parses a compiled schema from a stream, without caching (the caller owns the stream). */
    public static OcsfSchema read(InputStream in, String sourceDescription) {
        try {
            return SchemaReader.read(READER.read(in), sourceDescription);
        } catch (IOException e) {
            throw new OcsfSchemaException("Cannot read compiled OCSF schema from " + sourceDescription, e);
        }
    }

    private static OcsfSchema parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OcsfSchemaException("Compiled OCSF schema not found: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new OcsfSchemaException("Cannot read compiled OCSF schema " + file, e);
        }
    }

    /** The lookup order of {@link #load()}, over a property source so that tests can exercise it. */
    static OcsfSchema locate(Function<String, String> properties) {
        List<String> tried = new ArrayList<>();
        String explicit = properties.apply(SCHEMA_FILE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            // An explicit setting that points nowhere is a configuration error, not a reason to fall back.
            return load(Path.of(explicit));
        }
        tried.add("system property " + SCHEMA_FILE_PROPERTY + " (not set)");

        String sharedDir = properties.apply(SHARED_DIR_PROPERTY);
        if (sharedDir != null && !sharedDir.isBlank()) {
            Path candidate = Path.of(sharedDir).resolve(SHARED_DIR_RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
            tried.add(candidate + " (missing)");
        } else {
            tried.add("system property " + SHARED_DIR_PROPERTY + " (not set)");
        }

        try (InputStream in = OcsfSchema.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in != null) {
                return read(in, "classpath:" + CLASSPATH_RESOURCE);
            }
        } catch (IOException e) {
            throw new OcsfSchemaException("Cannot read classpath resource " + CLASSPATH_RESOURCE, e);
        }
        // The product ships the schema gzipped inside this module's jar, so it works without shared/.
        try (InputStream in = OcsfSchema.class.getResourceAsStream(CLASSPATH_RESOURCE + ".gz")) {
            if (in != null) {
                return read(new java.util.zip.GZIPInputStream(in, 1 << 16), "classpath:" + CLASSPATH_RESOURCE + ".gz");
            }
        } catch (IOException e) {
            throw new OcsfSchemaException("Cannot read classpath resource " + CLASSPATH_RESOURCE + ".gz", e);
        }
        tried.add("classpath resource " + CLASSPATH_RESOURCE + " (missing)");
        throw new OcsfSchemaException("Compiled OCSF schema not found; tried " + String.join(", ", tried));
    }

    /** The schema's version, "1.8.0"; events must carry the same {@code metadata.version}. */
    public String version() {
        return version;
    }

    /** Where the schema was read from (a file path or a classpath resource). */
    public String source() {
        return source;
    }

    /** The class with this full class_uid (e.g. 2004, or 201001 for Windows Registry Key Activity). */
    public Optional<EventClass> eventClass(int classUid) {
        return Optional.ofNullable(classesByUid.get(classUid));
    }

    /** The class with this schema name, unscoped even for extension classes ("registry_key_activity"). */
    public Optional<EventClass> eventClass(String name) {
        return Optional.ofNullable(classesByName.get(name));
    }

    public Collection<EventClass> eventClasses() {
        return classesByUid.values();
    }

    public Optional<ObjectType> object(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    public Collection<ObjectType> objects() {
        return objects.values();
    }

    public Optional<DataType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Profiles by the name events use in {@code metadata.profiles} ("host", "linux/linux_users"). */
    public Map<String, Profile> profiles() {
        return profiles;
    }

    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public Optional<Category> category(int uid) {
        return Optional.ofNullable(categories.get(uid));
    }

    @Override
    public String toString() {
        return "OcsfSchema[" + version + " from " + source + ", " + classesByUid.size() + " classes, "
                + objects.size() + " objects]";
    }
}
