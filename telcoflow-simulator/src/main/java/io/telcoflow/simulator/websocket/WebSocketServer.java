package io.telcoflow.simulator.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP (or TLS) connections on one thread and serves each on its own thread: HTTP upgrade,
 * then the WebSocket reader loop. The application decides about each upgrade request.
 */
public final class WebSocketServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketServer.class);

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private static final int MAX_REQUEST_BYTES = 16 * 1024;

	private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

	private final ServerSocket serverSocket;

	private final Function<UpgradeRequest, UpgradeDecision> upgradeDecider;

	private final ScheduledExecutorService timer;

	private final AtomicInteger threadCount = new AtomicInteger();

	private final Thread acceptThread;

	private volatile boolean running = true;

	/**
	 * Binds and starts accepting.
	 * @param host the address to bind
	 * @param port the port, 0 for a free one
	 * @param sslContext TLS material, {@code null} for plain TCP
	 * @param needClientAuth whether a client certificate is required (mTLS)
	 * @param upgradeDecider decides on each upgrade request
	 * @param timer a scheduler for close timeouts
	 * @throws IOException when the port cannot be bound
	 */
	public WebSocketServer(String host, int port, @Nullable SSLContext sslContext, boolean needClientAuth,
			Function<UpgradeRequest, UpgradeDecision> upgradeDecider, ScheduledExecutorService timer)
			throws IOException {
		this.upgradeDecider = upgradeDecider;
		this.timer = timer;
		if (sslContext != null) {
			SSLServerSocket sslServerSocket = (SSLServerSocket) sslContext.getServerSocketFactory().createServerSocket();
			sslServerSocket.setNeedClientAuth(needClientAuth);
			this.serverSocket = sslServerSocket;
		}
		else {
			this.serverSocket = new ServerSocket();
		}
		this.serverSocket.setReuseAddress(true);
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
		this.acceptThread = new Thread(this::acceptLoop, "telcoflow-sim-accept-" + port());
		this.acceptThread.setDaemon(true);
		this.acceptThread.start();
	}

	/**
	 * Returns the bound port.
	 * @return the port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	private void acceptLoop() {
		while (this.running) {
			try {
				Socket socket = this.serverSocket.accept();
				Thread thread = new Thread(() -> serve(socket), "telcoflow-sim-conn-" + this.threadCount.incrementAndGet());
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				if (this.running) {
					logger.debug("Accept failed: {}", ex.toString());
				}
			}
		}
	}

	private void serve(Socket socket) {
		try {
			socket.setTcpNoDelay(true);
			// a peer that connects and says nothing must not hold a thread forever
			socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
			List<X509Certificate> certificates = List.of();
			if (socket instanceof SSLSocket sslSocket) {
				sslSocket.startHandshake();
				certificates = peerCertificates(sslSocket);
			}
			InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
			OutputStream out = socket.getOutputStream();
			String head = readRequestHead(in);
			if (head == null) {
				socket.close();
				return;
			}
			UpgradeRequest request = parse(head, certificates);
			String key = request.header("sec-websocket-key");
			boolean upgrade = "websocket".equalsIgnoreCase(request.header("upgrade")) && key != null;
			UpgradeDecision decision = upgrade ? this.upgradeDecider.apply(request) : UpgradeDecision.refuse(400);
			if (decision.status() != 101 || decision.handler() == null || key == null) {
				writeRefusal(out, decision.status());
				socket.close();
				return;
			}
			String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
					+ "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
			out.write(response.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.setSoTimeout(0);
			new WebSocketConnection(socket, in, out, request, decision.handler(), this.timer).run();
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Connection failed before the upgrade: {}", ex.toString());
			try {
				socket.close();
			}
			catch (IOException closeFailure) {
				// nothing left to do
			}
		}
	}

	private static List<X509Certificate> peerCertificates(SSLSocket socket) {
		try {
			List<X509Certificate> result = new ArrayList<>();
			for (Certificate certificate : socket.getSession().getPeerCertificates()) {
				if (certificate instanceof X509Certificate x509) {
					result.add(x509);
				}
			}
			return result;
		}
		catch (SSLPeerUnverifiedException ex) {
			return List.of();
		}
	}

	private static @Nullable String readRequestHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream(512);
		int matched = 0;
		while (head.size() < MAX_REQUEST_BYTES) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			head.write(b);
			matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
					? matched + 1 : ((b == '\r') ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	private static UpgradeRequest parse(String head, List<X509Certificate> certificates) {
		String[] lines = head.split("\r\n");
		String[] requestLine = lines[0].split(" ");
		String target = (requestLine.length > 1) ? requestLine[1] : "/";
		int query = target.indexOf('?');
		String path = (query >= 0) ? target.substring(0, query) : target;
		Map<String, String> headers = new HashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
		}
		return new UpgradeRequest(path, headers, certificates);
	}

	private static void writeRefusal(OutputStream out, int status) throws IOException {
		String response = "HTTP/1.1 " + status + " " + reasonPhrase(status) + "\r\nContent-Length: 0\r\n"
				+ "Connection: close\r\n\r\n";
		out.write(response.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	private static String reasonPhrase(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 503 -> "Service Unavailable";
			default -> "Refused";
		};
	}

	static String accept(String key) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			byte[] digest = sha1.digest((key.trim() + GUID).getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

}
