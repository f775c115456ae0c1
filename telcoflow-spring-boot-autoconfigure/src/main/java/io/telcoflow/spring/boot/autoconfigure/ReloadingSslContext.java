package io.telcoflow.spring.boot.autoconfigure;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * An {@link SSLContext} that always uses the current version of an SSL bundle: when Spring Boot
 * reloads the bundle ({@code reload-on-update}), the next TLS handshakes (new calls' media
 * connections, a reconnection of the control connection) present the new key and trust the new
 * certificates, while connections already open, and so live calls, keep the keys they were
 * opened with. The client's transport is given this one context for its whole life.
 */
final class ReloadingSslContext {

	private static final Log logger = LogFactory.getLog(ReloadingSslContext.class);

	private ReloadingSslContext() {
	}

	static SSLContext create(SslBundles bundles, String name, SslBundle initial) {
		AtomicReference<Managers> current = new AtomicReference<>(Managers.of(initial));
		SSLContext context;
		try {
			context = SSLContext.getInstance(initial.getProtocol());
			context.init(new KeyManager[] { new CurrentKeyManager(current) },
					new TrustManager[] { new CurrentTrustManager(current) }, null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create a TLS context for the SSL bundle '" + name + "'", ex);
		}
		bundles.addBundleUpdateHandler(name, (bundle) -> {
			current.set(Managers.of(bundle));
			// a resumed session would skip the new key: the next connections do a full handshake
			invalidate(context.getClientSessionContext());
			logger.info("SSL bundle '" + name + "' reloaded: the next Telcoflow connections use it; "
					+ "connections already open, and their calls, go on");
		});
		return context;
	}

	private static void invalidate(@Nullable SSLSessionContext sessions) {
		if (sessions == null) {
			return;
		}
		for (byte[] id : Collections.list(sessions.getIds())) {
			var session = sessions.getSession(id);
			if (session != null) {
				session.invalidate();
			}
		}
	}

	private record Managers(@Nullable X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager) {

		static Managers of(SslBundle bundle) {
			X509ExtendedKeyManager keyManager = null;
			for (KeyManager candidate : bundle.getManagers().getKeyManagers()) {
				if (candidate instanceof X509ExtendedKeyManager x509) {
					keyManager = x509;
					break;
				}
			}
			for (TrustManager candidate : bundle.getManagers().getTrustManagers()) {
				if (candidate instanceof X509ExtendedTrustManager x509) {
					return new Managers(keyManager, x509);
				}
			}
			throw new IllegalStateException("The SSL bundle has no X.509 trust manager");
		}

	}

	private static final class CurrentKeyManager extends X509ExtendedKeyManager {

		private final AtomicReference<Managers> current;

		CurrentKeyManager(AtomicReference<Managers> current) {
			this.current = current;
		}

		private @Nullable X509ExtendedKeyManager delegate() {
			return this.current.get().keyManager();
		}

		@Override
		public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
			X509ExtendedKeyManager delegate = delegate();
			return (delegate != null) ? delegate.getClientAliases(keyType, issuers) : null;
		}

		@Override
		public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers,
				@Nullable Socket socket) {
			X509ExtendedKeyManager delegate = delegate();
			return (delegate != null) ? delegate.chooseClientAlias(keyType, issuers, socket) : null;
		}

		@Override
		public @Nullable String chooseEngineClientAlias(String[] keyType, Principal @Nullable [] issuers,
				@Nullable SSLEngine engine) {
			X509ExtendedKeyManager delegate = delegate();
			return (delegate != null) ? delegate.chooseEngineClientAlias(keyType, issuers, engine) : null;
		}

		@Override
		public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
			return null;
		}

		@Override
		public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers,
				@Nullable Socket socket) {
			return null;
		}

		@Override
		public X509Certificate @Nullable [] getCertificateChain(String alias) {
			X509ExtendedKeyManager delegate = delegate();
			return (delegate != null) ? delegate.getCertificateChain(alias) : null;
		}

		@Override
		public @Nullable PrivateKey getPrivateKey(String alias) {
			X509ExtendedKeyManager delegate = delegate();
			return (delegate != null) ? delegate.getPrivateKey(alias) : null;
		}

	}

	private static final class CurrentTrustManager extends X509ExtendedTrustManager {

		private final AtomicReference<Managers> current;

		CurrentTrustManager(AtomicReference<Managers> current) {
			this.current = current;
		}

		private X509ExtendedTrustManager delegate() {
			return this.current.get().trustManager();
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			delegate().checkServerTrusted(chain, authType, socket);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			delegate().checkServerTrusted(chain, authType, engine);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			delegate().checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
				throws CertificateException {
			delegate().checkClientTrusted(chain, authType, socket);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
				throws CertificateException {
			delegate().checkClientTrusted(chain, authType, engine);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
			delegate().checkClientTrusted(chain, authType);
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return delegate().getAcceptedIssuers();
		}

	}

}
