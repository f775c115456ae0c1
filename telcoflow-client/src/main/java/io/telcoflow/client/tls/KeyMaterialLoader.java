package io.telcoflow.client.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads keystores and PEM files, failing with messages that name the setting.
 */
final class KeyMaterialLoader {

	private static final Pattern PRIVATE_KEY = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

	private KeyMaterialLoader() {
	}

	static KeyStore loadKeyStore(String setting, Path path, String type, char[] password) {
		String storeType = type.toUpperCase(Locale.ROOT);
		if (!storeType.equals("PKCS12") && !storeType.equals("JKS")) {
			throw invalid(setting, "keystore type must be PKCS12 or JKS (was " + type + ")");
		}
		requireReadable(setting, path);
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore keyStore = KeyStore.getInstance(storeType);
			keyStore.load(in, password);
			return keyStore;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw invalid(setting, "cannot read " + storeType + " keystore '" + path
					+ "' (wrong type or password, or a corrupt file): " + ex.getClass().getSimpleName());
		}
	}

	static List<Certificate> readCertificates(String setting, Path path) {
		requireReadable(setting, path);
		try (InputStream in = Files.newInputStream(path)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw invalid(setting, "no certificate in '" + path + "'");
			}
			return new ArrayList<>(certificates);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw invalid(setting, "cannot read PEM certificates from '" + path + "': " + ex.getMessage());
		}
	}

	static PrivateKey readPrivateKey(String setting, Path path) {
		requireReadable(setting, path);
		String pem;
		try {
			pem = Files.readString(path, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw invalid(setting, "cannot read '" + path + "'");
		}
		Matcher matcher = PRIVATE_KEY.matcher(pem);
		if (!matcher.find()) {
			throw invalid(setting, "'" + path + "' holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); "
					+ "convert it with 'openssl pkcs8 -topk8 -nocrypt'");
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder().decode(matcher.group(1));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(setting, "'" + path + "' holds a malformed PEM private key");
		}
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw invalid(setting, "'" + path + "' holds a private key that is neither RSA nor EC");
	}

	static void requireMatchingKey(String setting, Certificate certificate, PrivateKey key, Path certificatePath,
			Path keyPath) {
		String algorithm = switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			default -> key.getAlgorithm();
		};
		try {
			byte[] probe = "telcoflow".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(key);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(probe);
			if (verifier.verify(signature)) {
				return;
			}
		}
		catch (GeneralSecurityException ex) {
			// falls through to the failure below
		}
		throw invalid(setting, "the private key in '" + keyPath + "' does not match the certificate in '"
				+ certificatePath + "'");
	}

	static void requireReadable(String setting, Path path) {
		if (!Files.isRegularFile(path)) {
			throw invalid(setting, "file '" + path + "' does not exist");
		}
		if (!Files.isReadable(path)) {
			throw invalid(setting, "file '" + path + "' is not readable");
		}
	}

	static IllegalArgumentException invalid(String setting, String message) {
		return new IllegalArgumentException("Invalid Telcoflow setting '" + setting + "': " + message);
	}

}
