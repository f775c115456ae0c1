package io.telcoflow.client.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
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

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Reads keystores and PEM files, failing with messages that name the setting.
 */
final class KeyMaterialLoader {

	private static final Pattern PRIVATE_KEY = Pattern.compile(
			"-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----([\\s\\S]*?)-----END \\1-----");

	// DER of the AlgorithmIdentifier OIDs a PKCS#8 wrapper needs
	private static final byte[] RSA_ENCRYPTION = { 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
			0x01, 0x01, 0x01 };

	private static final byte[] DER_NULL = { 0x05, 0x00 };

	private static final byte[] EC_PUBLIC_KEY = { 0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01 };

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

	/**
	 * Reads a PEM private key: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA
	 * PRIVATE KEY}, as {@code openssl genrsa} writes), SEC1 ({@code BEGIN EC PRIVATE KEY}, as
	 * {@code openssl ecparam -genkey} writes), or encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE
	 * KEY}) with its password.
	 */
	static PrivateKey readPrivateKey(String setting, Path path, char @Nullable [] password) {
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
			throw invalid(setting, "'" + path + "' holds no PEM private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY, "
					+ "BEGIN EC PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
		}
		String type = matcher.group(1);
		String body = matcher.group(2);
		if (body.contains("Proc-Type:")) {
			throw invalid(setting, "'" + path + "' is encrypted in OpenSSL's legacy format, which is not supported; "
					+ "convert it to encrypted PKCS#8 with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder().decode(body.strip());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(setting, "'" + path + "' holds a malformed PEM private key");
		}
		byte[] pkcs8 = switch (type) {
			case "RSA PRIVATE KEY" -> pkcs8(sequence(RSA_ENCRYPTION, DER_NULL), der);
			case "EC PRIVATE KEY" -> pkcs8(sequence(EC_PUBLIC_KEY, sec1Curve(setting, path, der)), der);
			case "ENCRYPTED PRIVATE KEY" -> decrypt(setting, path, der, password);
			default -> der;
		};
		if (password != null && !type.equals("ENCRYPTED PRIVATE KEY")) {
			throw invalid(setting, "'" + path + "' is not encrypted, but a key password was given");
		}
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
		for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw invalid(setting, "'" + path + "' holds a private key that is neither RSA, EC nor EdDSA, or a corrupt one");
	}

	private static byte[] decrypt(String setting, Path path, byte[] der, char @Nullable [] password) {
		if (password == null) {
			throw invalid(setting, "'" + path + "' is encrypted: give its password");
		}
		try {
			EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
			AlgorithmParameters parameters = info.getAlgParameters();
			// PBES2 names its real algorithm (such as PBEWithHmacSHA256AndAES_256) in its parameters
			String algorithm = (parameters != null && "PBES2".equals(info.getAlgName())) ? parameters.toString()
					: info.getAlgName();
			SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password));
			Cipher cipher = Cipher.getInstance(algorithm);
			cipher.init(Cipher.DECRYPT_MODE, key, parameters);
			return info.getKeySpec(cipher).getEncoded();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw invalid(setting, "cannot decrypt '" + path + "' (wrong password, or an unsupported algorithm: "
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	// SEC1 ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters, [1] publicKey }
	private static byte[] sec1Curve(String setting, Path path, byte[] der) {
		try {
			int[] sequence = header(der, 0);
			int position = sequence[0];
			int end = sequence[0] + sequence[1];
			while (position < end) {
				int[] element = header(der, position);
				if ((der[position] & 0xFF) == 0xA0) {
					return java.util.Arrays.copyOfRange(der, element[0], element[0] + element[1]);
				}
				position = element[0] + element[1];
			}
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			// malformed: reported below
		}
		throw invalid(setting, "'" + path + "' holds an EC private key without its curve, or a corrupt one");
	}

	// Returns the offset of a DER element's content and its length
	private static int[] header(byte[] der, int offset) {
		int length = der[offset + 1] & 0xFF;
		int content = offset + 2;
		if (length > 0x80) {
			int bytes = length - 0x80;
			length = 0;
			for (int i = 0; i < bytes; i++) {
				length = (length << 8) | (der[content++] & 0xFF);
			}
		}
		return new int[] { content, length };
	}

	// PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, privateKey OCTET STRING }
	private static byte[] pkcs8(byte[] algorithmIdentifier, byte[] privateKey) {
		return sequence(new byte[] { 0x02, 0x01, 0x00 }, algorithmIdentifier, element(0x04, privateKey));
	}

	private static byte[] sequence(byte[]... elements) {
		java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
		for (byte[] element : elements) {
			content.writeBytes(element);
		}
		return element(0x30, content.toByteArray());
	}

	private static byte[] element(int tag, byte[] content) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
			out.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(content);
		return out.toByteArray();
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
