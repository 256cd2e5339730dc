package app.exosphere.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK's default TLS socket factory — {@code SSLContext.getInstance("TLS")} initialised with the
 * given trust manager, which is what OkHttp builds for a client on the JDK platform — created when the
 * first TLS connection is opened rather than when the client is built. A connection that only talks
 * {@code http://} (a loopback or in-cluster cloud) never pays for the TLS provider and its cipher
 * suites. Thread-safe: the context is created once.
 */
final class DeferredSslSocketFactory extends SSLSocketFactory {
    private final X509TrustManager trust;
    private volatile SSLSocketFactory delegate;

    DeferredSslSocketFactory(X509TrustManager trust) {
        this.trust = trust;
    }

    /** Whether the TLS context has been created (a TLS connection was opened or asked about). */
    boolean created() {
        return delegate != null;
    }

    private SSLSocketFactory delegate() throws SSLException {
        SSLSocketFactory d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    try {
                        SSLContext ctx = SSLContext.getInstance("TLS");
                        ctx.init(null, new TrustManager[] {trust}, null);
                        d = ctx.getSocketFactory();
                    } catch (GeneralSecurityException e) {
                        throw new SSLException("cannot create the JDK's TLS context: " + e.getMessage(), e);
                    }
                    delegate = d;
                }
            }
        }
        return d;
    }

    private SSLSocketFactory delegateUnchecked() {
        try {
            return delegate();
        } catch (SSLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegateUnchecked().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegateUnchecked().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate().createSocket();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return delegate().createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return delegate().createSocket(s, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate().createSocket(address, port, localAddress, localPort);
    }
}
