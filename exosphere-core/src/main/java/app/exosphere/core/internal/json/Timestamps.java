package app.exosphere.core.internal.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the timestamp dialects OpenStack services emit: {@code 2013-09-03T04:01:32Z}, {@code
 * 2018-11-29T06:50:07.770785} (no offset, meaning UTC), {@code 2016-10-04T12:14:57+00:00}.
 */
public final class Timestamps {
    private Timestamps() {}

    /** Parses {@code text} as an instant; a missing offset means UTC; unparseable text gives empty. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
