package nl.werkproces.lti.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's {@link DataSource} and records every time a thread takes a second pool connection
 * while it still holds one: the pattern that deadlocks a pool when many requests do it at once. Register as a
 * bean in a test configuration; {@link #reset()} after start-up (Flyway may hold two connections).
 */
public final class ConnectionHoldCounter implements BeanPostProcessor {

	private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

	private final AtomicInteger maxHeldByOneThread = new AtomicInteger();

	private final List<String> nestedAcquisitions = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	public void reset() {
		this.maxHeldByOneThread.set(0);
		this.nestedAcquisitions.clear();
	}

	/** Most connections one thread held at the same time since the last reset. */
	public int maxHeldByOneThread() {
		return this.maxHeldByOneThread.get();
	}

	/** Where a thread took a second connection (thread name and the caller's frames), since the last reset. */
	public List<String> nestedAcquisitions() {
		return List.copyOf(this.nestedAcquisitions);
	}

	private Connection track(Connection connection) {
		int[] count = this.held.get();
		count[0]++;
		this.maxHeldByOneThread.accumulateAndGet(count[0], Math::max);
		if (count[0] > 1 && this.nestedAcquisitions.size() < 20) {
			this.nestedAcquisitions.add(Thread.currentThread().getName() + " " + callers());
		}
		boolean[] closed = { false };
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if ("close".equals(method.getName()) && !closed[0]) {
						closed[0] = true;
						count[0]--;
					}
					if ("unwrap".equals(method.getName()) || "isWrapperFor".equals(method.getName())) {
						return method.invoke(connection, args);
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static String callers() {
		StringBuilder frames = new StringBuilder();
		StackTraceElement[] stack = Thread.currentThread().getStackTrace();
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().startsWith("nl.werkproces.lti")
					&& !frame.getClassName().startsWith(ConnectionHoldCounter.class.getName())) {
				frames.append(frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1))
					.append('.')
					.append(frame.getMethodName())
					.append(' ');
			}
		}
		return frames.toString();
	}

	private final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return track(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return track(super.getConnection(username, password));
		}

	}

}
