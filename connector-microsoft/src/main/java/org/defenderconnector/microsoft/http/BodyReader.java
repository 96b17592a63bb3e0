package org.defenderconnector.microsoft.http;

import java.io.IOException;
import java.io.InputStream;

/** Reads a whole response body into something small; an IOException means the body was broken. */
@FunctionalInterface
public interface BodyReader<T> {
    T read(InputStream body) throws IOException;
}
