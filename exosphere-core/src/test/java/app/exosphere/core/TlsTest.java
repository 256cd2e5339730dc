package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.error.TlsException;
import app.exosphere.core.http.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    private final MockCloud cloud = new MockCloud();
    private HeldCertificate root;

    @TempDir
    Path tmp;

    @BeforeEach
    void serveHttpsWithAPrivateCa() {
        root = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("test root")
                .build();
        HeldCertificate server = new HeldCertificate.Builder()
                .signedBy(root)
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .build();
        HandshakeCertificates serverCerts =
                new HandshakeCertificates.Builder().heldCertificate(server).build();
        cloud.server.useHttps(serverCerts.sslSocketFactory());
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void untrustedCertificateIsATlsException() {
        assertThatThrownBy(() -> cloud.builder(MockCloud.ALICE).project("p").build())
                .isInstanceOf(TlsException.class)
                .hasMessageContaining("cacert");
    }

    @Test
    void caBundleFromCloudsYamlCacertIsTrusted() throws Exception {
        Path pem = Files.writeString(tmp.resolve("ca.pem"), root.certificatePem());
        cloud.server.enqueue(cloud.scopedToken("tok"));
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project("p")
                .tls(TlsOptions.builder().caBundle(pem).build())
                .build();
        assertThat(os.token().execute().id().reveal()).isEqualTo("tok");
    }

    @Test
    void verificationCanBeTurnedOffExplicitly() {
        cloud.server.enqueue(cloud.scopedToken("tok"));
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project("p")
                .tls(TlsOptions.builder().verify(false).build())
                .build();
        assertThat(os.token().execute().id().reveal()).isEqualTo("tok");
    }

    @Test
    void clientKeysMustBePkcs8AndTheErrorSaysHowToConvert() throws Exception {
        HeldCertificate client =
                new HeldCertificate.Builder().rsa2048().commonName("client").build();
        Path cert = Files.writeString(tmp.resolve("client.pem"), client.certificatePem());
        Path pkcs1 = Files.writeString(tmp.resolve("client.key"), client.privateKeyPkcs1Pem());
        assertThatThrownBy(() -> cloud.builder(MockCloud.ALICE)
                        .tls(TlsOptions.builder()
                                .clientCertificate(cert)
                                .clientKey(pkcs1)
                                .build())
                        .buildLazily())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");

        Path pkcs8 = Files.writeString(tmp.resolve("client8.key"), client.privateKeyPkcs8Pem());
        assertThat(cloud.builder(MockCloud.ALICE)
                        .tls(TlsOptions.builder()
                                .clientCertificate(cert)
                                .clientKey(pkcs8)
                                .build())
                        .buildLazily())
                .isNotNull();
    }
}
