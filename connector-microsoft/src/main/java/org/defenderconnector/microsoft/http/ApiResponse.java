package org.defenderconnector.microsoft.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A 2xx response whose body has not been read yet. The caller streams the body and closes the
 * response; closing before the end abandons the rest of the download.
 */
public final class ApiResponse implements AutoCloseable {
    private final ApiRequest request;
    private final int status;
    private final InputStream body;

    ApiResponse(ApiRequest request, int status, InputStream body) {
        this.request = request;
        this.status = status;
        this.body = body;
    }

    public ApiRequest request() {
        return request;
    }

    public int status() {
        return status;
    }

    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Abandoning a download: nothing useful to do with a failure to close it.
        }
    }
}
