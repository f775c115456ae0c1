package io.telcoflow.benchmarks.stacks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.telcoflow.benchmarks.load.LatencyHistogram;
import io.telcoflow.simulator.SimulatorTls;
import io.telcoflow.simulator.websocket.UpgradeDecision;
import io.telcoflow.simulator.websocket.WebSocketConnection;
import io.telcoflow.simulator.websocket.WebSocketHandler;
import io.telcoflow.simulator.websocket.WebSocketServer;
import org.jspecify.annotations.Nullable;

/**
 * The one server of the comparison, the same for every stack: the simulator's WebSocket server on
 * 127.0.0.1, once plain and once with the simulator's TEST-ONLY TLS key material. Every connection
 * gets a 960-byte binary frame (24 kHz, 20 ms) every 20 ms carrying the server's send time, and a
 * text frame every second; the echo delay is measured when the frame comes back. Four sender
 * threads, a quarter of the connections each, 5 ms apart, so that one thread's writes never take a
 * whole tick.
 */
final class EchoServer implements AutoCloseable {

	static final int FRAME_BYTES = 960;

	static final int TICK_MILLIS = 20;

	private static final int TEXT_EVERY_TICKS = 50;

	private static final int SENDERS = 4;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("close-timer"));

	private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(SENDERS, Threads.daemon("sender"));

	private final List<List<Peer>> groups = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
			new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());

	private final AtomicInteger nextPeer = new AtomicInteger();

	private final AtomicInteger open = new AtomicInteger();

	private final LatencyHistogram delays = new LatencyHistogram();

	private final LongAdder sentInWindow = new LongAdder();

	private final LongAdder echoedInWindow = new LongAdder();

	private volatile boolean sending;

	private volatile long windowStart;

	private volatile long windowEnd;

	private final WebSocketServer plain;

	private final WebSocketServer secure;

	EchoServer() throws IOException {
		this.plain = new WebSocketServer("127.0.0.1", 0, null, false, (request) -> UpgradeDecision.accept(new Handler()),
				this.timer);
		this.secure = new WebSocketServer("127.0.0.1", 0, serverSslContext(), false,
				(request) -> UpgradeDecision.accept(new Handler()), this.timer);
		for (int group = 0; group < SENDERS; group++) {
			int index = group;
			this.senders.scheduleAtFixedRate(() -> tick(this.groups.get(index)), group * (TICK_MILLIS / SENDERS),
					TICK_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	String url(boolean tls) {
		return tls ? "wss://127.0.0.1:" + this.secure.port() : "ws://127.0.0.1:" + this.plain.port();
	}

	int openConnections() {
		return this.open.get();
	}

	/** Whether audio is sent: not during a burst, so that its CPU is the handshakes' alone. */
	void sendAudio(boolean sending) {
		this.sending = sending;
	}

	void startWindow() {
		this.delays.reset();
		this.sentInWindow.reset();
		this.echoedInWindow.reset();
		this.windowEnd = 0;
		this.windowStart = System.nanoTime();
	}

	void endWindow() {
		this.windowEnd = System.nanoTime();
	}

	/** The window's echo: p50, p99, p99.9 (ms), frames sent, and those whose echo never came. */
	double[] echo() {
		long sent = this.sentInWindow.sum();
		return new double[] { this.delays.quantileMillis(0.50), this.delays.quantileMillis(0.99),
				this.delays.quantileMillis(0.999), sent, sent - this.echoedInWindow.sum() };
	}

	private boolean inWindow(long sentAt) {
		long start = this.windowStart;
		long end = this.windowEnd;
		return start != 0 && sentAt - start >= 0 && (end == 0 || sentAt - end < 0);
	}

	private void tick(List<Peer> peers) {
		if (!this.sending) {
			return;
		}
		for (Peer peer : peers) {
			long now = System.nanoTime();
			ByteBuffer.wrap(peer.frame).putLong(4, now);
			if (peer.connection.sendEncoded(peer.frame) && inWindow(now)) {
				this.sentInWindow.increment();
			}
			if (++peer.ticks % TEXT_EVERY_TICKS == 0) {
				peer.connection.sendEncoded(WebSocketConnection
					.encodeTextFrame("{\"type\":\"session.capacity\",\"tick\":" + peer.ticks + "}"));
			}
		}
	}

	@Override
	public void close() {
		this.senders.shutdownNow();
		this.plain.close();
		this.secure.close();
		this.timer.shutdownNow();
	}

	private static SSLContext serverSslContext() {
		SimulatorTls tls = SimulatorTls.testServer();
		char[] password = SimulatorTls.TEST_PASSWORD.toCharArray();
		try (InputStream in = Files.newInputStream(tls.keyStore())) {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, password);
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore, password);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot load the simulator's TEST-ONLY server key material", ex);
		}
	}

	/** One connection's frame, reused: only its sender thread writes it, under the connection's write lock. */
	private static final class Peer {

		private final WebSocketConnection connection;

		private final byte[] frame = new byte[4 + FRAME_BYTES];

		private long ticks;

		Peer(WebSocketConnection connection) {
			this.connection = connection;
			this.frame[0] = (byte) 0x82;
			this.frame[1] = 126;
			this.frame[2] = (byte) (FRAME_BYTES >>> 8);
			this.frame[3] = (byte) FRAME_BYTES;
		}

	}

	private final class Handler implements WebSocketHandler {

		private @Nullable Peer peer;

		private @Nullable List<Peer> group;

		@Override
		public void onOpen(WebSocketConnection connection) {
			this.peer = new Peer(connection);
			this.group = EchoServer.this.groups.get(EchoServer.this.nextPeer.getAndIncrement() % SENDERS);
			EchoServer.this.open.incrementAndGet();
			this.group.add(this.peer);
		}

		@Override
		public void onText(WebSocketConnection connection, String text) {
			// the clients do not send text
		}

		@Override
		public void onBinary(WebSocketConnection connection, byte[] data, int length) {
			long now = System.nanoTime();
			if (length >= 8) {
				long sentAt = ByteBuffer.wrap(data, 0, length).getLong(0);
				if (inWindow(sentAt)) {
					EchoServer.this.delays.record(now - sentAt);
					EchoServer.this.echoedInWindow.increment();
				}
			}
		}

		@Override
		public void onClosed(WebSocketConnection connection, int code) {
			List<Peer> group = this.group;
			if (group != null) {
				group.remove(this.peer);
				EchoServer.this.open.decrementAndGet();
			}
		}

	}

}
