package app.exosphere.core.internal;

import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.http.TlsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link TlsOptions} to an OkHttp builder. */
public final class TlsSetup {
    private static final Logger LOG = LoggerFactory.getLogger("app.exosphere.core.http");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (RSA |EC )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA |EC )?PRIVATE KEY-----");

    private TlsSetup() {}

    /** Configures TLS on {@code b}; returns true if anything was changed. */
    public static boolean apply(OkHttpClient.Builder b, TlsOptions tls) {
        try {
            if (!tls.verify()) {
                LOG.warn("TLS certificate verification is DISABLED for this OpenStack connection "
                        + "(verify: false); traffic can be intercepted. Configure 'cacert' instead.");
                X509TrustManager trustAll = new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                };
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(keyManagers(tls), new TrustManager[] {trustAll}, null);
                b.sslSocketFactory(ctx.getSocketFactory(), trustAll);
                b.hostnameVerifier((host, session) -> true);
                return true;
            }
            if (tls.caBundle().isEmpty() && tls.clientCertificate().isEmpty()) {
                return false;
            }
            X509TrustManager trust = trustManager(tls);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(tls), new TrustManager[] {trust}, null);
            b.sslSocketFactory(ctx.getSocketFactory(), trust);
            return true;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("TLS setup failed: " + e.getMessage());
        }
    }

    /**
     * For a client the SDK creates with default TLS options and no customiser, after {@link #apply}
     * changed nothing: the platform trust manager now (OkHttp needs it to build the client), the TLS
     * context when the first {@code https://} connection is opened ({@link DeferredSslSocketFactory}).
     * Only where OkHttp itself would use the JDK's TLS, i.e. its preferred security provider is not
     * Conscrypt, BouncyCastle or OpenJSSE; elsewhere OkHttp's own set-up is left as it is.
     *
     * @return true if the deferred context was installed
     */
    public static boolean deferDefaultContext(OkHttpClient.Builder b) {
        Provider[] providers = Security.getProviders();
        if (providers.length == 0) {
            return false;
        }
        String preferred = providers[0].getName();
        if (preferred.equals("Conscrypt") || preferred.equals("BC") || preferred.equals("OpenJSSE")) {
            return false;
        }
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            TrustManager[] managers = system.getTrustManagers();
            if (managers.length != 1 || !(managers[0] instanceof X509TrustManager trust)) {
                return false; // OkHttp reports this case itself
            }
            b.sslSocketFactory(new DeferredSslSocketFactory(trust), trust);
            return true;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("TLS setup failed: " + e.getMessage());
        }
    }

    private static X509TrustManager trustManager(TlsOptions tls) throws GeneralSecurityException {
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        X509TrustManager systemTm = (X509TrustManager) system.getTrustManagers()[0];
        if (tls.caBundle().isEmpty()) {
            return systemTm;
        }
        KeyStore ks = emptyKeyStore();
        int i = 0;
        for (X509Certificate c : systemTm.getAcceptedIssuers()) {
            ks.setCertificateEntry("system-" + i++, c);
        }
        for (Certificate c : certificates(tls.caBundle().get(), "cacert")) {
            ks.setCertificateEntry("bundle-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    private static KeyManager[] keyManagers(TlsOptions tls) throws GeneralSecurityException {
        if (tls.clientCertificate().isEmpty()) {
            return null;
        }
        Path certPath = tls.clientCertificate().get();
        Path keyPath = tls.clientKey().orElse(certPath);
        List<Certificate> chain = certificates(certPath, "cert");
        PrivateKey key = privateKey(keyPath);
        KeyStore ks = emptyKeyStore();
        char[] pw = new char[0];
        ks.setKeyEntry("client", key, pw, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        return kmf.getKeyManagers();
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return ks;
    }

    private static List<Certificate> certificates(Path path, String key) {
        try {
            byte[] pem = Files.readAllBytes(path);
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new ConfigurationException(path.toString(), null, key, "no PEM certificate found", null);
            }
            return new ArrayList<>(certs);
        } catch (IOException e) {
            throw new ConfigurationException(path.toString(), null, key, "cannot read the file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(path.toString(), null, key, "not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path path) {
        String pem;
        try {
            pem = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException(
                    path.toString(), null, "key", "cannot read the file: " + e.getMessage(), e);
        }
        Matcher m = PRIVATE_KEY.matcher(pem);
        if (!m.find()) {
            throw new ConfigurationException(path.toString(), null, "key", "no PEM private key found", null);
        }
        if (m.group(1) != null) {
            throw new ConfigurationException(
                    path.toString(),
                    null,
                    "key",
                    "the key is in PKCS#1/SEC1 form; convert it with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'",
                    null);
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new ConfigurationException(path.toString(), null, "key", "unsupported private key algorithm", null);
    }
}
