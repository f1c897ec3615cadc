package nl.werkproces.lti.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed TLS certificate for {@code localhost} and {@code 127.0.0.1}, made at test time with the JDK's
 * {@code keytool} (once per test JVM): the tool and the simulated platform serve https with it, and Java clients in
 * the test trust it besides the JDK's usual authorities.
 */
public final class SelfSignedTls {

	public static final String PASSWORD = "test-only-tls";

	private static volatile Path keyStore;

	private SelfSignedTls() {
	}

	/** The PKCS#12 key store (alias {@code tls}), for {@code server.ssl.key-store}. */
	public static synchronized Path keyStore() {
		if (keyStore == null) {
			try {
				Path dir = Files.createTempDirectory("werkproces-tls");
				Path file = dir.resolve("tls.p12");
				Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
				Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "tls", "-keyalg", "RSA",
						"-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext",
						"SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass",
						PASSWORD, "-keypass", PASSWORD)
					.redirectErrorStream(true)
					.start();
				String output = new String(process.getInputStream().readAllBytes());
				if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException("keytool failed: " + output);
				}
				file.toFile().deleteOnExit();
				dir.toFile().deleteOnExit();
				keyStore = file;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return keyStore;
	}

	/** Serves with the certificate and trusts it as well as the JDK's authorities. */
	public static SSLContext context() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(keyStore())) {
				store.load(in, PASSWORD.toCharArray());
			}
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, PASSWORD.toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), new TrustManager[] { trustManager(store) }, null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Makes every Java client created from now on in this JVM trust the certificate too. */
	public static void trustInThisJvm() {
		SSLContext.setDefault(context());
	}

	private static X509TrustManager trustManager(KeyStore own) throws GeneralSecurityException {
		List<X509TrustManager> managers = new ArrayList<>();
		for (KeyStore store : new KeyStore[] { own, null }) {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509TrustManager x509) {
					managers.add(x509);
				}
			}
		}
		return new X509TrustManager() {

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				check(chain, authType, true);
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				check(chain, authType, false);
			}

			private void check(X509Certificate[] chain, String authType, boolean client) throws CertificateException {
				CertificateException last = null;
				for (X509TrustManager manager : managers) {
					try {
						if (client) {
							manager.checkClientTrusted(chain, authType);
						}
						else {
							manager.checkServerTrusted(chain, authType);
						}
						return;
					}
					catch (CertificateException ex) {
						last = ex;
					}
				}
				throw (last != null) ? last : new CertificateException("no trust manager");
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return managers.stream().flatMap((m) -> java.util.Arrays.stream(m.getAcceptedIssuers()))
					.toArray(X509Certificate[]::new);
			}

		};
	}

}
