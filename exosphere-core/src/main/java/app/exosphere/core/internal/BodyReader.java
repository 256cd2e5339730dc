package app.exosphere.core.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the body of a successful (2xx) response straight from the connection, once: the engine hands
 * it the status and headers and the body as a stream, and drains whatever the reader leaves unread (so a
 * truncated body is still an I/O failure). A {@link com.fasterxml.jackson.core.JsonProcessingException}
 * means the body is not what was expected and becomes a {@code ResponseDecodingException}; any other
 * {@link IOException} is a transport failure (retried for idempotent requests).
 *
 * @param <T> the decoded value
 */
@FunctionalInterface
public interface BodyReader<T> {
    /** Reads {@code body} (do not close it) into a value. */
    T read(ResponseHead head, InputStream body) throws IOException;
}
