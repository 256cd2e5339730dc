package app.exosphere.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Dns;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * How a client reaches the simulated UAPs: a CA and one certificate with a wildcard name per UAP
 * hostname, a {@link Dns} that resolves UAP hostnames (and their subdomains) to the loopback address,
 * and a {@link SocketFactory} that sends connections for loopback port 443 to the UAP server's real
 * port (UAP URLs have no port).
 */
public final class UapNetwork {
    private final List<String> uapHosts;
    private final HeldCertificate ca;
    private final HandshakeCertificates server;
    private final HandshakeCertificates client;
    private volatile int port;

    public UapNetwork(List<String> uapHosts) {
        this.uapHosts = uapHosts.stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        this.ca = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("exosphere-testkit simulated UAP CA")
                .duration(365, TimeUnit.DAYS)
                .ecdsa256()
                .build();
        HeldCertificate.Builder leaf = new HeldCertificate.Builder()
                .signedBy(ca)
                .commonName(this.uapHosts.isEmpty() ? "localhost" : "*." + this.uapHosts.get(0))
                .duration(365, TimeUnit.DAYS)
                .ecdsa256();
        for (String h : this.uapHosts) {
            leaf.addSubjectAlternativeName("*." + h);
            leaf.addSubjectAlternativeName(h);
        }
        leaf.addSubjectAlternativeName("localhost");
        this.server = new HandshakeCertificates.Builder()
                .heldCertificate(leaf.build(), ca.certificate())
                .build();
        this.client = new HandshakeCertificates.Builder()
                .addTrustedCertificate(ca.certificate())
                .addPlatformTrustedCertificates()
                .build();
    }

    public void port(int port) {
        this.port = port;
    }

    public HandshakeCertificates serverCertificates() {
        return server;
    }

    public HandshakeCertificates clientCertificates() {
        return client;
    }

    public HeldCertificate ca() {
        return ca;
    }

    public boolean isUapHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String uap : uapHosts) {
            if (h.equals(uap) || h.endsWith("." + uap)) {
                return true;
            }
        }
        return false;
    }

    public Dns dns() {
        return hostname -> {
            if (isUapHost(hostname)) {
                return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1}));
            }
            try {
                return Dns.SYSTEM.lookup(hostname);
            } catch (UnknownHostException e) {
                throw e;
            }
        };
    }

    public SocketFactory socketFactory() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new RemappingSocket();
            }

            @Override
            public Socket createSocket(String host, int p) throws IOException {
                Socket s = new RemappingSocket();
                s.connect(new InetSocketAddress(host, p));
                return s;
            }

            @Override
            public Socket createSocket(String host, int p, InetAddress localHost, int localPort) throws IOException {
                Socket s = new RemappingSocket();
                s.bind(new InetSocketAddress(localHost, localPort));
                s.connect(new InetSocketAddress(host, p));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress host, int p) throws IOException {
                Socket s = new RemappingSocket();
                s.connect(new InetSocketAddress(host, p));
                return s;
            }

            @Override
            public Socket createSocket(InetAddress address, int p, InetAddress localAddress, int localPort)
                    throws IOException {
                Socket s = new RemappingSocket();
                s.bind(new InetSocketAddress(localAddress, localPort));
                s.connect(new InetSocketAddress(address, p));
                return s;
            }
        };
    }

    private final class RemappingSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(remap(endpoint), timeout);
        }

        @Override
        public void connect(SocketAddress endpoint) throws IOException {
            super.connect(remap(endpoint));
        }

        private SocketAddress remap(SocketAddress endpoint) {
            if (endpoint instanceof InetSocketAddress isa
                    && isa.getPort() == 443
                    && isa.getAddress() != null
                    && isa.getAddress().isLoopbackAddress()
                    && port > 0) {
                return new InetSocketAddress(isa.getAddress(), port);
            }
            return endpoint;
        }
    }
}
