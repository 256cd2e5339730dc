package app.exosphere.core.error;

/**
 * A share operation was asked for with input that can never succeed (an empty share name, a size below
 * 1 GB, a CephX id Ceph refuses). Nothing was sent to the cloud; the message says which value is wrong
 * and what to pass instead.
 *
 * <pre>{@code
 * try {
 *     app.exosphere.core.share.AccessRuleRequest.cephx("my data", app.exosphere.core.share.AccessLevel.RW);
 * } catch (InvalidShareRequestException e) {
 *     System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public class InvalidShareRequestException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do instead; never contains secrets */
    public InvalidShareRequestException(String message) {
        super(message);
    }
}
