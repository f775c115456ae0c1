package io.telcoflow.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the harnesses read about a process and the machine from {@code /proc} (Linux).
 */
public final class ProcFs {

	private static final double CLOCK_TICKS_PER_SECOND = 100;

	private ProcFs() {
	}

	/**
	 * Returns the CPU time (user + system) of a whole process so far.
	 * @param pid the process
	 * @return the time in seconds
	 */
	public static double cpuSeconds(long pid) {
		String stat = read("/proc/" + pid + "/stat");
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
	}

	/**
	 * Returns the operating system threads of a process now.
	 * @param pid the process
	 * @return the number of threads, -1 when unknown
	 */
	public static int threads(long pid) {
		for (String line : read("/proc/" + pid + "/status").split("\n")) {
			if (line.startsWith("Threads:")) {
				return Integer.parseInt(line.substring(8).trim());
			}
		}
		return -1;
	}

	/**
	 * Returns the machine's one-minute load average.
	 * @return the load average, NaN when unknown
	 */
	public static double loadAverage() {
		try {
			return Double.parseDouble(read("/proc/loadavg").split(" ")[0]);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static String read(String path) {
		try {
			return Files.readString(Path.of(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
