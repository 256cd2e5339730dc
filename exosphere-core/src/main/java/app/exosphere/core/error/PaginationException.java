package app.exosphere.core.error;

/**
 * A listing did not end: the service sent a next-page link or marker it had already sent (a loop), or
 * more pages than the paginator's limit. Raise the limit with {@code Paginator.withMaxPages(n)} if the
 * listing is really that long, or narrow it with filters.
 *
 * <pre>{@code
 * try { compute.servers().list().toList(); }
 * catch (PaginationException e) { log.warn("{} after {} pages", e.getMessage(), e.pagesFetched()); }
 * }</pre>
 */
public class PaginationException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final int pagesFetched;

    public PaginationException(String message, int pagesFetched) {
        super(message);
        this.pagesFetched = pagesFetched;
    }

    /** How many pages were fetched before the listing was stopped. */
    public int pagesFetched() {
        return pagesFetched;
    }
}
