package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackServiceException;
import app.exosphere.core.error.OverLimitException;
import app.exosphere.core.http.ServiceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of {@code docs/errors.md}. */
final class ErrorsSnippets {

    private static final Logger log = LoggerFactory.getLogger(ErrorsSnippets.class);

    final List<String> outcomes = new ArrayList<>();

    void forget(String id) {
        outcomes.add("gone " + id);
    }

    void retryLater(Duration delay) {
        outcomes.add("retry after " + delay);
    }

    /** Fetches one server, recording what happened in {@link #outcomes}. */
    void fetchServer(OpenStack openStack, String id) {
        // snippet:errors-catch
        try {
            openStack.service(ServiceType.COMPUTE).get("servers/{id}", id).execute();
        } catch (NotFoundException e) {
            forget(id); // gone
        } catch (OverLimitException e) {
            retryLater(e.retryAfter().orElse(Duration.ofSeconds(30)));
        } catch (OpenStackServiceException e) {
            log.warn("{} (request {})", e.openStackMessage(), e.requestId().orElse("-"));
        }
        // end-snippet
    }
}
