package org.defenderconnector.emulator.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness: every generated value is drawn from a generator keyed by (seed, stream name, indices),
 * never from shared state, so that a record is the same whichever order or subset of records is generated, and
 * the same seed gives the same data in every run and on every machine.
 */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64's finalizer: a cheap, well-mixing bijection on 64-bit values. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A key for (seed, stream, parts); {@link String#hashCode()} is specified, hence stable across JVMs. */
    public static long key(long seed, String stream, long... parts) {
        long h = mix(seed * 0x9e3779b97f4a7c15L + stream.hashCode());
        for (long part : parts) {
            h = mix(h ^ (part + 0x632be59bd9b4e019L));
        }
        return h;
    }

    public static SplittableRandom random(long seed, String stream, long... parts) {
        return new SplittableRandom(key(seed, stream, parts));
    }

    /** A stable 64-bit hash of a text (FNV-1a then mixed), e.g. to order records by id. */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    public static String hex(SplittableRandom random, int chars) {
        StringBuilder text = new StringBuilder(chars);
        while (text.length() < chars) {
            String part = Long.toHexString(random.nextLong());
            for (int i = part.length(); i < 16 && text.length() < chars; i++) {
                text.append('0');
            }
            for (int i = 0; i < part.length() && text.length() < chars; i++) {
                text.append(part.charAt(i));
            }
        }
        return text.toString();
    }

    public static String guid(SplittableRandom random) {
        String hex = hex(random, 32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
                + "89ab".charAt(random.nextInt(4)) + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    public static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** True with probability {@code p}. */
    public static boolean chance(SplittableRandom random, double p) {
        return random.nextDouble() < p;
    }
}
