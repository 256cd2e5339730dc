package app.exosphere.core.accounting;

import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Jetstream2's allocation accounting service, found in the Keystone catalog as type {@code accounting}
 * (no host is hard-coded). Immutable and thread-safe; obtain it from {@code openStack.accounting()}. A
 * cloud without the service fails calls with {@link app.exosphere.core.error.EndpointNotFoundException}:
 * the web app then shows no allocation section.
 *
 * <pre>{@code
 * AccountingClient accounting = openStack.accounting();
 * List<Allocation> all = accounting.fetchAllocations().execute();
 * }</pre>
 */
public final class AccountingClient {
    /** The catalog type of the accounting service. */
    public static final ServiceType ACCOUNTING = ServiceType.of("accounting");

    private final ServiceClient accounting;

    private AccountingClient(ServiceClient accounting) {
        this.accounting = accounting;
    }

    /** A client on an authenticated accounting transport ({@code openStack.service(AccountingClient.ACCOUNTING)}). */
    public static AccountingClient on(ServiceClient accounting) {
        Objects.requireNonNull(accounting, "accounting");
        if (!accounting.type().equals(ACCOUNTING)) {
            throw new IllegalArgumentException(
                    "AccountingClient needs the accounting transport, got " + accounting.type());
        }
        return new AccountingClient(accounting);
    }

    /** The underlying transport. */
    public ServiceClient transport() {
        return accounting;
    }

    /**
     * {@code GET <accounting URL>/} with the project-scoped token: the project's allocations, in the order
     * the service returns them (Exosphere's {@code Rest.Jetstream2Accounting.requestAllocations}). Every
     * field is required and {@code active} must be {@code 1} or {@code 0}, else the whole answer is a
     * {@link ResponseDecodingException}; an unknown {@code resource} string is kept (see
     * {@link Allocation#resourceKind()}), where the web app fails the whole answer.
     */
    public Call<List<Allocation>> fetchAllocations() {
        return Operation.of(() -> accounting.get(""), AccountingClient::decode);
    }

    private static List<Allocation> decode(OpenStackResponse r) {
        JsonNode root = r.json();
        if (!root.isArray()) {
            throw bad(r, "the accounting answer is not a JSON array of allocations");
        }
        List<Allocation> out = new ArrayList<>();
        int i = 0;
        for (JsonNode a : root) {
            out.add(decodeOne(r, a, i++));
        }
        return List.copyOf(out);
    }

    private static Allocation decodeOne(OpenStackResponse r, JsonNode a, int index) {
        String where = "allocation " + index + ": ";
        JsonNode used = required(r, a, "service_units_used", where);
        if (!used.isNull() && !used.isNumber()) {
            throw bad(r, where + "service_units_used is neither a number nor null");
        }
        JsonNode allocated = required(r, a, "service_units_allocated", where);
        if (!allocated.isNumber()) {
            throw bad(r, where + "service_units_allocated is not a number");
        }
        JsonNode active = required(r, a, "active", where);
        if (!active.isIntegralNumber() || (active.asInt() != 0 && active.asInt() != 1) || !active.canConvertToInt()) {
            throw bad(r, where + "active is " + active + ", expected 1 or 0");
        }
        return new Allocation(
                text(r, a, "description", where),
                text(r, a, "abstract", where),
                allocated.asDouble(),
                used.isNull() ? OptionalDouble.empty() : OptionalDouble.of(used.asDouble()),
                date(r, a, "start_date", where),
                date(r, a, "end_date", where),
                text(r, a, "resource", where),
                active.asInt() == 1);
    }

    private static JsonNode required(OpenStackResponse r, JsonNode a, String field, String where) {
        JsonNode v = a.get(field);
        if (v == null) {
            throw bad(r, where + "missing " + field);
        }
        return v;
    }

    private static String text(OpenStackResponse r, JsonNode a, String field, String where) {
        JsonNode v = required(r, a, field, where);
        if (!v.isTextual()) {
            throw bad(r, where + field + " is not a string");
        }
        return v.asText();
    }

    /** ISO-8601: a date-time (with or without offset, zone-less meaning UTC) or a date (its start, UTC). */
    private static Instant date(OpenStackResponse r, JsonNode a, String field, String where) {
        String s = text(r, a, field, where);
        try {
            return Timestamps.parse(s)
                    .orElseGet(() -> LocalDate.parse(s.trim()).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw bad(r, where + field + " is not an ISO-8601 date: " + s);
        }
    }

    private static ResponseDecodingException bad(OpenStackResponse r, String why) {
        String id = r.requestId().map(x -> " (request id " + x + ")").orElse("");
        return new ResponseDecodingException("accounting GET /" + id + ": " + why, null);
    }

    @Override
    public String toString() {
        return "AccountingClient{" + accounting.type() + "}";
    }
}
