package app.exosphere.core.http;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS settings of one connection: an extra CA bundle (PEM, clouds.yaml {@code cacert}), a client
 * certificate and key (PEM; clouds.yaml {@code cert} and {@code key}; the key in PKCS#8 form), or
 * turning verification off ({@code verify: false}), which is explicit and logged as a warning.
 *
 * <pre>{@code
 * TlsOptions tls = TlsOptions.builder().caBundle(Path.of("/etc/ssl/my-cloud-ca.pem")).build();
 * }</pre>
 */
public final class TlsOptions {
    private final Path caBundle;
    private final Path clientCertificate;
    private final Path clientKey;
    private final boolean verify;

    private TlsOptions(Builder b) {
        this.caBundle = b.caBundle;
        this.clientCertificate = b.clientCertificate;
        this.clientKey = b.clientKey;
        this.verify = b.verify;
    }

    /** Verification on, system trust store, no client certificate. */
    public static TlsOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** PEM file of CA certificates trusted in addition to the system ones. */
    public Optional<Path> caBundle() {
        return Optional.ofNullable(caBundle);
    }

    /** PEM client certificate (chain). */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** PEM PKCS#8 private key of the client certificate (may be inside the certificate file). */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    /** False only if verification was explicitly disabled. */
    public boolean verify() {
        return verify;
    }

    /** Builds {@link TlsOptions}. */
    public static final class Builder {
        private Path caBundle;
        private Path clientCertificate;
        private Path clientKey;
        private boolean verify = true;

        private Builder() {}

        public Builder caBundle(Path value) {
            this.caBundle = value;
            return this;
        }

        public Builder clientCertificate(Path value) {
            this.clientCertificate = value;
            return this;
        }

        public Builder clientKey(Path value) {
            this.clientKey = value;
            return this;
        }

        /** {@code false} disables certificate and hostname verification (insecure; logged once). */
        public Builder verify(boolean value) {
            this.verify = value;
            return this;
        }

        public TlsOptions build() {
            return new TlsOptions(this);
        }
    }
}
