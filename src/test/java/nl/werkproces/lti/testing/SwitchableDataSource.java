package nl.werkproces.lti.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source with a switch for database outages: {@link #hang()} makes every new connection wait
 * (as a pool does while the database is unreachable) until {@link #recover()}; {@link #fail()} refuses connections
 * at once.
 */
public final class SwitchableDataSource extends DelegatingDataSource {

	private static final long LONGEST_HANG_SECONDS = 60;

	private final AtomicReference<CountDownLatch> hanging = new AtomicReference<>();

	private volatile boolean failing;

	SwitchableDataSource(DataSource target) {
		super(target);
	}

	public void hang() {
		this.hanging.compareAndSet(null, new CountDownLatch(1));
	}

	public void fail() {
		this.failing = true;
	}

	public void recover() {
		this.failing = false;
		CountDownLatch latch = this.hanging.getAndSet(null);
		if (latch != null) {
			latch.countDown();
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		outage();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		outage();
		return super.getConnection(username, password);
	}

	private void outage() throws SQLException {
		CountDownLatch latch = this.hanging.get();
		if (latch != null) {
			try {
				latch.await(LONGEST_HANG_SECONDS, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLTransientConnectionException("interrupted while the database hangs");
			}
		}
		if (this.failing) {
			throw new SQLTransientConnectionException("database unavailable (test outage)");
		}
	}

	/** Wraps the application's data source in a {@link SwitchableDataSource}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor switchableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof SwitchableDataSource))
							? new SwitchableDataSource(dataSource) : bean;
				}
			};
		}

	}

}
