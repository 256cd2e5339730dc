package app.exosphere.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeferredSslSocketFactoryTest {
    private final MockWebServer server = new MockWebServer();
    private HeldCertificate root;

    @BeforeEach
    void start() throws Exception {
        root = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("test root")
                .build();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveHttps() {
        HeldCertificate cert = new HeldCertificate.Builder()
                .signedBy(root)
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .build();
        server.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(cert)
                .build()
                .sslSocketFactory());
    }

    private static int get(OkHttpClient client, String url) throws Exception {
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code();
        }
    }

    @Test
    void createsTheTlsContextOnTheFirstTlsConnectionAndHandshakesWithTheGivenTrust() throws Exception {
        serveHttps();
        server.enqueue(new MockResponse.Builder().code(204).build());
        X509TrustManager trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(root.certificate())
                .build()
                .trustManager();
        DeferredSslSocketFactory factory = new DeferredSslSocketFactory(trust);
        OkHttpClient client =
                new OkHttpClient.Builder().sslSocketFactory(factory, trust).build();

        assertThat(factory.created()).isFalse();
        assertThat(get(client, server.url("/").toString())).isEqualTo(204);
        assertThat(factory.created()).isTrue();
    }

    @Test
    void plainHttpCallsNeverCreateTheTlsContext() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        assertThat(TlsSetup.deferDefaultContext(b)).isTrue();
        OkHttpClient client = b.build();

        assertThat(get(client, server.url("/").toString())).isEqualTo(204);
        assertThat(((DeferredSslSocketFactory) client.sslSocketFactory()).created())
                .isFalse();
    }

    @Test
    void theDeferredDefaultTrustsTheSystemCasOnlyAsOkHttpsDefaultDoes() throws Exception {
        serveHttps();
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        TlsSetup.deferDefaultContext(b);
        OkHttpClient client = b.build();

        assertThatThrownBy(() -> get(client, server.url("/").toString())).isInstanceOf(SSLHandshakeException.class);
        assertThat(((DeferredSslSocketFactory) client.sslSocketFactory()).created())
                .isTrue();
    }
}
